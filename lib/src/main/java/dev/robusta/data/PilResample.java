package dev.robusta.data;

/**
 * Pillow 9's 8-bit resampling, reproduced bit for bit ({@code src/libImaging/Resample.c}):
 * {@code Image.resize(size, BOX | BILINEAR | BICUBIC)} is two separable passes (horizontal, then vertical) with
 * 8-bit rounding in between and 22-bit fixed-point weights ({@code precompute_coeffs},
 * {@code normalize_coeffs_8bpc}); the filter support widens with the down-scaling factor, so both
 * antialias. {@code Image.resize(size, NEAREST)} is {@code ImagingScaleAffine}, whose source coordinate
 * is accumulated in floating point. torchvision's {@code Resize} on PIL images and hendrycks'
 * {@code pixelate} call exactly these.
 */
public final class PilResample {
  private static final int PRECISION_BITS = 32 - 8 - 2;

  /** Pillow's separable filters. */
  public enum Filter {
    /** {@code Image.BOX}: support 0.5. */
    BOX(0.5),
    /** {@code Image.BILINEAR}: the triangle filter, support 1. */
    BILINEAR(1.0),
    /** {@code Image.BICUBIC}: Keys' cubic convolution with {@code a = -0.5}, support 2 (CLIP's resize). */
    BICUBIC(2.0);

    private final double support;

    Filter(double support) {
      this.support = support;
    }

    double weight(double x) {
      if (this == BOX) {
        return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
      }
      x = Math.abs(x);
      if (this == BICUBIC) {
        final double a = -0.5;
        if (x < 1.0) {
          return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        return x < 2.0 ? (((x - 5) * x + 8) * x - 4) * a : 0.0;
      }
      return x < 1.0 ? 1.0 - x : 0.0;
    }
  }

  private PilResample() {}

  /** {@code image.resize((outWidth, outHeight), filter)}; returns {@code in} itself when the size is unchanged. */
  public static Image resize(Image in, int outWidth, int outHeight, Filter filter) {
    if (outWidth == in.width() && outHeight == in.height()) {
      return in;
    }
    return Image.wrap(outHeight, outWidth, in.channels(),
        resize(in.pixels(), in.height(), in.width(), in.channels(), outHeight, outWidth, filter));
  }

  /**
   * The same on raw HWC bytes with {@code c} channels.
   *
   * @return a new {@code outH * outW * c} buffer (a copy when the size is unchanged)
   * @throws IllegalArgumentException when a size is not positive
   */
  public static byte[] resize(byte[] in, int h, int w, int c, int outH, int outW, Filter filter) {
    if (outH < 1 || outW < 1 || h < 1 || w < 1) {
      throw new IllegalArgumentException("sizes must be positive: " + h + "x" + w + " -> " + outH + "x" + outW);
    }
    byte[] cur = in;
    int curW = w;
    if (outW != w) {
      cur = horizontal(cur, h, w, c, outW, new Coeffs(w, outW, filter));
      curW = outW;
    }
    if (outH != h) {
      cur = vertical(cur, curW, c, outH, new Coeffs(h, outH, filter));
    }
    return cur == in ? in.clone() : cur;
  }

  /** {@code Image.resize((outW, outH), Image.NEAREST)} ({@code ImagingScaleAffine}) on HWC bytes. */
  public static byte[] nearest(byte[] in, int h, int w, int c, int outH, int outW) {
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

  private static byte[] horizontal(byte[] in, int h, int w, int c, int outW, Coeffs k) {
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

  private static byte[] vertical(byte[] in, int w, int c, int outH, Coeffs k) {
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

  /** Pillow's {@code precompute_coeffs}, normalised to fixed point ({@code normalize_coeffs_8bpc}). */
  private static final class Coeffs {
    final int ksize;
    final int[] bounds;
    final int[] kk;

    Coeffs(int inSize, int outSize, Filter filter) {
      double scale = (double) (float) inSize / outSize; // Pillow's box is float[4]
      double filterscale = Math.max(scale, 1.0);
      double support = filter.support * filterscale;
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
          double wgt = filter.weight((x + xmin - center + 0.5) * ss);
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
}
