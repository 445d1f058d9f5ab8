package dev.robusta.report;

/**
 * Points of a curve to draw, e.g. a ROC curve (x = FPR, y = TPR) or a PR curve (x = recall, y = precision),
 * as computed by the metrics package, with the area that labels it in the legend.
 *
 * @param x x coordinates (copied by the figure)
 * @param y y coordinates, same length
 * @param area the area under the curve shown in the legend (NaN to omit)
 */
public record Curve(double[] x, double[] y, double area) {
  /** @throws IllegalArgumentException when x and y differ in length */
  public Curve {
    ChartBuilder.sameLength("curve x", x.length, "curve y", y.length);
  }

  /** @return the ROC curve (x = FPR, y = TPR) of the metrics package's operating points, labelled by AUROC */
  public static Curve roc(dev.robusta.metrics.OperatingPoints points, double auroc) {
    return new Curve(points.fpr(), points.tpr(), auroc);
  }

  /**
   * @return the precision-recall curve (x = recall, y = precision) of the operating points, labelled by
   *     the given AUPR; the first point (nothing predicted positive, precision undefined) is drawn at
   *     (0, 1), scikit-learn's {@code precision_recall_curve} convention
   */
  public static Curve pr(dev.robusta.metrics.OperatingPoints points, double aupr) {
    double[] precision = points.precision().clone();
    precision[0] = 1.0;
    return new Curve(points.tpr(), precision, aupr);
  }
}
