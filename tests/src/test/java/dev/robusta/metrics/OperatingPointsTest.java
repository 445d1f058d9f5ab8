package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OperatingPointsTest {
  /** The hand case: ID 17 x 0.9 + 3 x 0.1, OOD 19 x 0.2 + 1 x 0.95 (confidences: higher = more ID). */
  private static final Scores ID = Scores.higherIsId("msp", fill(17, 0.9, 3, 0.1));
  private static final Scores OOD = Scores.higherIsId("msp", fill(19, 0.2, 1, 0.95));

  private static double[] fill(int n1, double v1, int n2, double v2) {
    double[] a = new double[n1 + n2];
    Arrays.fill(a, 0, n1, v1);
    Arrays.fill(a, n1, n1 + n2, v2);
    return a;
  }

  private static double trapezoid(double[] x, double[] y) {
    double s = 0;
    for (int i = 1; i < x.length; i++) s += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    return s;
  }

  @Test
  void rocPointsOfTheHandCaseWithOodPositive() {
    OperatingPoints p = OperatingPoints.of(ID, OOD, PositiveClass.OOD);
    // thresholds on -confidence: 4 distinct values (-0.1, -0.2, -0.9, -0.95), plus the (0, 0) start
    assertArrayEquals(new double[] {0, 3 / 20.0, 3 / 20.0, 1, 1}, p.fpr(), 1e-15);
    assertArrayEquals(new double[] {0, 0, 19 / 20.0, 19 / 20.0, 1}, p.tpr(), 1e-15);
    assertArrayEquals(new double[] {Double.POSITIVE_INFINITY * -1, 0.1, 0.2, 0.9, 0.95}, p.threshold(), 1e-15);
    assertEquals(0.8075, trapezoid(p.fpr(), p.tpr()), 1e-12, "ROC area equals the issue's AUROC");
    assertEquals(OodDetection.evaluate(ID, OOD, OodConvention.DEFAULT).auroc(), trapezoid(p.fpr(), p.tpr()), 1e-12);
    assertTrue(Double.isNaN(p.precision()[0]));
    assertEquals(19 / 22.0, p.precision()[2], 1e-15);
  }

  @Test
  void idPositiveMirrorsTheCurve() {
    OperatingPoints p = OperatingPoints.of(ID, OOD, PositiveClass.ID);
    assertEquals(0.8075, trapezoid(p.fpr(), p.tpr()), 1e-12);
    assertEquals(1.0, p.tpr()[p.tpr().length - 1]);
    assertEquals(1.0, p.fpr()[p.fpr().length - 1]);
  }

  @Test
  void oneClassIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> OperatingPoints.of(ID, Scores.higherIsId("msp"), PositiveClass.OOD));
  }
}
