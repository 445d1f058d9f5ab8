package dev.robusta.data;

/**
 * Separable N-D Gaussian filter with scipy.ndimage's conventions: kernel radius
 * {@code int(truncate * sigma + 0.5)}, weights {@code exp(-x^2 / (2 sigma^2))} normalised to sum 1,
 * boundary mode "nearest" (edge values repeated).
 */
final class GaussianBlur3d {
  private GaussianBlur3d() {}

  /**
   * @param data row-major values of an array of shape {@code dims}
   * @return a new filtered array of the same shape (every axis filtered)
   */
  static double[] blur(double[] data, int[] dims, double sigma, double truncate) {
    int radius = (int) (truncate * sigma + 0.5);
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    double[] cur = data.clone();
    for (int axis = 0; axis < dims.length; axis++) {
      int stride = 1;
      for (int a = axis + 1; a < dims.length; a++) {
        stride *= dims[a];
      }
      int len = dims[axis];
      double[] next = new double[cur.length];
      int outer = cur.length / (len * stride);
      for (int o = 0; o < outer; o++) {
        for (int s = 0; s < stride; s++) {
          int base = o * len * stride + s;
          for (int i = 0; i < len; i++) {
            double acc = 0;
            for (int j = -radius; j <= radius; j++) {
              int src = Math.min(len - 1, Math.max(0, i + j));
              acc += k[j + radius] * cur[base + src * stride];
            }
            next[base + i * stride] = acc;
          }
        }
      }
      cur = next;
    }
    return cur;
  }
}
