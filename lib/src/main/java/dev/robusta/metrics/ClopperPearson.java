package dev.robusta.metrics;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Exact (Clopper-Pearson 1934) binomial confidence intervals: lower = Beta quantile(alpha/2; k, n-k+1),
 * upper = Beta quantile(1-alpha/2; k+1, n-k), with lower = 0 at k = 0 and upper = 1 at k = n. The
 * effective-robustness plots of Taori et al. ({@code modestyachts/imagenet-testbed}) use alpha = 0.005.
 */
public final class ClopperPearson {
  private ClopperPearson() {}

  /**
   * @param successes k, 0 &lt;= k &lt;= n
   * @param trials n &gt;= 1
   * @param level confidence level in (0, 1), e.g. 0.95
   * @return the interval for the success probability
   * @throws IllegalArgumentException on k outside [0, n], n &lt; 1 or a level outside (0, 1)
   */
  public static Interval interval(long successes, long trials, double level) {
    return interval((double) successes, trials, level);
  }

  /**
   * The interval for an accuracy given as a fraction, with k = accuracy x n (possibly non-integer, as the
   * testbed's {@code plotter.py::get_ci} passes it to the Beta quantiles).
   *
   * @param accuracy in [0, 1]
   * @param trials dataset size n &gt;= 1
   * @param level confidence level, e.g. 0.995 for the testbed's alpha = 0.005
   */
  public static Interval forAccuracy(double accuracy, long trials, double level) {
    if (!(accuracy >= 0 && accuracy <= 1)) throw new IllegalArgumentException("accuracy must be a fraction in [0, 1], was " + accuracy);
    return interval(accuracy * trials, trials, level);
  }

  private static Interval interval(double successes, long trials, double level) {
    if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, was " + trials);
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException("successes must be in [0, " + trials + "], was " + successes);
    }
    if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), e.g. 0.95; was " + level);
    double alpha = 1 - level;
    double lo = successes <= 0 ? 0.0
        : new BetaDistribution(null, successes, trials - successes + 1, 1e-15).inverseCumulativeProbability(alpha / 2);
    double hi = successes >= trials ? 1.0
        : new BetaDistribution(null, successes + 1, trials - successes, 1e-15).inverseCumulativeProbability(1 - alpha / 2);
    return new Interval(lo, hi, level, "Clopper-Pearson");
  }
}
