package dev.robusta.metrics;

/**
 * Stable primitive argsort for doubles: an LSD radix sort (11-bit digits) on order-preserving long
 * keys, carrying int indices. Linear time, no boxing; tied values keep their index order, which is
 * the documented tie rule of every metric that sorts (calibration bins, AURRA, risk-coverage).
 */
final class Sorting {
  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;

  private Sorting() {}

  /**
   * @param values finite doubles ({@code -0.0} counts as {@code 0.0})
   * @return indices that sort {@code values} ascending; ties in increasing index order
   */
  static int[] argsortStable(double[] values) {
    int n = values.length;
    long[] keys = new long[n];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToLongBits(values[i] + 0.0); // -0.0 + 0.0 == +0.0
      keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
      idx[i] = i;
    }
    long[] k2 = new long[n];
    int[] i2 = new int[n];
    int[] count = new int[RADIX];
    for (int shift = 0; shift < 64; shift += BITS) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) count[(int) ((keys[i] >>> shift) & (RADIX - 1))]++;
      boolean trivial = false;
      for (int c : count) {
        if (c == n) {
          trivial = true;
          break;
        }
        if (c != 0) break;
      }
      if (trivial || n == 0) continue; // every key shares this digit
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int d = (int) ((keys[i] >>> shift) & (RADIX - 1));
        int pos = count[d]++;
        k2[pos] = keys[i];
        i2[pos] = idx[i];
      }
      long[] tk = keys;
      keys = k2;
      k2 = tk;
      int[] ti = idx;
      idx = i2;
      i2 = ti;
    }
    return idx;
  }
}
