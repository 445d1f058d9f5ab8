package dev.robusta.metrics;

import java.util.Locale;

/**
 * Bootstrap band of the baseline line: the baseline models are resampled with replacement, the line
 * refitted, and at each grid point the lower / upper percentiles of the refitted lines are kept
 * (numpy {@code percentile} with {@code interpolation='lower'} / {@code 'higher'}, as the testbed).
 *
 * @param idGrid ID accuracies (percent) where the band is evaluated, shape {@code [G]}
 * @param lower lower edge (OOD accuracy, percent), shape {@code [G]}
 * @param upper upper edge (OOD accuracy, percent), shape {@code [G]}
 * @param samples number of bootstrap samples
 * @param seed seed of the resampling
 * @param level coverage, e.g. 0.95
 */
public record FitBand(double[] idGrid, double[] lower, double[] upper, int samples, long seed, double level) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "bootstrap band: %.0f%% of %d refits (seed %d) on %d grid points",
        100 * level, samples, seed, idGrid.length);
  }
}
