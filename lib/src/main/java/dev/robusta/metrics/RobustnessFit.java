package dev.robusta.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The baseline line of effective robustness (Taori et al., NeurIPS 2020): an ordinary least-squares fit
 * of transformed OOD accuracy against transformed ID accuracy over baseline models
 * ({@code scipy.stats.linregress} in {@code imagenet-testbed · plotting/plotter.py}). Accuracies in percent.
 *
 * @param idSetting the ID column (e.g. {@code val}; {@code val-on-imagenet-r-classes} for ImageNet-R)
 * @param oodSetting the OOD column (e.g. {@code imagenetv2-matched-frequency-format-val})
 * @param transform axis transform the line lives in
 * @param slope slope in transformed units
 * @param intercept intercept in transformed units
 * @param r Pearson correlation of the transformed baseline points
 * @param baselineModels the models the line was fitted on
 */
public record RobustnessFit(String idSetting, String oodSetting, AccuracyTransform transform, double slope,
    double intercept, double r, List<String> baselineModels) {

  /** @return the OOD accuracy (percent) the baseline line predicts for an ID accuracy (percent) */
  public double predictedOod(double idAccPercent) {
    return transform.inverse(slope * transform.apply(idAccPercent) + intercept);
  }

  /**
   * @return effective robustness in accuracy points: OOD accuracy minus the line's prediction at the model's
   *     ID accuracy (positive = more robust than the baselines)
   */
  public double effectiveRobustness(double idAccPercent, double oodAccPercent) {
    return oodAccPercent - predictedOod(idAccPercent);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Effective-robustness line %s vs %s (%s axes): slope %.5f, intercept %.5f, r %.4f, "
        + "fitted on %d baseline models; ER = OOD top-1 - line(ID top-1), in accuracy points",
        oodSetting, idSetting, transform, slope, intercept, r, baselineModels.size());
  }
}
