package dev.robusta.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.OodScores;
import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import org.junit.jupiter.api.Test;

/**
 * The self-supervised OOD score of Hendrycks et al. (NeurIPS 2019, {@code ss-ood} multiclass_ood) on hand cases:
 * -KL(U || p) + mean_r -log2 p_rot(r | R_r x), in bits, higher = more OOD.
 */
class RotationScoreTest {
  private static final double LN3 = Math.log(3);

  private static double[][][] rotations(double[]... perRotation) {
    double[][][] r = new double[4][1][];
    for (int k = 0; k < 4; k++) {
      r[k][0] = perRotation[k];
    }
    return r;
  }

  @Test
  void uniformPosteriorsScoreTwoBits() {
    // KL(U || U) = 0; every rotation predicted with p = 1/4: -log2(1/4) = 2
    double[] zero = {0, 0, 0, 0};
    Scores s = RotationScore.score(new double[][] {{0, 0}}, rotations(zero, zero, zero, zero));
    assertEquals(2.0, s.values()[0], 1e-15);
    assertEquals(Orientation.HIGHER_IS_MORE_OOD, s.orientation());
  }

  @Test
  void handCaseInBits() {
    // classes: logits [ln 3, 0] -> p = [3/4, 1/4]; KL(U||p) = 0.5 log2(0.5/0.75) + 0.5 log2(0.5/0.25)
    //   = 0.5 (1 - log2 3) + 0.5 = 1 - 0.5 log2 3 = 0.2075187496394219
    // rotation r: target logit ln 3, others 0 -> p(r) = 3/6 = 1/2 -> 1 bit each, mean 1
    // rotation 3 given a wrong confident head instead: target logit 0, another ln 3 -> p(3) = 1/6 -> log2 6 bits
    double kl = 1 - 0.5 * Math.log(3) / Math.log(2);
    double[][] cls = {{LN3, 0}};
    Scores s = RotationScore.score(cls, rotations(new double[] {LN3, 0, 0, 0}, new double[] {0, LN3, 0, 0},
        new double[] {0, 0, LN3, 0}, new double[] {0, 0, 0, LN3}));
    assertEquals(-kl + 1, s.values()[0], 1e-12);
    assertEquals(0.7924812503605781, s.values()[0], 1e-12);
    Scores wrong = RotationScore.score(cls, rotations(new double[] {LN3, 0, 0, 0}, new double[] {0, LN3, 0, 0},
        new double[] {0, 0, LN3, 0}, new double[] {LN3, 0, 0, 0}));
    assertEquals(-kl + (3 + Math.log(6) / Math.log(2)) / 4, wrong.values()[0], 1e-12);
    assertTrue(wrong.values()[0] > s.values()[0], "a mispredicted rotation must raise the OOD score");
  }

  @Test
  void aConfidentClassifierLowersTheScoreAndLargeLogitsStayFinite() {
    double[][][] rot = {{{1000, 0, 0, 0}}, {{0, 1000, 0, 0}}, {{0, 0, 1000, 0}}, {{0, 0, 0, 1000}}};
    Scores s = RotationScore.score(new double[][] {{1000, 0, 0}}, rot);
    // KL(U || p) with p = (1, e^-1000, e^-1000): (1/3)(log2(1/3) * 3 - (0 - 1000 - 1000)/ln 2) = -log2 3 + 2000/(3 ln 2)
    double kl = -Math.log(3) / Math.log(2) + 2000 / (3 * Math.log(2));
    assertEquals(-kl, s.values()[0], 1e-9);
    assertTrue(Double.isFinite(s.values()[0]));
  }

  @Test
  void theFacadeTakesFloatLogitsOfTheModel() {
    float[][] cls = {{0, 0}, {(float) LN3, 0}};
    float[][][] rot = new float[4][2][4];
    Scores s = OodScores.rotation(cls, rot);
    assertEquals(2.0, s.values()[0], 1e-12);
    assertEquals(2.0 - (1 - 0.5 * Math.log(3) / Math.log(2)), s.values()[1], 1e-6);
  }

  @Test
  void badShapesAreNamed() {
    double[][] cls = {{0, 0}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RotationScore.score(cls, new double[3][1][4]));
    assertTrue(e.getMessage().contains("4 rotations"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RotationScore.score(cls, new double[4][2][4]));
    assertThrows(IllegalArgumentException.class, () -> RotationScore.score(cls, new double[4][1][3]));
    assertThrows(IllegalArgumentException.class,
        () -> RotationScore.score(new double[][] {{Double.NaN, 0}}, new double[4][1][4]));
  }
}
