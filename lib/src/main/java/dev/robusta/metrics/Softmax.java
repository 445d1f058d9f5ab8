package dev.robusta.metrics;

/**
 * Numerically stable softmax and log-sum-exp on one logit row (float64, max-shifted), shared by the
 * calibration metrics and the OOD scores. Rows are shape {@code [C]}, C &gt;= 1; values must be finite.
 */
public final class Softmax {
  private Softmax() {}

  /** @return log(sum_k exp(z_k)), computed as max + log(sum exp(z - max)): [1000, 0, 0] gives 1000, not infinity */
  public static double logSumExp(double[] z) {
    double m = max(z);
    double s = 0;
    for (double v : z) s += Math.exp(v - m);
    return m + Math.log(s);
  }

  /** @return log(sum_k exp(z_k / t)) for temperature {@code t > 0} */
  public static double logSumExp(double[] z, double t) {
    double m = max(z) / t;
    double s = 0;
    for (double v : z) s += Math.exp(v / t - m);
    return m + Math.log(s);
  }

  /** @return the softmax probabilities of {@code z}, shape {@code [C]}, summing to 1 */
  public static double[] probabilities(double[] z) {
    return probabilities(z, 1.0);
  }

  /** @return the softmax probabilities of {@code z / t} for temperature {@code t > 0} */
  public static double[] probabilities(double[] z, double t) {
    double m = max(z);
    double[] p = new double[z.length];
    double s = 0;
    for (int k = 0; k < z.length; k++) {
      p[k] = Math.exp((z[k] - m) / t);
      s += p[k];
    }
    for (int k = 0; k < z.length; k++) p[k] /= s;
    return p;
  }

  /** @return the index of the largest value; the first one wins ties (numpy/torch {@code argmax}) */
  public static int argmax(double[] z) {
    int best = 0;
    for (int k = 1; k < z.length; k++) if (z[k] > z[best]) best = k;
    return best;
  }

  /** @return the largest value of a non-empty row */
  public static double max(double[] z) {
    if (z.length == 0) throw new IllegalArgumentException("a logit row needs at least one class");
    double m = z[0];
    for (double v : z) if (v > m) m = v;
    return m;
  }

  /** @return logits widened to double, shape kept */
  public static double[][] toDouble(float[][] logits) {
    double[][] d = new double[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      d[i] = new double[logits[i].length];
      for (int k = 0; k < d[i].length; k++) d[i][k] = logits[i][k];
    }
    return d;
  }

  /**
   * Checks an [N, C] logit matrix: N &gt;= 1, rectangular, C &gt;= 1, all finite.
   *
   * @throws IllegalArgumentException naming the problem (ragged row, how many non-finite values)
   */
  public static void checkLogits(double[][] logits) {
    if (logits.length == 0) throw new IllegalArgumentException("logits are empty: expected shape [N, C] with N >= 1");
    int c = logits[0].length;
    int bad = 0;
    for (int i = 0; i < logits.length; i++) {
      if (logits[i].length != c) {
        throw new IllegalArgumentException("logits are ragged: row 0 has " + c + " classes, row " + i + " has "
            + logits[i].length + "; expected shape [N, C]");
      }
      for (double v : logits[i]) if (!Double.isFinite(v)) bad++;
    }
    if (c == 0) throw new IllegalArgumentException("logits have 0 classes; expected shape [N, C] with C >= 1");
    if (bad > 0) throw new IllegalArgumentException(bad + " logit values are not finite (NaN or infinite)");
  }
}
