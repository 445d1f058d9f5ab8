package dev.robusta.corrupt;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Cumulative Poisson distributions for inversion sampling, cached per mean. Shot noise asks for at
 * most 256 distinct means per image (pixel value x photon scale), so a table lookup replaces the
 * per-sample logarithms of a rejection sampler. The table ends where the remaining tail mass is
 * below 1e-15; a uniform beyond it falls back to the rejection sampler.
 */
final class PoissonTables {
  private static final int MAX_CACHED = 1 << 15;
  private static final ConcurrentHashMap<Long, double[]> CACHE = new ConcurrentHashMap<>();

  private PoissonTables() {}

  /** @return the CDF table of Poisson(lam), or null when lam is too large for a table (&gt; 700) */
  static double[] cdf(double lam) {
    if (lam > 700) {
      return null;
    }
    Long key = Double.doubleToLongBits(lam);
    double[] t = CACHE.get(key);
    if (t == null) {
      t = build(lam);
      if (CACHE.size() < MAX_CACHED) {
        CACHE.putIfAbsent(key, t);
      }
    }
    return t;
  }

  private static double[] build(double lam) {
    int cap = (int) (lam + 20 * Math.sqrt(lam) + 40);
    double[] cdf = new double[cap];
    double pmf = Math.exp(-lam);
    double acc = 0;
    int k = 0;
    for (; k < cap; k++) {
      if (k > 0) {
        pmf = pmf * lam / k;
      }
      acc += pmf;
      cdf[k] = acc;
      if (k > lam && 1 - acc < 1e-15) {
        k++;
        break;
      }
    }
    return java.util.Arrays.copyOf(cdf, k);
  }
}
