package dev.robusta.corrupt;

/**
 * scipy {@code ndimage.gaussian_filter} (what scikit-image's {@code filters.gaussian} calls) on a
 * float64 HWC image, per channel (sigma 0 on the channel axis): separable 1-D correlations along
 * rows then columns, kernel radius {@code int(truncate * sigma + 0.5)}, normalised weights, the
 * symmetric-kernel summation order of scipy's {@code NI_Correlate1D}.
 */
final class GaussianFilter {
  /** Border extension modes of scipy.ndimage. */
  enum Mode {
    /** Edge replication ({@code a a | a b c | c c}); scikit-image's default. */
    NEAREST,
    /** Half-sample symmetric ({@code b a | a b c | c b}). */
    REFLECT
  }

  private GaussianFilter() {}

  /** scipy {@code _gaussian_kernel1d(sigma, 0, radius)}: returns the half kernel w[0..radius]. */
  static double[] halfKernel(double sigma, double truncate) {
    int radius = (int) (truncate * sigma + 0.5);
    double sigma2 = sigma * sigma;
    double[] full = new double[2 * radius + 1];
    double f = -0.5 / sigma2;
    for (int i = -radius; i <= radius; i++) {
      full[i + radius] = Math.exp(f * (double) (i * i));
    }
    double sum = NumpyMath.pairwiseSum(full, 0, full.length);
    double[] half = new double[radius + 1];
    for (int i = 0; i <= radius; i++) {
      half[i] = full[i + radius] / sum;
    }
    return half;
  }

  /**
   * @param src HWC values (not modified)
   * @param sigmaY sigma along rows (axis 0); 0 skips the axis like scipy
   * @param sigmaX sigma along columns (axis 1)
   * @return a new filtered array
   */
  static double[] filter(double[] src, int h, int w, int c, double sigmaY, double sigmaX, Mode mode,
      double truncate) {
    double[] cur = src;
    if (sigmaY > 1e-15) {
      cur = pass(cur, h, w, c, halfKernel(sigmaY, truncate), mode, true);
    }
    if (sigmaX > 1e-15) {
      cur = pass(cur, h, w, c, halfKernel(sigmaX, truncate), mode, false);
    }
    return cur == src ? src.clone() : cur;
  }

  private static double[] pass(double[] in, int h, int w, int c, double[] k, Mode mode, boolean alongRows) {
    int r = k.length - 1;
    int n = alongRows ? h : w;
    int lines = alongRows ? w * c : h * c;
    double[] out = new double[in.length];
    double[] line = new double[n + 2 * r];
    int[] map = new int[n + 2 * r];
    for (int i = 0; i < map.length; i++) {
      map[i] = extend(i - r, n, mode);
    }
    int stride = alongRows ? w * c : c;
    for (int l = 0; l < lines; l++) {
      int base = alongRows ? l : (l / c) * w * c + (l % c);
      for (int i = 0; i < line.length; i++) {
        line[i] = in[base + map[i] * stride];
      }
      for (int i = 0; i < n; i++) {
        int ctr = i + r;
        double acc = line[ctr] * k[0];
        for (int j = r; j >= 1; j--) {
          acc += (line[ctr - j] + line[ctr + j]) * k[j];
        }
        out[base + i * stride] = acc;
      }
    }
    return out;
  }

  static int extend(int i, int n, Mode mode) {
    if (i >= 0 && i < n) {
      return i;
    }
    if (mode == Mode.NEAREST) {
      return i < 0 ? 0 : n - 1;
    }
    int p = 2 * n;
    int m = ((i % p) + p) % p;
    return m < n ? m : p - m - 1;
  }
}
