package dev.robusta.report;

import dev.robusta.metrics.AccuracyTransform;
import dev.robusta.metrics.FitBand;
import dev.robusta.metrics.RobustnessFit;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective-robustness scatter of Taori et al. (NeurIPS 2020; modestyachts/imagenet-testbed
 * plotting/plotter.py): OOD against ID accuracy on transformed axes (logit in the paper; ticks labelled in
 * accuracy percent), the baseline models' linear fit in that space with its bootstrap band, the y = x line,
 * and Clopper-Pearson bars on every point. The fit, band and intervals come from the metrics package
 * ({@code EffectiveRobustness}, {@code ClopperPearson}); this class draws them.
 */
public final class EffectiveRobustnessChart {
  private static final double[] TICKS = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

  private EffectiveRobustnessChart() {}

  /**
   * The baseline fit to draw, in transformed space.
   *
   * @param transform the axis transform (of accuracy in percent, as in the metrics package)
   * @param slope slope of transform(ood) against transform(id)
   * @param intercept intercept of that line
   * @param bandId ID accuracies (in (0, 1), increasing) at which the band is given
   * @param bandLow lower edge of the bootstrap band (OOD accuracy) at each {@code bandId}
   * @param bandHigh upper edge of the band
   * @param bandLevel the band's confidence level, e.g. 0.95, for the legend
   */
  public record Fit(AccuracyTransform transform, double slope, double intercept, double[] bandId, double[] bandLow,
      double[] bandHigh, double bandLevel) {
    /** @return the fit and bootstrap band of the metrics package, converted from percent to fractions */
    public static Fit of(RobustnessFit fit, FitBand band) {
      return new Fit(fit.transform(), fit.slope(), fit.intercept(), percentToFraction(band.idGrid()),
          percentToFraction(band.lower()), percentToFraction(band.upper()), band.level());
    }

    private static double[] percentToFraction(double[] p) {
      double[] out = new double[p.length];
      for (int i = 0; i < p.length; i++) {
        out[i] = p[i] / 100;
      }
      return out;
    }
  }

  /**
   * @param rows the models (baseline ones drawn in one colour, the rest in another); accuracies and their
   *     Clopper-Pearson bounds in [0, 1]
   * @throws IllegalArgumentException when an accuracy is not strictly between 0 and 1
   */
  public static Chart scatter(String title, String idSet, String oodSet, List<EffectiveRobustnessTable.Row> rows,
      Fit fit) {
    double lo = 1;
    double hi = 0;
    AccuracyTransform tr = fit.transform();
    String scale = " (" + tr.name().toLowerCase(java.util.Locale.ROOT) + " scale)";
    ChartBuilder b = Chart.builder(title).xAxis("ID top-1 accuracy, " + idSet + scale)
        .yAxis("OOD top-1 accuracy, " + oodSet + scale).size(760, 640);
    for (EffectiveRobustnessTable.Row r : rows) {
      lo = Math.min(lo, Math.min(r.idAccuracy(), r.oodAccuracy()));
      hi = Math.max(hi, Math.max(r.idAccuracy(), r.oodAccuracy()));
    }
    lo = Math.max(1e-4, lo * 0.8);
    hi = Math.min(1 - 1e-4, 1 - (1 - hi) * 0.8);
    double[] band = new double[fit.bandId().length];
    for (int i = 0; i < band.length; i++) {
      band[i] = t(tr, fit.bandId()[i]);
    }
    b.band(String.format("%.0f%% bootstrap band of the fit", 100 * fit.bandLevel()), band,
        ts(tr, fit.bandLow()), ts(tr, fit.bandHigh()));
    double x0 = t(tr, lo);
    double x1 = t(tr, hi);
    String f = tr.name().toLowerCase(java.util.Locale.ROOT);
    b.line(String.format("baseline fit: %s(ood) = %.3f %s(id) %+.3f", f, fit.slope(), f, fit.intercept()),
        new double[] {x0, x1}, new double[] {fit.slope() * x0 + fit.intercept(), fit.slope() * x1 + fit.intercept()});
    b.dashedLine("y = x", new double[] {x0, x1}, new double[] {x0, x1});
    addPoints(b, tr, "baseline models", rows, true);
    addPoints(b, tr, "other models", rows, false);
    List<Double> tv = new ArrayList<>();
    List<String> tt = new ArrayList<>();
    for (double t : TICKS) {
      if (t >= lo && t <= hi) {
        tv.add(t(tr, t));
        tt.add(String.format("%.0f%%", 100 * t));
      }
    }
    double[] tvals = tv.stream().mapToDouble(Double::doubleValue).toArray();
    String[] ttext = tt.toArray(new String[0]);
    return b.xTicks(tvals, ttext).yTicks(tvals, ttext).xRange(x0, x1).yRange(x0, x1).noZeroLines().build();
  }

  private static void addPoints(ChartBuilder b, AccuracyTransform tr, String name, List<EffectiveRobustnessTable.Row> rows, boolean base) {
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
      x[i] = t(tr, r.idAccuracy());
      y[i] = t(tr, r.oodAccuracy());
      xm[i] = x[i] - t(tr, r.idLow());
      xp[i] = t(tr, r.idHigh()) - x[i];
      ym[i] = y[i] - t(tr, r.oodLow());
      yp[i] = t(tr, r.oodHigh()) - y[i];
      text[i] = String.format("%s: ID %.2f%%, OOD %.2f%%, effective robustness %+.2f points", r.model(),
          100 * r.idAccuracy(), 100 * r.oodAccuracy(), 100 * r.effectiveRobustness());
    }
    b.errorMarkers(name + " (n=" + n + ")", x, y, xm, xp, ym, yp, text);
  }

  private static double[] ts(AccuracyTransform tr, double[] p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = t(tr, p[i]);
    }
    return out;
  }

  /** The transform of an accuracy fraction (infinite at 0 and 1 under logit / probit: drawn as a gap). */
  static double t(AccuracyTransform tr, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("an accuracy must lie in [0, 1], was " + p);
    }
    return tr.apply(100 * p);
  }
}
