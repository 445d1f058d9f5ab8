package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Label-space policies, top-k ties, per-class / balanced accuracy and Clopper-Pearson intervals. */
@Timeout(30)
class ClassificationTest {

  @Test
  void subsetMaskingChangesThePrediction() {
    // class 0 wins over all 6 logits, but the subset {2, 4} only sees 2 and 4
    double[][] logits = {{9, 1, 5, 0, 3, 0}, {9, 1, 2, 0, 3, 0}};
    int[] labelsFull = {0, 4};
    AccuracyResult full = Classification.accuracy(logits, labelsFull, LabelSpace.full());
    assertEquals(1, full.top1Correct());
    LabelSpace sub = LabelSpace.subset("toy 2 of 6", new int[] {2, 4});
    int[] positions = {0, 1}; // row 0 is class 2 (position 0), row 1 is class 4 (position 1)
    AccuracyResult masked = Classification.accuracy(logits, positions, sub);
    assertEquals(2, masked.top1Correct());
    assertArrayEquals(new int[] {0, 1}, Classification.predict(logits, sub));
    assertTrue(masked.toString().contains("toy 2 of 6") && masked.toString().contains("masked"), masked.toString());
  }

  @Test
  void anyOfCountsEveryMappedClass() {
    double[][] logits = {{0, 7, 1, 5}, {0, 1, 7, 5}, {9, 1, 4, 3}};
    // label 0 <- model classes {1, 2}; label 1 <- {3}; class 0 is not a candidate
    LabelSpace objectnet = LabelSpace.anyOf("toy", new int[] {1, 2, 3}, new int[][] {{1, 2}, {3}});
    AccuracyResult r = Classification.accuracy(logits, new int[] {0, 0, 1}, objectnet);
    assertEquals(2, r.top1Correct());
    assertEquals(3, r.top5Correct());
    assertEquals(2.0 / 3, r.top1(), 1e-15);
    assertEquals(1.0 / 3, r.top1Error(), 1e-15);
    assertEquals((1.0 + 0.0) / 2, r.balancedAccuracy(), 1e-15);
  }

  @Test
  void topFiveAndTiesFollowTheLowerIndex() {
    double[] row = {1, 1, 1, 1, 1, 1, 1};
    double[][] logits = {row, row};
    AccuracyResult r = Classification.accuracy(logits, new int[] {0, 6}, LabelSpace.full());
    assertEquals(1, r.top1Correct(), "argmax of all-equal logits is class 0");
    assertEquals(1, r.top5Correct(), "class 6 ranks 7th under index tie-breaking");
    assertEquals(1.0, r.perClassAccuracy()[0], 0.0);
    assertEquals(0.0, r.perClassAccuracy()[6], 0.0);
    assertTrue(Double.isNaN(r.perClassAccuracy()[3]));
    assertEquals(0.5, r.balancedAccuracy(), 0.0);
  }

  @Test
  void badLabelsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Classification.accuracy(new double[][] {{1, 2}}, new int[] {2}, LabelSpace.full()));
    assertTrue(e.getMessage().contains("label 2 at row 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Classification.accuracy(new double[][] {{1, 2}}, new int[] {0}, LabelSpace.subset("x", new int[] {0, 5})));
    assertThrows(IllegalArgumentException.class, () -> LabelSpace.subset("dup", new int[] {3, 3}));
  }

  @Test
  void clopperPearsonMatchesScipyAndClosedForms() {
    // scipy.stats.beta.ppf reference values (alpha/2; k, n-k+1) and (1-alpha/2; k+1, n-k)
    Interval a = ClopperPearson.interval(30, 100, 0.95);
    assertEquals(0.21240642048953662, a.lower(), 1e-10);
    assertEquals(0.3998146761798041, a.upper(), 1e-10);
    Interval b = ClopperPearson.interval(7, 10, 0.995);
    assertEquals(0.23672683364843913, b.lower(), 1e-10);
    assertEquals(0.9710442465917426, b.upper(), 1e-10);
    Interval c = ClopperPearson.interval(49000, 50000, 0.95);
    assertEquals(0.9787346278387317, c.lower(), 1e-10);
    assertEquals(0.9812092048210579, c.upper(), 1e-10);
    // closed forms at the ends: k = 0 -> upper 1 - (alpha/2)^(1/n); k = n -> lower (alpha/2)^(1/n)
    Interval zero = ClopperPearson.interval(0, 20, 0.95);
    assertEquals(0.0, zero.lower(), 0.0);
    assertEquals(1 - Math.pow(0.025, 1.0 / 20), zero.upper(), 1e-12);
    Interval all = ClopperPearson.interval(20, 20, 0.95);
    assertEquals(Math.pow(0.025, 1.0 / 20), all.lower(), 1e-12);
    assertEquals(1.0, all.upper(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(5, 4, 0.95));
    assertTrue(a.toString().contains("Clopper-Pearson"));
  }
}
