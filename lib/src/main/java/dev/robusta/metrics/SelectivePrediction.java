package dev.robusta.metrics;

/**
 * AURRA, AURC and the risk-coverage curve from (confidence, correct) pairs, shape {@code [N]} each.
 * Ordering uses a stable primitive sort; tied confidences are accepted in descending index order.
 */
public final class SelectivePrediction {
  private SelectivePrediction() {}

  /**
   * @param confidence confidence per sample in [0, 1] (e.g. max softmax), shape {@code [N]}
   * @param correct whether each prediction is right, shape {@code [N]}
   * @return the curve with AURC and AURRA
   * @throws IllegalArgumentException on bad lengths, N = 0 or a confidence outside [0, 1]
   */
  public static RiskCoverageCurve riskCoverage(double[] confidence, boolean[] correct) {
    Calibration.check(confidence, correct);
    int n = confidence.length;
    int[] asc = Sorting.argsortStable(confidence);
    double[] cov = new double[n];
    double[] risk = new double[n];
    long right = 0;
    double sumAcc = 0;
    double sumRisk = 0;
    for (int k = 0; k < n; k++) {
      if (correct[asc[n - 1 - k]]) right++;
      cov[k] = (k + 1) / (double) n;
      double acc = right / (double) (k + 1);
      risk[k] = (k + 1 - right) / (double) (k + 1);
      sumAcc += acc;
      sumRisk += risk[k];
    }
    return new RiskCoverageCurve(cov, risk, sumRisk / n, sumAcc / n);
  }

  /** @return AURRA, the mean accuracy over response rates 1/N..N/N (higher is better) */
  public static double aurra(double[] confidence, boolean[] correct) {
    return riskCoverage(confidence, correct).aurra();
  }

  /** @return AURC, the mean risk over coverages 1/N..N/N (lower is better) */
  public static double aurc(double[] confidence, boolean[] correct) {
    return riskCoverage(confidence, correct).aurc();
  }
}
