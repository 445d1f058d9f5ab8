package dev.robusta.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The effective-robustness scatter of Taori et al. (NeurIPS 2020; modestyachts/imagenet-testbed
 * plotting/plotter.py): OOD against ID accuracy on logit axes (ticks labelled in accuracy percent), the
 * baseline models' linear fit in logit space with its bootstrap band, the y = x line, and Clopper-Pearson
 * bars on every point. The fit, band and intervals come from the metrics package; this class draws them.
 */
public final class EffectiveRobustnessChart {
  private static final double[] TICKS = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

  private EffectiveRobustnessChart() {}

  /**
   * The baseline fit to draw, in logit space.
   *
   * @param slope slope of logit(ood) against logit(id)
   * @param intercept intercept of that line
   * @param bandId ID accuracies (in (0, 1), increasing) at which the band is given
   * @param bandLow lower edge of the bootstrap band (OOD accuracy) at each {@code bandId}
   * @param bandHigh upper edge of the band
   * @param bandLevel the band's confidence level, e.g. 0.95, for the legend
   */
  public record Fit(double slope, double intercept, double[] bandId, double[] bandLow, double[] bandHigh,
      double bandLevel) {}

  /**
   * @param rows the models (baseline ones drawn in one colour, the rest in another); accuracies and their
   *     Clopper-Pearson bounds in [0, 1]
   * @throws IllegalArgumentException when an accuracy is not strictly between 0 and 1
   */
  public static Chart scatter(String title, String idSet, String oodSet, List<EffectiveRobustnessTable.Row> rows,
      Fit fit) {
    double lo = 1;
    double hi = 0;
    ChartBuilder b = Chart.builder(title).xAxis("ID top-1 accuracy, " + idSet + " (logit scale)")
        .yAxis("OOD top-1 accuracy, " + oodSet + " (logit scale)").size(760, 640);
    for (EffectiveRobustnessTable.Row r : rows) {
      lo = Math.min(lo, Math.min(r.idAccuracy(), r.oodAccuracy()));
      hi = Math.max(hi, Math.max(r.idAccuracy(), r.oodAccuracy()));
    }
    lo = Math.max(1e-4, lo * 0.8);
    hi = Math.min(1 - 1e-4, 1 - (1 - hi) * 0.8);
    double[] band = new double[fit.bandId().length];
    for (int i = 0; i < band.length; i++) {
      band[i] = logit(fit.bandId()[i]);
    }
    b.band(String.format("%.0f%% bootstrap band of the fit", 100 * fit.bandLevel()), band,
        logits(fit.bandLow()), logits(fit.bandHigh()));
    double x0 = logit(lo);
    double x1 = logit(hi);
    b.line(String.format("baseline fit: logit(ood) = %.3f logit(id) %+.3f", fit.slope(), fit.intercept()),
        new double[] {x0, x1}, new double[] {fit.slope() * x0 + fit.intercept(), fit.slope() * x1 + fit.intercept()});
    b.dashedLine("y = x", new double[] {x0, x1}, new double[] {x0, x1});
    addPoints(b, "baseline models", rows, true);
    addPoints(b, "other models", rows, false);
    List<Double> tv = new ArrayList<>();
    List<String> tt = new ArrayList<>();
    for (double t : TICKS) {
      if (t >= lo && t <= hi) {
        tv.add(logit(t));
        tt.add(String.format("%.0f%%", 100 * t));
      }
    }
    double[] tvals = tv.stream().mapToDouble(Double::doubleValue).toArray();
    String[] ttext = tt.toArray(new String[0]);
    return b.xTicks(tvals, ttext).yTicks(tvals, ttext).xRange(x0, x1).yRange(x0, x1).noZeroLines().build();
  }

  private static void addPoints(ChartBuilder b, String name, List<EffectiveRobustnessTable.Row> rows, boolean base) {
    List<EffectiveRobustnessTable.Row> sel = rows.stream().filter(r -> r.baseline() == base).toList();
    if (sel.isEmpty()) {
      return;
    }
    int n = sel.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] xm = new double[n];
    double[] xp = new double[n];
    double[] ym = new double[n];
    double[] yp = new double[n];
    String[] text = new String[n];
    for (int i = 0; i < n; i++) {
      EffectiveRobustnessTable.Row r = sel.get(i);
      x[i] = logit(r.idAccuracy());
      y[i] = logit(r.oodAccuracy());
      xm[i] = x[i] - logit(r.idLow());
      xp[i] = logit(r.idHigh()) - x[i];
      ym[i] = y[i] - logit(r.oodLow());
      yp[i] = logit(r.oodHigh()) - y[i];
      text[i] = String.format("%s: ID %.2f%%, OOD %.2f%%, effective robustness %+.2f points", r.model(),
          100 * r.idAccuracy(), 100 * r.oodAccuracy(), 100 * r.effectiveRobustness());
    }
    b.errorMarkers(name + " (n=" + n + ")", x, y, xm, xp, ym, yp, text);
  }

  private static double[] logits(double[] p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = logit(p[i]);
    }
    return out;
  }

  /** log(p / (1 - p)); infinite at 0 and 1 (drawn as a gap). */
  static double logit(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("an accuracy must lie in [0, 1], was " + p);
    }
    return Math.log(p / (1 - p));
  }
}
