package dev.robusta.ood;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;

/**
 * Mahalanobis-distance OOD score (Lee et al., NeurIPS 2018, without input preprocessing or feature
 * ensembles): class means mu_k and one tied covariance Sigma = 1/N sum_i (x_i - mu_{y_i})(x_i - mu_{y_i})^T
 * (maximum likelihood, as scikit-learn's {@code EmpiricalCovariance} in the reference code), then
 * score(x) = min_k (x - mu_k)^T Sigma^+ (x - mu_k), a squared distance: {@link Orientation#HIGHER_IS_MORE_OOD}.
 *
 * <p>Sigma^+ is the Moore-Penrose pseudo-inverse from a symmetric eigen-decomposition; eigenvalues at or
 * below D x machine-epsilon x the largest are treated as zero (scipy {@code pinvh}'s default), so a
 * singular covariance (a feature that never varies, fewer samples than dimensions) raises no exception.
 * Scaling the covariance by c &gt; 0 divides every distance by c and changes no ranking.
 *
 * <p>Cost: fitting is O(N D^2) for the covariance plus O(D^3) for the eigen-decomposition (Commons Math);
 * scoring is O(r D + K r) per sample with r the covariance rank. For D = 2048, fit on a class-balanced
 * subsample of the training features.
 */
public final class Mahalanobis {
  private final double[][] projectedMeans; // [K][r]: W mu_k with W = Lambda^{-1/2} V^T
  private final double[][] w; // [r][D]
  private final int rank;
  private final int dims;

  private Mahalanobis(double[][] means, double[][] covariance) {
    dims = covariance.length;
    Object[] e = Features.eigSymmetric(covariance);
    double[] vals = (double[]) e[0];
    double[][] vec = (double[][]) e[1];
    double cutoff = dims * Math.ulp(1.0) * Math.max(vals[0], 0);
    int r = 0;
    while (r < dims && vals[r] > cutoff) r++;
    rank = r;
    w = new double[r][dims];
    for (int j = 0; j < r; j++) {
      double s = 1 / Math.sqrt(vals[j]);
      for (int i = 0; i < dims; i++) w[j][i] = vec[i][j] * s;
    }
    projectedMeans = new double[means.length][];
    for (int k = 0; k < means.length; k++) projectedMeans[k] = project(means[k]);
  }

  /**
   * @param features training features, shape {@code [N, D]}, finite
   * @param labels class per row in [0, K), shape {@code [N]}; every class 0..K-1 must occur
   * @return the fitted detector
   * @throws IllegalArgumentException on shape mismatch or a class without samples
   */
  public static Mahalanobis fit(double[][] features, int[] labels) {
    int d = Features.check(features, "features");
    if (labels.length != features.length) {
      throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
    }
    int k = 0;
    for (int y : labels) {
      if (y < 0) throw new IllegalArgumentException("negative label " + y);
      k = Math.max(k, y + 1);
    }
    double[][] mean = new double[k][d];
    int[] count = new int[k];
    for (int i = 0; i < features.length; i++) {
      count[labels[i]]++;
      for (int j = 0; j < d; j++) mean[labels[i]][j] += features[i][j];
    }
    for (int c = 0; c < k; c++) {
      if (count[c] == 0) throw new IllegalArgumentException("class " + c + " has no training features; labels must be 0..K-1");
      for (int j = 0; j < d; j++) mean[c][j] /= count[c];
    }
    double[][] cov = new double[d][d];
    double[] diff = new double[d];
    for (int i = 0; i < features.length; i++) {
      for (int j = 0; j < d; j++) diff[j] = features[i][j] - mean[labels[i]][j];
      for (int a = 0; a < d; a++) {
        double da = diff[a];
        if (da == 0) continue;
        for (int b = a; b < d; b++) cov[a][b] += da * diff[b];
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= features.length;
        cov[b][a] = cov[a][b];
      }
    }
    return new Mahalanobis(mean, cov);
  }

  /**
   * @param means class means, shape {@code [K, D]}
   * @param covariance a symmetric positive semi-definite matrix, shape {@code [D, D]} (may be singular)
   * @return a detector with these parameters
   */
  public static Mahalanobis of(double[][] means, double[][] covariance) {
    int d = Features.check(covariance, "covariance");
    if (covariance.length != d) throw new IllegalArgumentException("covariance must be square, is " + covariance.length + "x" + d);
    if (Features.check(means, "means") != d) throw new IllegalArgumentException("means and covariance disagree on D");
    return new Mahalanobis(means, covariance);
  }

  /** @return the rank of the covariance kept by the pseudo-inverse */
  public int rank() {
    return rank;
  }

  /** @return squared distances of {@code x} (shape {@code [D]}) to every class mean, shape {@code [K]} */
  public double[] squaredDistances(double[] x) {
    if (x.length != dims) throw new IllegalArgumentException("feature has " + x.length + " values, expected " + dims);
    double[] px = project(x);
    double[] out = new double[projectedMeans.length];
    for (int k = 0; k < out.length; k++) {
      double s = 0;
      for (int j = 0; j < rank; j++) {
        double t = px[j] - projectedMeans[k][j];
        s += t * t;
      }
      out[k] = s;
    }
    return out;
  }

  /** @return min over classes of the squared distance, per row of {@code features} ({@code [N, D]}) */
  public Scores score(double[][] features) {
    Features.check(features, "features");
    double[] s = new double[features.length];
    for (int i = 0; i < s.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (double v : squaredDistances(features[i])) best = Math.min(best, v);
      s[i] = best;
    }
    return new Scores("Mahalanobis (min squared distance, tied covariance, pseudo-inverse)", s, Orientation.HIGHER_IS_MORE_OOD);
  }

  private double[] project(double[] x) {
    double[] p = new double[rank];
    for (int j = 0; j < rank; j++) {
      double s = 0;
      for (int i = 0; i < dims; i++) s += w[j][i] * x[i];
      p[j] = s;
    }
    return p;
  }
}
