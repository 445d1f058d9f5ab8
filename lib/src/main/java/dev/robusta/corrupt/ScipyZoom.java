package dev.robusta.corrupt;

/**
 * scipy {@code ndimage.zoom(img, (z, z, 1), order=1)} on a float32 HWC image, plus the references'
 * {@code clipped_zoom} (centre crop of {@code ceil(side / z)}, zoom, trim back). scipy's mapping is
 * corner-aligned: output index o samples input coordinate {@code o * (in - 1) / (out - 1)}, output
 * size {@code round(in * z)} (half to even); linear weights {@code (1 - t, 1 - (1 - t))}, cast to float32.
 * The interpolation is separable here (columns, then rows) where scipy sums the four products in
 * one go; the float64 results differ by an ulp at most, which the float32 cast absorbs (the goldens
 * stay bit-exact).
 */
final class ScipyZoom {
  private ScipyZoom() {}

  /**
   * The references' {@code clipped_zoom} generalised to any aspect ratio: each axis is cropped around
   * its centre to {@code ceil(side / z)}, zoomed by z and trimmed back to the original side, centred
   * (hendrycks) or from the top-left (imagecorruptions).
   *
   * @param x float32 HWC, c channels
   * @return a new H x W x c float32 array
   */
  static float[] clippedZoom(float[] x, int h, int w, int c, double z, boolean centreTrim) {
    float[] out = new float[h * w * c];
    clippedZoomAdd(x, h, w, c, z, centreTrim, out);
    return out;
  }

  /** {@link #clippedZoom} added into {@code acc} ({@code acc += layer} in float32, as numpy does). */
  static void clippedZoomAdd(float[] x, int h, int w, int c, double z, boolean centreTrim, float[] acc) {
    int ch0 = (int) Math.ceil(h / z);
    int top0 = (h - ch0) / 2;
    int ch1 = (int) Math.ceil(w / z);
    int top1 = (w - ch1) / 2;
    int out0 = NumpyMath.roundHalfEven(ch0 * z);
    int out1 = NumpyMath.roundHalfEven(ch1 * z);
    int trim0 = centreTrim ? Math.floorDiv(out0 - h, 2) : 0;
    int trim1 = centreTrim ? Math.floorDiv(out1 - w, 2) : 0;
    Axis a0 = new Axis(ch0, out0, trim0, h);
    Axis a1 = new Axis(ch1, out1, trim1, w);
    int rowStride = w * c;
    int inRow = w * c;
    // horizontal interpolation of each source row the output needs (rows top0 .. top0 + ch0 - 1)
    double[][] rows = new double[ch0][];
    int[] xa = new int[w];
    int[] xb = new int[w];
    for (int ox = 0; ox < w; ox++) {
      xa[ox] = (top1 + a1.start[ox]) * c;
      xb[ox] = (top1 + a1.next[ox]) * c;
    }
    for (int oy = 0; oy < h; oy++) {
      double[] ra = row(rows, a0.start[oy], x, top0, inRow, xa, xb, a1, w, c);
      double[] rb = row(rows, a0.next[oy], x, top0, inRow, xa, xb, a1, w, c);
      double wy0 = a0.w0[oy];
      double wy1 = a0.w1[oy];
      int o = oy * rowStride;
      for (int i = 0; i < rowStride; i++) {
        acc[o + i] += (float) (ra[i] * wy0 + rb[i] * wy1);
      }
    }
  }

  private static double[] row(double[][] rows, int r, float[] x, int top0, int inRow, int[] xa, int[] xb,
      Axis a1, int w, int c) {
    double[] done = rows[r];
    if (done != null) {
      return done;
    }
    double[] out = new double[w * c];
    int base = (top0 + r) * inRow;
    int o = 0;
    for (int ox = 0; ox < w; ox++) {
      double wx0 = a1.w0[ox];
      double wx1 = a1.w1[ox];
      int pa = base + xa[ox];
      int pb = base + xb[ox];
      for (int k = 0; k < c; k++) {
        out[o++] = x[pa + k] * wx0 + x[pb + k] * wx1;
      }
    }
    rows[r] = out;
    return out;
  }

  /** Per-axis taps of the output positions trim .. trim + n - 1 of a zoom from {@code in} to {@code out}. */
  private static final class Axis {
    final int[] start;
    final int[] next;
    final double[] w0;
    final double[] w1;

    Axis(int in, int out, int trim, int n) {
      double zoom = out - 1 != 0 ? (double) (in - 1) / (double) (out - 1) : 1.0;
      start = new int[n];
      next = new int[n];
      w0 = new double[n];
      w1 = new double[n];
      for (int i = 0; i < n; i++) {
        int o = i + trim;
        double cc = (double) o * zoom;
        int s = (int) Math.floor(cc);
        double t = cc - s;
        if (s >= in - 1) {
          s = in - 1;
        }
        start[i] = s;
        next[i] = Math.min(s + 1, in - 1);
        w0[i] = 1.0 - t;
        w1[i] = 1.0 - w0[i]; // scipy: the last weight is 1 minus the others
      }
    }
  }
}
