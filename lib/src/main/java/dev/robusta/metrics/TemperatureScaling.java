package dev.robusta.metrics;

/**
 * Fits the temperature of temperature scaling by minimising the held-out NLL. The NLL is convex in
 * beta = 1/T (log-sum-exp is convex, the label term linear), so a safeguarded Newton iteration on beta
 * (derivative: mean of E_p[z] - z_y; curvature: mean of Var_p[z]) finds the global minimum.
 */
public final class TemperatureScaling {
  /** The search range for T. */
  public static final double MIN_T = 1e-3;
  public static final double MAX_T = 1e3;

  private TemperatureScaling() {}

  /**
   * @param logits held-out logits, shape {@code [N, C]}, finite (never the test set)
   * @param labels held-out labels in [0, C), shape {@code [N]}
   * @return the fitted temperature, clamped to [{@link #MIN_T}, {@link #MAX_T}]
   * @throws IllegalArgumentException on bad shapes, labels or non-finite logits
   */
  public static Temperature fit(double[][] logits, int[] labels) {
    Calibration.checkLabels(logits, labels);
    double lo = 1 / MAX_T;
    double hi = 1 / MIN_T;
    double beta = 1.0;
    for (int it = 0; it < 100; it++) {
      double[] g = gradient(logits, labels, beta);
      if (g[0] > 0) hi = beta; else lo = beta;
      if (Math.abs(g[0]) < 1e-12 || hi - lo < 1e-12 * hi) break;
      double next = g[1] > 0 ? beta - g[0] / g[1] : Double.NaN;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (Math.abs(next - beta) < 1e-13 * beta) {
        beta = next;
        break;
      }
      beta = next;
    }
    double t = Math.min(MAX_T, Math.max(MIN_T, 1 / beta));
    return new Temperature(t, nllAt(logits, labels, 1.0), nllAt(logits, labels, 1 / t), logits.length);
  }

  /** @return {first derivative, second derivative} of the mean NLL with respect to beta */
  private static double[] gradient(double[][] logits, int[] labels, double beta) {
    double d1 = 0;
    double d2 = 0;
    for (int i = 0; i < logits.length; i++) {
      double[] z = logits[i];
      double[] p = Softmax.probabilities(z, 1 / beta);
      double mean = 0;
      double sq = 0;
      for (int k = 0; k < z.length; k++) {
        mean += p[k] * z[k];
        sq += p[k] * z[k] * z[k];
      }
      d1 += mean - z[labels[i]];
      d2 += Math.max(0, sq - mean * mean);
    }
    return new double[] {d1 / logits.length, d2 / logits.length};
  }

  private static double nllAt(double[][] logits, int[] labels, double beta) {
    double s = 0;
    for (int i = 0; i < logits.length; i++) s += Softmax.logSumExp(logits[i], 1 / beta) - beta * logits[i][labels[i]];
    return s / logits.length;
  }
}
