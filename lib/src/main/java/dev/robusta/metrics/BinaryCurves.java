package dev.robusta.metrics;

/**
 * One descending sweep over the distinct thresholds of two ascending-sorted score arrays (positives
 * and negatives, larger = more positive), giving every threshold metric at once. Counts are exact
 * integers; AUROC is the exact Mann-Whitney ratio (ties count one half), which is what scikit-learn's
 * trapezoidal {@code roc_auc_score} approximates.
 */
final class BinaryCurves {
  static final double RECALL_LEVEL = 0.95;

  final double auroc;
  /** Average precision as scikit-learn's {@code average_precision_score}: sum of (recall step) x precision. */
  final double averagePrecision;
  final double fprClosest;
  final double recallClosest;
  final double thresholdClosest;
  final double fprFirst;
  final double recallFirst;
  final double thresholdFirst;
  final double detectionError;

  private BinaryCurves(double[] r) {
    auroc = r[0];
    averagePrecision = r[1];
    fprClosest = r[2];
    recallClosest = r[3];
    thresholdClosest = r[4];
    fprFirst = r[5];
    recallFirst = r[6];
    thresholdFirst = r[7];
    detectionError = r[8];
  }

  /**
   * @param pos positive-class scores sorted ascending (non-empty, finite)
   * @param neg negative-class scores sorted ascending (non-empty, finite)
   */
  static BinaryCurves of(double[] pos, double[] neg) {
    final long nPos = pos.length;
    final long nNeg = neg.length;
    final double dPos = nPos;
    final double dNeg = nNeg;
    int i = pos.length - 1;
    int j = neg.length - 1;
    long tp = 0;
    long fp = 0;
    long auc2 = 0; // 2 * sum over thresholds of negAt * (tpAbove + posAt / 2)
    double ap = 0;
    boolean fullRecallSeen = false;
    double bestDiff = Double.POSITIVE_INFINITY;
    double fprClosest = Double.NaN;
    double recallClosest = Double.NaN;
    double thrClosest = Double.NaN;
    double fprFirst = Double.NaN;
    double recallFirst = Double.NaN;
    double thrFirst = Double.NaN;
    double detErr = 0.5; // the ROC point (0, 0)
    while (i >= 0 || j >= 0) {
      double v;
      if (i < 0) v = neg[j];
      else if (j < 0) v = pos[i];
      else v = Math.max(pos[i], neg[j]);
      long dp = 0;
      while (i >= 0 && pos[i] == v) {
        dp++;
        i--;
      }
      long dn = 0;
      while (j >= 0 && neg[j] == v) {
        dn++;
        j--;
      }
      auc2 += dn * (2 * tp + dp);
      long tpPrev = tp;
      tp += dp;
      fp += dn;
      double recall = tp / dPos;
      double fpr = fp / dNeg;
      if (dp > 0) {
        double precision = tp / (double) (tp + fp);
        ap += (recall - tpPrev / dPos) * precision;
      }
      if (!fullRecallSeen) {
        double diff = Math.abs(recall - RECALL_LEVEL);
        if (diff <= bestDiff) { // later (lower) thresholds win ties, as numpy's argmin on the reversed list
          bestDiff = diff;
          fprClosest = fpr;
          recallClosest = recall;
          thrClosest = v;
        }
        fullRecallSeen = tp == nPos;
      }
      if (Double.isNaN(fprFirst) && recall >= RECALL_LEVEL) {
        fprFirst = fpr;
        recallFirst = recall;
        thrFirst = v;
      }
      double de = 0.5 * (1 - recall) + 0.5 * fpr;
      if (de < detErr) detErr = de;
    }
    double auroc = auc2 / (2.0 * dPos * dNeg);
    return new BinaryCurves(new double[] {auroc, ap, fprClosest, recallClosest, thrClosest,
        fprFirst, recallFirst, thrFirst, detErr});
  }
}
