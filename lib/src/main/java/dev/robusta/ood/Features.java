package dev.robusta.ood;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Shape checks and small linear-algebra helpers for feature-based scores (package-private). */
final class Features {
  private Features() {}

  /** Checks an [N, D] matrix: N &gt;= 1, rectangular, finite. @return D */
  static int check(double[][] x, String what) {
    if (x.length == 0) throw new IllegalArgumentException(what + " are empty: expected shape [N, D] with N >= 1");
    int d = x[0].length;
    int bad = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException(what + " are ragged: row 0 has " + d + " values, row " + i + " has " + x[i].length);
      }
      for (double v : x[i]) if (!Double.isFinite(v)) bad++;
    }
    if (bad > 0) throw new IllegalArgumentException(bad + " values of the " + what + " are not finite");
    return d;
  }

  /**
   * Symmetric eigen-decomposition with eigenvalues sorted descending.
   *
   * @return {values [D], vectors [D][D] with column j = eigenvector j}
   */
  static Object[] eigSymmetric(double[][] sym) {
    EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(sym, false));
    int d = sym.length;
    double[] vals = e.getRealEigenvalues().clone();
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(vals[b], vals[a]));
    RealMatrix v = e.getV();
    double[] sv = new double[d];
    double[][] vec = new double[d][d];
    for (int j = 0; j < d; j++) {
      sv[j] = vals[order[j]];
      for (int i = 0; i < d; i++) vec[i][j] = v.getEntry(i, order[j]);
    }
    return new Object[] {sv, vec};
  }
}
