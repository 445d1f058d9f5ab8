package dev.robusta.corrupt;

/**
 * Pillow 9.4's 8-bit resampling, mirrored for bit-exact results: {@code resize(size, BOX)} is two
 * separable passes (horizontal, then vertical) with 8-bit rounding in between and 22-bit fixed-point
 * weights ({@code precompute_coeffs}, {@code normalize_coeffs_8bpc}); {@code resize(size, NEAREST)}
 * is {@code ImagingScaleAffine}, whose source coordinate is accumulated in floating point.
 */
final class PilResample {
  private static final int PRECISION_BITS = 32 - 8 - 2;

  private PilResample() {}

  /** {@code Image.resize((outW, outH), Image.BOX)} on HWC bytes with c channels. */
  static byte[] box(byte[] in, int h, int w, int c, int outH, int outW) {
    byte[] cur = in;
    int curW = w;
    if (outW != w) {
      cur = horizontal(cur, h, w, c, outW);
      curW = outW;
    }
    if (outH != h) {
      cur = vertical(cur, h, curW, c, outH);
    }
    return cur == in ? in.clone() : cur;
  }

  private static byte[] horizontal(byte[] in, int h, int w, int c, int outW) {
    Coeffs k = new Coeffs(w, outW);
    byte[] out = new byte[h * outW * c];
    for (int y = 0; y < h; y++) {
      int row = y * w * c;
      for (int xx = 0; xx < outW; xx++) {
        int xmin = k.bounds[2 * xx];
        int xmax = k.bounds[2 * xx + 1];
        int kb = xx * k.ksize;
        for (int ch = 0; ch < c; ch++) {
          int ss = 1 << (PRECISION_BITS - 1);
          for (int x = 0; x < xmax; x++) {
            ss += (in[row + (x + xmin) * c + ch] & 0xff) * k.kk[kb + x];
          }
          out[(y * outW + xx) * c + ch] = clip8(ss);
        }
      }
    }
    return out;
  }

  private static byte[] vertical(byte[] in, int h, int w, int c, int outH) {
    Coeffs k = new Coeffs(h, outH);
    byte[] out = new byte[outH * w * c];
    for (int yy = 0; yy < outH; yy++) {
      int ymin = k.bounds[2 * yy];
      int ymax = k.bounds[2 * yy + 1];
      int kb = yy * k.ksize;
      for (int xx = 0; xx < w * c; xx++) {
        int ss = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < ymax; y++) {
          ss += (in[(y + ymin) * w * c + xx] & 0xff) * k.kk[kb + y];
        }
        out[yy * w * c + xx] = clip8(ss);
      }
    }
    return out;
  }

  private static byte clip8(int in) {
    if (in >= (1 << PRECISION_BITS << 8)) {
      return (byte) 255;
    }
    if (in <= 0) {
      return 0;
    }
    return (byte) (in >> PRECISION_BITS);
  }

  /** Pillow's {@code precompute_coeffs} for the BOX filter (support 0.5), normalised to fixed point. */
  private static final class Coeffs {
    final int ksize;
    final int[] bounds;
    final int[] kk;

    Coeffs(int inSize, int outSize) {
      double scale = (double) (float) inSize / outSize;
      double filterscale = Math.max(scale, 1.0);
      double support = 0.5 * filterscale;
      ksize = (int) Math.ceil(support) * 2 + 1;
      bounds = new int[outSize * 2];
      kk = new int[outSize * ksize];
      double[] k = new double[ksize];
      for (int xx = 0; xx < outSize; xx++) {
        double center = (xx + 0.5) * scale;
        double ww = 0.0;
        double ss = 1.0 / filterscale;
        int xmin = (int) (center - support + 0.5);
        if (xmin < 0) {
          xmin = 0;
        }
        int xmax = (int) (center + support + 0.5);
        if (xmax > inSize) {
          xmax = inSize;
        }
        xmax -= xmin;
        for (int x = 0; x < xmax; x++) {
          double arg = (x + xmin - center + 0.5) * ss;
          double wgt = arg > -0.5 && arg <= 0.5 ? 1.0 : 0.0;
          k[x] = wgt;
          ww += wgt;
        }
        for (int x = 0; x < xmax; x++) {
          if (ww != 0.0) {
            k[x] /= ww;
          }
          double p = k[x] * (1 << PRECISION_BITS);
          kk[xx * ksize + x] = p < 0 ? (int) (-0.5 + p) : (int) (0.5 + p);
        }
        bounds[2 * xx] = xmin;
        bounds[2 * xx + 1] = xmax;
      }
    }
  }

  /** {@code Image.resize((outW, outH), Image.NEAREST)} ({@code ImagingScaleAffine}). */
  static byte[] nearest(byte[] in, int h, int w, int c, int outH, int outW) {
    int[] xin = new int[outW];
    double a0 = (double) w / outW;
    double xo = a0 * 0.5;
    for (int x = 0; x < outW; x++) {
      xin[x] = Math.min(w - 1, xo < 0 ? 0 : (int) xo);
      xo += a0;
    }
    double a4 = (double) h / outH;
    double yo = a4 * 0.5;
    byte[] out = new byte[outH * outW * c];
    for (int y = 0; y < outH; y++) {
      int yi = Math.min(h - 1, yo < 0 ? 0 : (int) yo);
      yo += a4;
      for (int x = 0; x < outW; x++) {
        System.arraycopy(in, (yi * w + xin[x]) * c, out, (y * outW + x) * c, c);
      }
    }
    return out;
  }
}
