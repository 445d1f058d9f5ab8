package dev.robusta.corrupt;

/**
 * The one-sided motion-blur kernel of ImageMagick's {@code MotionBlurImage} as ported to numpy by
 * imagecorruptions ({@code _motion_blur}): width {@code 2 * radius + 1}, weights
 * {@code exp(-i^2 / (2 sigma^2))} normalised to sum 1, tap i taken at offset
 * {@code (ceil(i sin(a) - 0.5), ceil(i cos(a) - 0.5))} (rows, columns; a in degrees) with the
 * coordinates clamped to the image (edge replication). Taps stop at the first offset that leaves the
 * image. Accumulates in float64. The weights use fdlibm's {@code exp} ({@link StrictMath}); numpy on
 * the oracle machines uses SVML's vectorised exp, which differs by an ulp for some arguments, so a
 * few truncated outputs of the imagecorruptions preset can differ by one grey level.
 */
final class MotionBlurKernel {
  private final int[] dy;
  private final int[] dx;
  private final double[] weight;

  MotionBlurKernel(double radius, double sigma, double angleDegrees, int h, int w) {
    int width = (int) (radius * 2 + 1);
    double[] k = new double[width];
    double norm = Math.sqrt(2 * Math.PI) * sigma;
    for (int i = 0; i < width; i++) {
      k[i] = StrictMath.exp(-((double) i * i) / (2 * (sigma * sigma))) / norm;
    }
    double z = NumpyMath.pairwiseSum(k, 0, width);
    double rad = Math.toRadians(angleDegrees);
    double p0 = width * Math.sin(rad);
    double p1 = width * Math.cos(rad);
    double hyp = Math.hypot(p0, p1);
    int[] ys = new int[width];
    int[] xs = new int[width];
    double[] ws = new double[width];
    int n = 0;
    for (int i = 0; i < width; i++) {
      int sy = -(int) Math.ceil((i * p0) / hyp - 0.5);
      int sx = -(int) Math.ceil((i * p1) / hyp - 0.5);
      if (Math.abs(sy) >= h || Math.abs(sx) >= w) {
        break;
      }
      ys[n] = sy;
      xs[n] = sx;
      ws[n] = k[i] / z;
      n++;
    }
    dy = java.util.Arrays.copyOf(ys, n);
    dx = java.util.Arrays.copyOf(xs, n);
    weight = java.util.Arrays.copyOf(ws, n);
  }

  /**
   * @param x HWC values with c channels
   * @return {@code sum_i w_i * x[clamp(y - dy_i), clamp(x - dx_i)]} accumulated in tap order
   */
  double[] apply(double[] x, int h, int w, int c) {
    double[] out = new double[x.length];
    int rowLen = w * c;
    for (int t = 0; t < weight.length; t++) {
      double wt = weight[t];
      int sy = dy[t];
      int sx = dx[t];
      // columns whose source x - sx lies inside the image form one contiguous run
      int lo = Math.max(0, sx);
      int hi = Math.min(w, w + sx);
      for (int y = 0; y < h; y++) {
        int src = Math.min(h - 1, Math.max(0, y - sy)) * rowLen;
        int o = y * rowLen;
        for (int xx = 0; xx < lo; xx++) {
          int s = src + Math.min(w - 1, Math.max(0, xx - sx)) * c;
          for (int k = 0; k < c; k++) {
            out[o + xx * c + k] += wt * x[s + k];
          }
        }
        int from = o + lo * c;
        int shift = src + (lo - sx) * c - from;
        for (int i = from, end = o + hi * c; i < end; i++) {
          out[i] += wt * x[i + shift];
        }
        for (int xx = Math.max(hi, lo); xx < w; xx++) {
          int s = src + Math.min(w - 1, Math.max(0, xx - sx)) * c;
          for (int k = 0; k < c; k++) {
            out[o + xx * c + k] += wt * x[s + k];
          }
        }
      }
    }
    return out;
  }

  /**
   * ImageMagick Q16's round trip of an 8-bit-scale value: rounded to the nearest 16-bit quantum
   * ({@code ClampToQuantum}), then scaled back to 8 bits by truncation, i.e.
   * {@code floor(round(257 v) / 257)}. Matches hendrycks' {@code MagickMotionBlurImage} goldens
   * exactly (they are not the truncated float sum: values just below an integer round up).
   */
  static double imageMagickQ16(double v) {
    double q = Math.floor(257 * v + 0.5);
    q = q < 0 ? 0 : Math.min(q, 65535);
    return Math.floor(q / 257);
  }
}
