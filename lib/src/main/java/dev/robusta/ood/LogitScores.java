package dev.robusta.ood;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;
import java.util.Locale;

/**
 * OOD scores computed from logits alone, shape {@code [N, C]} in, one score per row out. All are
 * float64 with a max-shifted (stable) softmax / log-sum-exp, so logits of magnitude 1000 stay finite.
 * Each result declares its {@link Orientation}. Non-finite or ragged logits raise
 * {@link IllegalArgumentException} naming the problem.
 */
public final class LogitScores {
  private LogitScores() {}

  /**
   * Maximum softmax probability (Hendrycks &amp; Gimpel, ICLR 2017; OE's score is -MSP).
   *
   * @return MSP in (0, 1], {@link Orientation#HIGHER_IS_MORE_ID}
   */
  public static Scores msp(double[][] logits) {
    Softmax.checkLogits(logits);
    double[] s = new double[logits.length];
    for (int i = 0; i < s.length; i++) s[i] = Math.exp(Softmax.max(logits[i]) - Softmax.logSumExp(logits[i]));
    return new Scores("MSP", s, Orientation.HIGHER_IS_MORE_ID);
  }

  /**
   * Maximum logit (Hendrycks et al., "Scaling OOD detection", ICML 2022; anomaly-seg's score is -max logit).
   *
   * @return max_k z_k, {@link Orientation#HIGHER_IS_MORE_ID}
   */
  public static Scores maxLogit(double[][] logits) {
    Softmax.checkLogits(logits);
    double[] s = new double[logits.length];
    for (int i = 0; i < s.length; i++) s[i] = Softmax.max(logits[i]);
    return new Scores("MaxLogit", s, Orientation.HIGHER_IS_MORE_ID);
  }

  /**
   * Free energy (Liu et al., NeurIPS 2020; {@code wetliu/energy_ood · CIFAR/test.py}):
   * E(x) = -T log sum_k exp(z_k / T). In-distribution samples get <em>lower</em> energy, so the score is
   * {@link Orientation#HIGHER_IS_MORE_OOD}. Stable: logits [1000, 0, 0] at T = 1 give -1000, not -infinity.
   *
   * @param temperature T &gt; 0 (the paper uses 1)
   */
  public static Scores energy(double[][] logits, double temperature) {
    Softmax.checkLogits(logits);
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a positive finite number, was " + temperature);
    }
    double[] s = new double[logits.length];
    for (int i = 0; i < s.length; i++) s[i] = -temperature * Softmax.logSumExp(logits[i], temperature);
    return new Scores(String.format(Locale.ROOT, "energy(T=%s)", temperature), s, Orientation.HIGHER_IS_MORE_OOD);
  }

  /**
   * Shannon entropy of the softmax in nats, -sum p_k log p_k with log p_k = z_k - logsumexp(z);
   * in [0, log C], {@link Orientation#HIGHER_IS_MORE_OOD}.
   */
  public static Scores entropy(double[][] logits) {
    Softmax.checkLogits(logits);
    double[] s = new double[logits.length];
    for (int i = 0; i < s.length; i++) {
      double lse = Softmax.logSumExp(logits[i]);
      double h = 0;
      for (double z : logits[i]) {
        double lp = z - lse;
        double p = Math.exp(lp);
        if (p > 0) h -= p * lp;
      }
      s[i] = h;
    }
    return new Scores("entropy", s, Orientation.HIGHER_IS_MORE_OOD);
  }

  /**
   * Outlier Exposure's cross-entropy-to-uniform score ({@code outlier-exposure · test.py --use_xent}):
   * mean_k z_k - logsumexp(z), in [-inf, -log C]; {@link Orientation#HIGHER_IS_MORE_OOD}.
   */
  public static Scores oeCrossEntropy(double[][] logits) {
    Softmax.checkLogits(logits);
    double[] s = new double[logits.length];
    for (int i = 0; i < s.length; i++) {
      double m = 0;
      for (double z : logits[i]) m += z;
      s[i] = m / logits[i].length - Softmax.logSumExp(logits[i]);
    }
    return new Scores("OE cross-entropy", s, Orientation.HIGHER_IS_MORE_OOD);
  }
}
