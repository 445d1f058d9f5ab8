package dev.robusta.report;

import java.util.Map;

/**
 * OOD-detection figures: ROC and PR curves for several scores, ID vs OOD score histograms. The curve points
 * come from the metrics package; these methods only draw them.
 */
public final class OodCharts {
  private OodCharts() {}

  /**
   * ROC curves, one trace per score (legend: name and AUROC), with the chance diagonal.
   *
   * @param curves score name to its ROC points (x = FPR, y = TPR, both in [0, 1]), in legend order
   * @param positive which side is positive, e.g. "OOD positive" (goes into the axis titles)
   */
  public static Chart roc(String title, Map<String, Curve> curves, String positive) {
    ChartBuilder b = Chart.builder(title).xAxis("False positive rate (" + positive + ")")
        .yAxis("True positive rate (" + positive + ")").xRange(0, 1).yRange(0, 1.02).size(640, 560);
    curves.forEach((name, c) -> b.line(label(name, "AUROC", c.area()), c.x(), c.y()));
    return b.dashedLine("chance", new double[] {0, 1}, new double[] {0, 1}).build();
  }

  /**
   * Precision-recall curves, one trace per score (legend: name and AUPR), with the precision of a random
   * detector (the positive fraction) as a dashed line.
   *
   * @param curves score name to PR points (x = recall, y = precision)
   * @param positive which side is positive, e.g. "ID positive (AUPR-In)"
   * @param positiveFraction positives / all samples
   */
  public static Chart pr(String title, Map<String, Curve> curves, String positive, double positiveFraction) {
    ChartBuilder b = Chart.builder(title).xAxis("Recall (" + positive + ")").yAxis("Precision (" + positive + ")")
        .xRange(0, 1).yRange(0, 1.02).size(640, 560);
    curves.forEach((name, c) -> b.line(label(name, "AUPR", c.area()), c.x(), c.y()));
    return b.dashedLine("random detector", new double[] {0, 1}, new double[] {positiveFraction, positiveFraction})
        .build();
  }

  /**
   * Overlaid histograms of one score on the ID and on the OOD set (probability density, shared bins).
   *
   * @param scoreName the score and its orientation, e.g. "energy (higher = more ID)"
   * @param bins number of bins over [min, max] of both samples
   * @throws IllegalArgumentException when a sample is empty or holds no finite value
   */
  public static Chart scoreHistograms(String title, String scoreName, String idName, double[] id,
      String oodName, double[] ood, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] a : new double[][] {id, ood}) {
      for (double v : a) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (id.length == 0 || ood.length == 0 || !(lo <= hi)) {
      throw new IllegalArgumentException("score histograms need finite scores on both sides, got " + id.length
          + " ID and " + ood.length + " OOD values");
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    double pad = (hi - lo) * 1e-9;
    return Chart.builder(title).xAxis(scoreName).yAxis("Density").barMode("overlay")
        .histogram(idName + " (ID, n=" + id.length + ")", id, lo - pad, hi + pad, bins, "probability density")
        .histogram(oodName + " (OOD, n=" + ood.length + ")", ood, lo - pad, hi + pad, bins, "probability density")
        .build();
  }

  static String label(String name, String areaName, double area) {
    return Double.isNaN(area) ? name : String.format("%s (%s %.4f)", name, areaName, area);
  }
}
