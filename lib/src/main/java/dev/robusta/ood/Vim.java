package dev.robusta.ood;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * ViM, virtual-logit matching (Wang et al., CVPR 2022; {@code haoqiwang/vim}): with the classifier
 * z = W x + b, the origin is moved to u = -W^+ b; the principal subspace is spanned by the top
 * {@code principalDim} eigenvectors of the (uncentred) second-moment matrix of x - u over training
 * features; the residual norm ||P_perp (x - u)|| is scaled by alpha = mean(max logit) / mean(residual
 * norm) over the training features. Score = logsumexp(z) - alpha ||P_perp (x - u)||,
 * {@link Orientation#HIGHER_IS_MORE_ID} (the reference's {@code -vlogit + energy}).
 */
public final class Vim {
  private final double[][] weight;
  private final double[] bias;
  private final double[] origin;
  private final double[][] nullSpace; // [D - dim][D]
  private final double alpha;
  private final int principalDim;

  private Vim(double[][] weight, double[] bias, double[] origin, double[][] nullSpace, double alpha, int principalDim) {
    this.weight = weight;
    this.bias = bias;
    this.origin = origin;
    this.nullSpace = nullSpace;
    this.alpha = alpha;
    this.principalDim = principalDim;
  }

  /**
   * @param weight last-layer weight W, shape {@code [C, D]}
   * @param bias last-layer bias b, shape {@code [C]}
   * @param trainFeatures penultimate features of training data, shape {@code [N, D]}
   * @param principalDim dimension of the principal subspace, 1 &lt;= dim &lt; D (the paper: 1000 for
   *     D = 2048, 512 for D &gt;= 1536 with fewer classes; see the paper's table)
   */
  public static Vim fit(double[][] weight, double[] bias, double[][] trainFeatures, int principalDim) {
    int d = Features.check(trainFeatures, "training features");
    if (Features.check(weight, "weight") != d) throw new IllegalArgumentException("weight is [C, D] with D=" + weight[0].length + ", features have D=" + d);
    if (bias.length != weight.length) throw new IllegalArgumentException("bias has " + bias.length + " entries, weight has " + weight.length + " rows");
    if (principalDim < 1 || principalDim >= d) throw new IllegalArgumentException("principalDim must be in [1, " + (d - 1) + "], was " + principalDim);
    RealMatrix pinv = new SingularValueDecomposition(new Array2DRowRealMatrix(weight, false)).getSolver().getInverse(); // [D, C]
    double[] u = pinv.operate(bias);
    for (int j = 0; j < d; j++) u[j] = -u[j];
    double[][] m = new double[d][d];
    double[] c = new double[d];
    for (double[] x : trainFeatures) {
      for (int j = 0; j < d; j++) c[j] = x[j] - u[j];
      for (int a = 0; a < d; a++) {
        if (c[a] == 0) continue;
        for (int b = a; b < d; b++) m[a][b] += c[a] * c[b];
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        m[a][b] /= trainFeatures.length;
        m[b][a] = m[a][b];
      }
    }
    double[][] vec = (double[][]) Features.eigSymmetric(m)[1];
    double[][] ns = new double[d - principalDim][d];
    for (int j = principalDim; j < d; j++) for (int i = 0; i < d; i++) ns[j - principalDim][i] = vec[i][j];
    Vim partial = new Vim(weight, bias, u, ns, 1.0, principalDim);
    double sumMax = 0;
    double sumRes = 0;
    for (double[] x : trainFeatures) {
      sumMax += Softmax.max(partial.logits(x));
      sumRes += partial.residualNorm(x);
    }
    if (sumRes == 0) throw new IllegalArgumentException("training features lie entirely in the principal subspace; lower principalDim");
    return new Vim(weight, bias, u, ns, sumMax / sumRes, principalDim);
  }

  /** @return alpha, the scale of the virtual logit */
  public double alpha() {
    return alpha;
  }

  /** @return the origin u = -W^+ b, shape {@code [D]} (a copy) */
  public double[] origin() {
    return origin.clone();
  }

  /** @return ViM scores for features {@code [N, D]} */
  public Scores score(double[][] features) {
    int d = Features.check(features, "features");
    if (d != origin.length) throw new IllegalArgumentException("features have D=" + d + ", the fit has D=" + origin.length);
    double[] s = new double[features.length];
    for (int i = 0; i < s.length; i++) s[i] = Softmax.logSumExp(logits(features[i])) - alpha * residualNorm(features[i]);
    return new Scores("ViM (principal dim " + principalDim + ")", s, Orientation.HIGHER_IS_MORE_ID);
  }

  double[] logits(double[] x) {
    double[] z = new double[weight.length];
    for (int k = 0; k < z.length; k++) {
      double s = bias[k];
      for (int j = 0; j < x.length; j++) s += weight[k][j] * x[j];
      z[k] = s;
    }
    return z;
  }

  double residualNorm(double[] x) {
    double n = 0;
    for (double[] v : nullSpace) {
      double p = 0;
      for (int j = 0; j < x.length; j++) p += v[j] * (x[j] - origin[j]);
      n += p * p;
    }
    return Math.sqrt(n);
  }
}
