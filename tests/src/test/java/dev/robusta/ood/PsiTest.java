package dev.robusta.ood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.metrics.OodConvention;
import dev.robusta.metrics.OodDetection;
import dev.robusta.metrics.Orientation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PSI readings on hand-built logit distributions. */
@Timeout(30)
class PsiTest {

  /** Three classes; own-class logit ~ 5 + noise, other logits ~ 0 + noise. */
  static double[][] logits(SplittableRandom r, int[] labels) {
    double[][] z = new double[labels.length][3];
    for (int i = 0; i < labels.length; i++) {
      for (int k = 0; k < 3; k++) z[i][k] = (k == labels[i] ? 5 : 0) + 0.5 * r.nextGaussian();
    }
    return z;
  }

  @Test
  void readsInClassUncertainAndOutlier() {
    SplittableRandom r = new SplittableRandom(11);
    int[] y = new int[600];
    for (int i = 0; i < y.length; i++) y[i] = i % 3;
    Psi psi = Psi.fit(logits(r, y), y, 0.05);
    Psi.Result res = psi.interpret(new double[][] {{5, 0, 0}, {5, 5, 0}, {0, 0, 0}, {-1, 0.2, 0.1}, {0, 0, 4.8}});
    assertArrayEquals(new Psi.Decision[] {Psi.Decision.IN_CLASS, Psi.Decision.UNCERTAIN, Psi.Decision.OUTLIER,
        Psi.Decision.OUTLIER, Psi.Decision.IN_CLASS}, res.decision());
    assertArrayEquals(new int[] {0, -1, -1, -1, 2}, res.predictedClass());
    assertEquals(Orientation.HIGHER_IS_MORE_ID, res.scores().orientation());
    assertTrue(res.scores().values()[0] > res.scores().values()[2]);
    assertTrue(res.toString().contains("2 in-class, 1 uncertain, 2 outliers"), res.toString());
    // as an OOD score: ID test logits against flat OOD logits
    int[] yt = new int[300];
    for (int i = 0; i < yt.length; i++) yt[i] = i % 3;
    double[][] ood = new double[300][3];
    for (double[] row : ood) for (int k = 0; k < 3; k++) row[k] = 1.5 + 0.5 * r.nextGaussian();
    double auroc = OodDetection.evaluate(psi.interpret(logits(r, yt)).scores(), psi.interpret(ood).scores(),
        OodConvention.DEFAULT).auroc();
    assertTrue(auroc > 0.95, "AUROC " + auroc);
  }

  @Test
  void empiricalCdfCountsValuesAtOrBelow() {
    double[] s = {1, 2, 2, 3};
    assertEquals(0.0, Psi.cdf(s, 0.5), 0.0);
    assertEquals(0.75, Psi.cdf(s, 2), 0.0);
    assertEquals(1.0, Psi.cdf(s, 3), 0.0);
    assertThrows(IllegalArgumentException.class, () -> Psi.fit(new double[][] {{1, 0}, {2, 0}}, new int[] {0, 0}, 0.05));
    assertThrows(IllegalArgumentException.class, () -> Psi.fit(new double[][] {{1, 0}, {0, 1}}, new int[] {0, 1}, 0.7));
  }
}
