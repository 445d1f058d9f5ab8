package dev.robusta.metrics;

import java.util.Locale;

/**
 * A two-sided confidence interval for a proportion.
 *
 * @param lower lower bound in [0, 1]
 * @param upper upper bound in [0, 1]
 * @param level confidence level, e.g. 0.95 (testbed error bars use 0.995, i.e. alpha = 0.005)
 * @param method how it was computed, e.g. {@code "Clopper-Pearson"}
 */
public record Interval(double lower, double upper, double level, String method) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[%.5f, %.5f] (%s, %.1f%%)", lower, upper, method, 100 * level);
  }
}
