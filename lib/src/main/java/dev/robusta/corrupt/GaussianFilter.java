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
      cur = alongAxis0(cur, h, w * c, halfKernel(sigmaY, truncate), mode);
    }
    if (sigmaX > 1e-15) {
      cur = alongAxis1(cur, h, w, c, halfKernel(sigmaX, truncate), mode);
    }
    return cur == src ? src.clone() : cur;
  }

  /**
   * Correlation along axis 0 of rows of {@code rowLen} values. Every output value is accumulated in
   * scipy's order ({@code x[i] * k0}, then {@code (x[i - j] + x[i + j]) * k[j]} for j = r .. 1), one
   * whole row at a time so the inner loop runs over contiguous memory.
   */
  private static double[] alongAxis0(double[] in, int h, int rowLen, double[] k, Mode mode) {
    int r = k.length - 1;
    if (r > h) {
      return folded(in, h, rowLen, 1, k, mode);
    }
    double[] out = new double[in.length];
    double k0 = k[0];
    for (int y = 0; y < h; y++) {
      int base = y * rowLen;
      for (int i = 0; i < rowLen; i++) {
        out[base + i] = in[base + i] * k0;
      }
      for (int j = r; j >= 1; j--) {
        int a = extend(y - j, h, mode) * rowLen;
        int b = extend(y + j, h, mode) * rowLen;
        double kj = k[j];
        for (int i = 0; i < rowLen; i++) {
          out[base + i] += (in[a + i] + in[b + i]) * kj;
        }
      }
    }
    return out;
  }

  /** Correlation along axis 1 (columns) of an H x W x c array, same accumulation order. */
  private static double[] alongAxis1(double[] in, int h, int w, int c, double[] k, Mode mode) {
    int r = k.length - 1;
    if (r > w) {
      return folded(in, w, c, h, k, mode);
    }
    int rowLen = w * c;
    double[] out = new double[in.length];
    double[] pad = new double[(w + 2 * r) * c];
    int[] map = new int[w + 2 * r];
    for (int i = 0; i < map.length; i++) {
      map[i] = extend(i - r, w, mode);
    }
    double k0 = k[0];
    for (int y = 0; y < h; y++) {
      int base = y * rowLen;
      for (int i = 0; i < r; i++) {
        int src = base + map[i] * c;
        for (int t = 0; t < c; t++) {
          pad[i * c + t] = in[src + t];
        }
      }
      System.arraycopy(in, base, pad, r * c, rowLen);
      for (int i = r + w; i < map.length; i++) {
        int src = base + map[i] * c;
        for (int t = 0; t < c; t++) {
          pad[i * c + t] = in[src + t];
        }
      }
      int centre = r * c;
      for (int i = 0; i < rowLen; i++) {
        out[base + i] = pad[centre + i] * k0;
      }
      for (int j = r; j >= 1; j--) {
        int a = centre - j * c;
        int b = centre + j * c;
        double kj = k[j];
        for (int i = 0; i < rowLen; i++) {
          out[base + i] += (pad[a + i] + pad[b + i]) * kj;
        }
      }
    }
    return out;
  }

  /**
   * For kernels longer than the line (elastic_transform's sigma of 0.7 x 244 at ImageNet-C severity
   * 1 has radius 512 on 224 pixels): the extended taps are folded onto the n real positions first,
   * {@code W[i][m] = sum of k[|j|] over j with extend(i + j) = m}, so each output costs n
   * multiply-adds instead of 2r + 1. Same weights, different summation order (differences of an ulp).
   *
   * @param n the line length along the filtered axis
   * @param inner values per position (contiguous run: row length for axis 0, channels for axis 1)
   * @param outer number of independent blocks (1 for axis 0, the rows for axis 1)
   */
  private static double[] folded(double[] in, int n, int inner, int outer, double[] k, Mode mode) {
    int r = k.length - 1;
    double[][] weights = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = -r; j <= r; j++) {
        weights[i][extend(i + j, n, mode)] += k[Math.abs(j)];
      }
    }
    double[] out = new double[in.length];
    int block = n * inner;
    for (int b = 0; b < outer; b++) {
      int base = b * block;
      for (int i = 0; i < n; i++) {
        int o = base + i * inner;
        double[] wi = weights[i];
        for (int m = 0; m < n; m++) {
          double wm = wi[m];
          int src = base + m * inner;
          for (int t = 0; t < inner; t++) {
            out[o + t] += wm * in[src + t];
          }
        }
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
