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
}
