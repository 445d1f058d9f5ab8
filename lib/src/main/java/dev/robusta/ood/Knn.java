package dev.robusta.ood;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;

/**
 * Deep nearest neighbours (Sun et al., "Out-of-Distribution Detection with Deep Nearest Neighbors",
 * ICML 2022): features are L2-normalised, and the score is minus the Euclidean distance to the k-th
 * nearest normalised training feature, {@link Orientation#HIGHER_IS_MORE_ID}. Exact brute force,
 * O(N_train x D) per query.
 */
public final class Knn {
  private final double[][] bank;
  private final int k;

  private Knn(double[][] bank, int k) {
    this.bank = bank;
    this.k = k;
  }

  /**
   * @param trainFeatures in-distribution training features, shape {@code [N, D]}
   * @param k which neighbour (the paper uses 50 on CIFAR-10, 1000 on ImageNet), 1 &lt;= k &lt;= N
   * @throws IllegalArgumentException on a bad k, shape, a zero feature vector or non-finite values
   */
  public static Knn fit(double[][] trainFeatures, int k) {
    Features.check(trainFeatures, "training features");
    if (k < 1 || k > trainFeatures.length) {
      throw new IllegalArgumentException("k must be in [1, " + trainFeatures.length + "], was " + k);
    }
    double[][] b = new double[trainFeatures.length][];
    for (int i = 0; i < b.length; i++) b[i] = normalised(trainFeatures[i], i);
    return new Knn(b, k);
  }

  /** @return -distance to the k-th nearest normalised training feature, per row of {@code features} */
  public Scores score(double[][] features) {
    int d = Features.check(features, "features");
    if (d != bank[0].length) throw new IllegalArgumentException("features have D=" + d + ", the bank has D=" + bank[0].length);
    double[] s = new double[features.length];
    double[] dist = new double[bank.length];
    for (int i = 0; i < s.length; i++) {
      double[] q = normalised(features[i], i);
      for (int t = 0; t < bank.length; t++) {
        double acc = 0;
        for (int j = 0; j < d; j++) {
          double x = q[j] - bank[t][j];
          acc += x * x;
        }
        dist[t] = acc;
      }
      s[i] = -Math.sqrt(select(dist.clone(), k - 1));
    }
    return new Scores("KNN (k=" + k + ", -distance to k-th neighbour)", s, Orientation.HIGHER_IS_MORE_ID);
  }

  private static double[] normalised(double[] v, int row) {
    double n = 0;
    for (double x : v) n += x * x;
    n = Math.sqrt(n);
    if (n == 0) throw new IllegalArgumentException("feature row " + row + " is all zeros and cannot be L2-normalised");
    double[] o = new double[v.length];
    for (int j = 0; j < v.length; j++) o[j] = v[j] / n;
    return o;
  }

  /** Quickselect: the value of rank {@code r} (0-based) in {@code a}; {@code a} is reordered. */
  private static double select(double[] a, int r) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (r <= j) hi = j;
      else if (r >= i) lo = i;
      else return a[r];
    }
    return a[r];
  }
}
