package dev.robusta.metrics;

import java.util.Locale;

/**
 * One calibration-error value with the binning it was computed under.
 *
 * @param metric what was computed, e.g. {@code "RMS calibration error"}, {@code "ECE"}
 * @param value the error, a fraction in [0, 1] (not percent)
 * @param binning the binning rule, printed (e.g. adaptive bins of 100, or 15 equal-width bins)
 * @param n number of samples
 * @param bins number of bins formed (including empty ones for equal-width bins)
 */
public record CalibrationError(String metric, double value, String binning, int n, int bins) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %.6f [n=%d, %d bins; %s]", metric, value, n, bins, binning);
  }
}
