package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scipy-style Gaussian filter against a naive two-pass correlation with explicit border
 * extension, for kernels shorter and longer than the image (the folded path of elastic_transform's
 * sigma 170.8), both border modes, odd shapes.
 */
class GaussianFilterTest {
  static int ext(int i, int n, GaussianFilter.Mode mode) {
    if (i >= 0 && i < n) {
      return i;
    }
    if (mode == GaussianFilter.Mode.NEAREST) {
      return i < 0 ? 0 : n - 1;
    }
    int p = 2 * n;
    int m = ((i % p) + p) % p;
    return m < n ? m : p - m - 1;
  }

  static double[] naive(double[] u, int h, int w, double sigma, GaussianFilter.Mode mode, double truncate) {
    int r = (int) (truncate * sigma + 0.5);
    double[] k = new double[2 * r + 1];
    double s = 0;
    for (int i = -r; i <= r; i++) {
      k[i + r] = Math.exp(-0.5 / (sigma * sigma) * i * i);
      s += k[i + r];
    }
    double[] t = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double a = 0;
        for (int j = -r; j <= r; j++) {
          a += k[j + r] / s * u[ext(y + j, h, mode) * w + x];
        }
        t[y * w + x] = a;
      }
    }
    double[] o = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double a = 0;
        for (int j = -r; j <= r; j++) {
          a += k[j + r] / s * t[y * w + ext(x + j, w, mode)];
        }
        o[y * w + x] = a;
      }
    }
    return o;
  }

  @Test
  void matchesNaiveCorrelationForShortAndLongKernels() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int[] hw : new int[][] {{64, 64}, {20, 37}, {8, 9}}) {
      int h = hw[0];
      int w = hw[1];
      double[] u = new double[h * w];
      for (int i = 0; i < u.length; i++) {
        u[i] = rng.nextDouble() * 2 - 1;
      }
      for (GaussianFilter.Mode mode : GaussianFilter.Mode.values()) {
        for (double sigma : new double[] {0.7, 2.44, 6.0, 19.52, 170.8}) {
          double[] got = GaussianFilter.filter(u, h, w, 1, sigma, sigma, mode, 3.0);
          double[] want = naive(u, h, w, sigma, mode, 3.0);
          for (int i = 0; i < got.length; i++) {
            assertEquals(want[i], got[i], 1e-13, h + "x" + w + " " + mode + " sigma " + sigma + " at " + i);
          }
        }
      }
    }
  }

  @Test
  void zeroSigmaIsTheIdentityLikeScipy() {
    double[] u = {1, 2, 3, 4, 5, 6};
    double[] got = GaussianFilter.filter(u, 2, 3, 1, 0, 0, GaussianFilter.Mode.REFLECT, 3.0);
    assertEquals(java.util.Arrays.toString(u), java.util.Arrays.toString(got));
  }
}
