package dev.robusta.metrics;

import java.util.Locale;

/**
 * Per-bin data of a reliability diagram with equal-width bins {@code (lower, upper]} (0.0 falls in
 * the first bin), plus ECE and MCE over the same bins. Arrays have one entry per bin, shape {@code [B]}.
 *
 * @param lower bin lower edges ({@code i / B})
 * @param upper bin upper edges ({@code (i + 1) / B}; the last is exactly 1.0)
 * @param count samples per bin
 * @param meanConfidence mean confidence per bin; {@code NaN} for an empty bin
 * @param accuracy fraction correct per bin; {@code NaN} for an empty bin
 * @param ece expected calibration error: sum over non-empty bins of count/n |accuracy - meanConfidence|
 * @param mce maximum calibration error: max over non-empty bins of |accuracy - meanConfidence|
 * @param n number of samples
 */
public record ReliabilityDiagram(
    double[] lower, double[] upper, long[] count, double[] meanConfidence, double[] accuracy,
    double ece, double mce, int n) {

  /** @return the number of bins B */
  public int bins() {
    return count.length;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "Reliability diagram: %d equal-width bins (lo, hi], 0.0 in the first; n=%d, ECE %.6f, MCE %.6f%n", bins(), n, ece, mce));
    b.append("  bin            count  confidence  accuracy\n");
    for (int i = 0; i < bins(); i++) {
      b.append(String.format(Locale.ROOT, "  (%.3f, %.3f]  %7d  %10.5f  %8.5f%n", lower[i], upper[i], count[i],
          meanConfidence[i], accuracy[i]));
    }
    return b.toString();
  }
}
