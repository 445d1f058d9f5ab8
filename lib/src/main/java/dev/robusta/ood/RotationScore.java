package dev.robusta.ood;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;

/**
 * The multi-class OOD score of Hendrycks, Mazeika, Kadavath and Song, "Using Self-Supervised Learning Can Improve
 * Model Robustness and Uncertainty" (NeurIPS 2019), for a classifier trained with a rotation-prediction head:
 * <pre>
 *   s(x) = -KL[ U || p(y | x) ] + (1/4) sum_{r = 0..3} KL[ onehot(r) || p_rot(. | R_r(x)) ]
 *        = -KL[ U || p(y | x) ] + (1/4) sum_{r = 0..3} -log2 p_rot(r | R_r(x))
 * </pre>
 * where {@code U} is uniform over the C classes, {@code p(y|x)} the classifier's softmax on the unrotated image,
 * {@code R_r} the rotation by r quarter turns and {@code p_rot} the rotation head's softmax. A confident class
 * posterior (far from uniform) and a well-predicted rotation both lower the score, so it is
 * {@link Orientation#HIGHER_IS_MORE_OOD}. Logarithms are base 2 (bits) as in the reference code
 * ({@code hendrycks/ss-ood · multiclass_ood/test_auxiliary_ood.py}, {@code get_anomaly_score_batch}:
 * {@code curr_score = -kl_div(uniform, softmax) + mean of the four kl_div(one_hot(r), rot_softmax)} with
 * {@code kl_div} in {@code log2}); the base scales both terms alike and does not change any ranking. The
 * reference hard-codes the uniform as 0.1 (C = 10); here it is 1/C. The signs are the reference code's: the
 * paper's formula (Section 4.1) gives both terms the same sign, which the code does not (discussed in
 * {@code hendrycks/ss-ood} issue #24; with the code's signs both terms grow for OOD inputs). Computed in float64 from log-softmax
 * (max-shifted), so saturated softmaxes stay finite.
 */
public final class RotationScore {
  private static final double LN2 = Math.log(2);

  private RotationScore() {}

  /**
   * @param classLogits {@code [N, C]} classifier logits of the unrotated images
   * @param rotationLogits {@code [4][N][4]}: {@code rotationLogits[r][i]} are the rotation head's 4 logits for
   *     image i rotated by r quarter turns counter-clockwise (0, 90, 180, 270 degrees)
   * @return the score per image in bits, {@link Orientation#HIGHER_IS_MORE_OOD}; any real number (the KL term is
   *     {@code <= 0}, the rotation term {@code >= 0}); uniform class and rotation posteriors give {@code 2}
   * @throws IllegalArgumentException on non-finite or ragged logits, or shapes that do not match
   */
  public static Scores score(double[][] classLogits, double[][][] rotationLogits) {
    Softmax.checkLogits(classLogits);
    int n = classLogits.length;
    if (rotationLogits.length != 4) {
      throw new IllegalArgumentException("rotation logits must hold the 4 rotations 0/90/180/270 ([4][N][4]), got "
          + rotationLogits.length);
    }
    for (int r = 0; r < 4; r++) {
      Softmax.checkLogits(rotationLogits[r]);
      if (rotationLogits[r].length != n) {
        throw new IllegalArgumentException("rotation " + r + " has " + rotationLogits[r].length
            + " rows but there are " + n + " images");
      }
      for (double[] row : rotationLogits[r]) {
        if (row.length != 4) {
          throw new IllegalArgumentException("the rotation head must give 4 logits per image, got " + row.length);
        }
      }
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = -klUniformToPosterior(classLogits[i]) + rotationLoss(rotationLogits, i);
    }
    return new Scores("KL(U||p) + rotation loss (Hendrycks 2019)", s, Orientation.HIGHER_IS_MORE_OOD);
  }

  /** KL[U || softmax(z)] in bits = sum_c (1/C) (log2(1/C) - log2 p_c). */
  static double klUniformToPosterior(double[] z) {
    int c = z.length;
    double lse = Softmax.logSumExp(z);
    double meanLogP = 0;
    for (double v : z) {
      meanLogP += (v - lse) / c;
    }
    return (-Math.log(c) - meanLogP) / LN2;
  }

  /** (1/4) sum_r -log2 softmax(rotationLogits[r][i])[r]. */
  static double rotationLoss(double[][][] rotationLogits, int i) {
    double sum = 0;
    for (int r = 0; r < 4; r++) {
      double[] z = rotationLogits[r][i];
      sum += (Softmax.logSumExp(z) - z[r]) / LN2;
    }
    return sum / 4;
  }
}
