package dev.robusta.corrupt;

/** Floating-point operations whose rounding order follows numpy's, where it changes results. */
final class NumpyMath {
  private NumpyMath() {}

  /** numpy's {@code add.reduce} over a contiguous float64 array (pairwise, 8 accumulators). */
  static double pairwiseSum(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else if (n <= 128) {
      double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
      double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        r0 += a[from + i];
        r1 += a[from + i + 1];
        r2 += a[from + i + 2];
        r3 += a[from + i + 3];
        r4 += a[from + i + 4];
        r5 += a[from + i + 5];
        r6 += a[from + i + 6];
        r7 += a[from + i + 7];
      }
      double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else {
      int n2 = n / 2;
      n2 -= n2 % 8;
      return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }
  }

  /** Python's {@code round()} to an int: half to even. */
  static int roundHalfEven(double v) {
    return (int) Math.rint(v);
  }

}
