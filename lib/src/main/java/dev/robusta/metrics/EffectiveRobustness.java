package dev.robusta.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Effective robustness (Taori et al., "Measuring Robustness to Natural Distribution Shifts in Image
 * Classification", NeurIPS 2020; {@code modestyachts/imagenet-testbed · plotting/plotter.py}): fit a line
 * to (transform(ID top-1), transform(OOD top-1)) over baseline models, then a model's effective
 * robustness is its OOD top-1 minus the line's prediction, in accuracy points. Error bars are
 * Clopper-Pearson with alpha = 0.005 ({@link ClopperPearson#forAccuracy}); the line's uncertainty is a
 * bootstrap band ({@link #bootstrapBand}).
 */
public final class EffectiveRobustness {
  private EffectiveRobustness() {}

  /**
   * @param table accuracies in percent
   * @param idSetting ID column; @param oodSetting OOD column
   * @param baselineModels the models defining the line (Taori et al.: standard ImageNet-trained models);
   *     those lacking either value are skipped and not listed in the fit
   * @param transform {@link AccuracyTransform#LOGIT} in the paper's plots
   * @throws IllegalArgumentException with fewer than 3 usable baseline models, or accuracies at 0 / 100
   *     under a logit or probit transform
   */
  public static RobustnessFit fit(AccuracyTable table, String idSetting, String oodSetting,
      Collection<String> baselineModels, AccuracyTransform transform) {
    List<String> used = new ArrayList<>();
    List<double[]> pts = new ArrayList<>();
    for (String m : baselineModels) {
      OptionalDouble x = table.accuracy(m, idSetting);
      OptionalDouble y = table.accuracy(m, oodSetting);
      if (x.isEmpty() || y.isEmpty()) continue;
      double tx = transform.apply(x.getAsDouble());
      double ty = transform.apply(y.getAsDouble());
      if (!Double.isFinite(tx) || !Double.isFinite(ty)) {
        throw new IllegalArgumentException(m + ": accuracy " + x.getAsDouble() + " / " + y.getAsDouble()
            + " has no finite " + transform + " transform (0% or 100%); drop it or use LINEAR");
      }
      used.add(m);
      pts.add(new double[] {tx, ty});
    }
    if (used.size() < 3) {
      throw new IllegalArgumentException("only " + used.size() + " baseline models have both " + idSetting + " and "
          + oodSetting + "; a line needs at least 3");
    }
    double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
    double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
    double[] c = ols(xs, ys);
    return new RobustnessFit(idSetting, oodSetting, transform, c[0], c[1], c[2], List.copyOf(used));
  }

  /**
   * @return effective robustness (accuracy points) of every model in {@code table} that has both settings
   */
  public static Map<String, Double> perModel(AccuracyTable table, RobustnessFit fit) {
    Map<String, Double> er = new LinkedHashMap<>();
    for (String m : table.models()) {
      OptionalDouble x = table.accuracy(m, fit.idSetting());
      OptionalDouble y = table.accuracy(m, fit.oodSetting());
      if (x.isPresent() && y.isPresent()) er.put(m, fit.effectiveRobustness(x.getAsDouble(), y.getAsDouble()));
    }
    return er;
  }

  /**
   * @param idGrid ID accuracies (percent) to evaluate the band at
   * @param samples bootstrap refits (the testbed uses 1000)
   * @param seed resampling seed (recorded in the band)
   * @param level e.g. 0.95
   */
  public static FitBand bootstrapBand(AccuracyTable table, RobustnessFit fit, double[] idGrid, int samples, long seed,
      double level) {
    if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, was " + samples);
    int n = fit.baselineModels().size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      String m = fit.baselineModels().get(i);
      xs[i] = fit.transform().apply(table.accuracy(m, fit.idSetting()).getAsDouble());
      ys[i] = fit.transform().apply(table.accuracy(m, fit.oodSetting()).getAsDouble());
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] vals = new double[idGrid.length][samples];
    double[] bx = new double[n];
    double[] by = new double[n];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < n; i++) {
        int k = rnd.nextInt(n);
        bx[i] = xs[k];
        by[i] = ys[k];
      }
      double[] c = ols(bx, by);
      for (int g = 0; g < idGrid.length; g++) vals[g][s] = c[0] * fit.transform().apply(idGrid[g]) + c[1];
    }
    double lowerPct = (1 - level) / 2 * 100;
    double upperPct = 100 - lowerPct;
    double[] lo = new double[idGrid.length];
    double[] hi = new double[idGrid.length];
    for (int g = 0; g < idGrid.length; g++) {
      double[] v = vals[g];
      Arrays.sort(v);
      lo[g] = fit.transform().inverse(v[(int) Math.floor(lowerPct / 100 * (samples - 1))]);
      hi[g] = fit.transform().inverse(v[(int) Math.ceil(upperPct / 100 * (samples - 1))]);
    }
    return new FitBand(idGrid.clone(), lo, hi, samples, seed, level);
  }

  /** @return {slope, intercept, r} of the least-squares line; a degenerate x (all equal) gives slope NaN */
  static double[] ols(double[] xs, double[] ys) {
    int n = xs.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += xs[i];
      my += ys[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = xs[i] - mx;
      double dy = ys[i] - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    double slope = sxy / sxx;
    return new double[] {slope, my - slope * mx, sxy / Math.sqrt(sxx * syy)};
  }
}
