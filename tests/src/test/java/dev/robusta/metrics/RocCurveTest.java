package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.Metrics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ROC points for plotting: their trapezoidal area is the metrics' AUROC, ties move together, orientation is honoured. */
class RocCurveTest {
  @Test
  void handWorkedExampleWithTies() {
    // towards OOD: OOD {3, 2, 2}, ID {2, 1}; thresholds 3, 2, 1
    double[][] roc = Metrics.roc(Scores.higherIsOod("s", 2, 1), Scores.higherIsOod("s", 3, 2, 2));
    assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc[0], 1e-15);
    assertArrayEquals(new double[] {0, 1 / 3.0, 1, 1}, roc[1], 1e-15);
  }

  @Test
  void trapezoidAreaIsAurocUnderEitherOrientation() {
    SplittableRandom r = new SplittableRandom(7);
    double[] id = new double[300];
    double[] ood = new double[120];
    for (int i = 0; i < id.length; i++) id[i] = Math.round(r.nextGaussian() * 4) / 4.0;
    for (int i = 0; i < ood.length; i++) ood[i] = Math.round((r.nextGaussian() - 0.8) * 4) / 4.0;
    Scores sId = Scores.higherIsId("msp-like", id);
    Scores sOod = Scores.higherIsId("msp-like", ood);
    double[][] roc = Metrics.roc(sId, sOod);
    double area = 0;
    for (int k = 1; k < roc[0].length; k++) area += (roc[0][k] - roc[0][k - 1]) * (roc[1][k] + roc[1][k - 1]) / 2;
    assertEquals(Metrics.auroc(sId, sOod), area, 1e-12);
    assertEquals(1, roc[0][roc[0].length - 1]);
    assertEquals(1, roc[1][roc[1].length - 1]);
    double[][] flipped = Metrics.roc(sId.negated(), sOod.negated());
    assertArrayEquals(roc[0], flipped[0], 0);
    assertArrayEquals(roc[1], flipped[1], 0);
  }

  @Test
  void mixedOrientationsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.roc(Scores.higherIsId("a", 1, 2), Scores.higherIsOod("a", 1, 2)));
  }
}
