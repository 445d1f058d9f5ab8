package dev.robusta.corrupt;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Cumulative Poisson distributions for inversion sampling with a guide table, cached per mean. Shot
 * noise asks for at most 256 distinct means per image (pixel value x photon scale), so a table
 * lookup replaces the per-sample logarithms of a rejection sampler. A table ends where the remaining
 * tail mass is below 1e-15; a uniform beyond it falls back to the caller's rejection sampler.
 */
final class PoissonTables {
  private static final int MAX_CACHED = 1 << 15;
  private static final ConcurrentHashMap<Long, Table> CACHE = new ConcurrentHashMap<>();

  /** The CDF of one mean and its guide table ({@code guide[j]} = first k with cdf[k] &gt; j / m). */
  static final class Table {
    final double[] cdf;
    final int[] guide;

    Table(double[] cdf) {
      this.cdf = cdf;
      int m = cdf.length;
      guide = new int[m];
      int k = 0;
      for (int j = 0; j < m; j++) {
        double level = (double) j / m;
        while (k < m - 1 && cdf[k] <= level) {
          k++;
        }
        guide[j] = k;
      }
    }

    /** @return the draw for a uniform u, or -1 when u lies in the tail beyond the table */
    int sample(double u) {
      int m = cdf.length;
      if (u >= cdf[m - 1]) {
        return -1;
      }
      int k = guide[(int) (u * m)];
      while (cdf[k] <= u) {
        k++;
      }
      return k;
    }
  }

  private PoissonTables() {}

  /** @return the table of Poisson(lam), or null when lam is too large for a table (&gt; 700) */
  static Table table(double lam) {
    if (lam > 700) {
      return null;
    }
    Long key = Double.doubleToLongBits(lam);
    Table t = CACHE.get(key);
    if (t == null) {
      t = new Table(build(lam));
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
    return java.util.Arrays.copyOf(cdf, Math.min(k, cap));
  }
}
