package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Pillow 9.4 image operations used by AugMix and PixMix, ported operation by operation so that the
 * 8-bit results are bit-exact: {@code ImageOps.autocontrast/equalize/posterize/solarize},
 * {@code Image.transform(AFFINE, BILINEAR)} and {@code Image.rotate(BILINEAR)} (libImaging
 * {@code Geometry.c}: pixel-centre mapping, double bilinear weights, truncation, black outside),
 * and {@code ImageEnhance.Color/Contrast/Brightness/Sharpness} ({@code Blend.c}: float alpha,
 * truncation; {@code Filter.c} SMOOTH kernel with float32 weights and copied borders).
 * Works on 1- and 3-channel images, per channel.
 */
final class PilOps {
  private PilOps() {}

  static Image lut(Image img, int[][] perChannelLut) {
    byte[] p = img.pixels();
    int c = img.channels();
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) perChannelLut[i % c][p[i] & 0xff];
    }
    return Image.wrap(img.height(), img.width(), c, p);
  }

  static int[][] histograms(Image img) {
    int c = img.channels();
    int[][] h = new int[c][256];
    byte[] p = img.pixels();
    for (int i = 0; i < p.length; i++) {
      h[i % c][p[i] & 0xff]++;
    }
    return h;
  }

  /** {@code ImageOps.autocontrast(img)} with cutoff 0: stretch each channel's [lo, hi] to [0, 255]. */
  static Image autocontrast(Image img) {
    int[][] hist = histograms(img);
    int[][] luts = new int[hist.length][256];
    for (int b = 0; b < hist.length; b++) {
      int[] h = hist[b];
      int lo = 0;
      while (lo < 255 && h[lo] == 0) {
        lo++;
      }
      int hi = 255;
      while (hi > 0 && h[hi] == 0) {
        hi--;
      }
      if (hi <= lo) {
        for (int i = 0; i < 256; i++) {
          luts[b][i] = i;
        }
      } else {
        double scale = 255.0 / (hi - lo);
        double offset = -lo * scale;
        for (int i = 0; i < 256; i++) {
          int ix = (int) (i * scale + offset);
          luts[b][i] = Math.max(0, Math.min(255, ix));
        }
      }
    }
    return lut(img, luts);
  }

  /** {@code ImageOps.equalize(img)}: Pillow's histogram equalisation (step from all but the last bin). */
  static Image equalize(Image img) {
    int[][] hist = histograms(img);
    int[][] luts = new int[hist.length][256];
    for (int b = 0; b < hist.length; b++) {
      int[] h = hist[b];
      long total = 0;
      int last = 0;
      int nonZero = 0;
      for (int i = 0; i < 256; i++) {
        if (h[i] != 0) {
          total += h[i];
          last = h[i];
          nonZero++;
        }
      }
      long step = nonZero <= 1 ? 0 : (total - last) / 255;
      if (step == 0) {
        for (int i = 0; i < 256; i++) {
          luts[b][i] = i;
        }
      } else {
        long n = step / 2;
        for (int i = 0; i < 256; i++) {
          luts[b][i] = (int) Math.min(255, n / step);
          n += h[i];
        }
      }
    }
    return lut(img, luts);
  }

  /** {@code ImageOps.posterize(img, bits)}: keep the top {@code bits} bits (0..8). */
  static Image posterize(Image img, int bits) {
    int mask = ~((1 << (8 - bits)) - 1);
    int[] l = new int[256];
    for (int i = 0; i < 256; i++) {
      l[i] = i & mask & 0xff;
    }
    return lut(img, same(l, img.channels()));
  }

  /** {@code ImageOps.solarize(img, threshold)}: invert values at or above the threshold. */
  static Image solarize(Image img, int threshold) {
    int[] l = new int[256];
    for (int i = 0; i < 256; i++) {
      l[i] = i < threshold ? i : 255 - i;
    }
    return lut(img, same(l, img.channels()));
  }

  private static int[][] same(int[] l, int channels) {
    int[][] out = new int[channels][];
    for (int i = 0; i < channels; i++) {
      out[i] = l;
    }
    return out;
  }

  /**
   * {@code img.transform((outW, outH), AFFINE, m, BILINEAR)}: output pixel (x, y) samples the input at
   * (m0 (x+.5) + m1 (y+.5) + m2, m3 (x+.5) + m4 (y+.5) + m5); black where that falls outside.
   */
  static Image affine(Image img, int outW, int outH, double[] m) {
    int w = img.width();
    int h = img.height();
    int c = img.channels();
    byte[] in = img.pixels();
    byte[] out = new byte[outW * outH * c];
    for (int y = 0; y < outH; y++) {
      double yc = y + 0.5;
      for (int x = 0; x < outW; x++) {
        double xc = x + 0.5;
        double xin = m[0] * xc + m[1] * yc + m[2];
        double yin = m[3] * xc + m[4] * yc + m[5];
        if (xin < 0.0 || xin >= w || yin < 0.0 || yin >= h) {
          continue;
        }
        xin -= 0.5;
        yin -= 0.5;
        int xi = xin < 0.0 ? (int) Math.floor(xin) : (int) xin;
        int yi = yin < 0.0 ? (int) Math.floor(yin) : (int) yin;
        double dx = xin - xi;
        double dy = yin - yi;
        int x0 = clip(xi, w) * c;
        int x1 = clip(xi + 1, w) * c;
        int row0 = clip(yi, h) * w * c;
        boolean hasRow1 = yi + 1 >= 0 && yi + 1 < h;
        int row1 = (yi + 1) * w * c;
        int o = (y * outW + x) * c;
        for (int b = 0; b < c; b++) {
          int a0 = in[row0 + x0 + b] & 0xff;
          int a1 = in[row0 + x1 + b] & 0xff;
          double v1 = a0 + (a1 - a0) * dx;
          double v2;
          if (hasRow1) {
            int b0 = in[row1 + x0 + b] & 0xff;
            int b1 = in[row1 + x1 + b] & 0xff;
            v2 = b0 + (b1 - b0) * dx;
          } else {
            v2 = v1;
          }
          double v = v1 + (v2 - v1) * dy;
          out[o + b] = (byte) (int) v;
        }
      }
    }
    return Image.wrap(outH, outW, c, out);
  }

  private static int clip(int v, int size) {
    return v < 0 ? 0 : v < size ? v : size - 1;
  }

  /** {@code img.rotate(degrees, resample=BILINEAR)}: about the centre, counter-clockwise, same size. */
  static Image rotate(Image img, double degrees) {
    double angle = ((degrees % 360.0) + 360.0) % 360.0;
    int w = img.width();
    int h = img.height();
    if (angle == 0) {
      return img;
    }
    if (angle == 180) {
      return rotate180(img);
    }
    double cx = w / 2.0;
    double cy = h / 2.0;
    double rad = -(angle * (Math.PI / 180.0));
    double[] m = {round15(Math.cos(rad)), round15(Math.sin(rad)), 0.0,
        round15(-Math.sin(rad)), round15(Math.cos(rad)), 0.0};
    double tx = m[0] * -cx + m[1] * -cy + m[2];
    double ty = m[3] * -cx + m[4] * -cy + m[5];
    m[2] = tx + cx;
    m[5] = ty + cy;
    return affine(img, w, h, m);
  }

  private static Image rotate180(Image img) {
    int c = img.channels();
    byte[] in = img.pixels();
    byte[] out = new byte[in.length];
    int n = img.width() * img.height();
    for (int i = 0; i < n; i++) {
      System.arraycopy(in, i * c, out, (n - 1 - i) * c, c);
    }
    return Image.wrap(img.height(), img.width(), c, out);
  }

  /** Python's {@code round(x, 15)}: decimal rounding of the exact binary value. */
  static double round15(double x) {
    return new BigDecimal(x).setScale(15, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** {@code Image.blend(degenerate, img, factor)}: float arithmetic, clipped and truncated. */
  static Image blend(byte[] degenerate, Image img, double factor) {
    float alpha = (float) factor;
    byte[] p = img.pixels();
    for (int i = 0; i < p.length; i++) {
      int a = degenerate[i] & 0xff;
      int b = p[i] & 0xff;
      float t = a + alpha * (b - a);
      p[i] = (byte) (t <= 0f ? 0 : t >= 255f ? 255 : (int) t);
    }
    return Image.wrap(img.height(), img.width(), img.channels(), p);
  }

  /** Pillow's RGB to L conversion: (19595 R + 38470 G + 7471 B + 0x8000) >> 16. */
  static byte[] luminance(Image img) {
    byte[] p = img.pixels();
    if (img.channels() == 1) {
      return p;
    }
    byte[] l = new byte[img.height() * img.width()];
    for (int i = 0, j = 0; i < l.length; i++, j += 3) {
      l[i] = (byte) (((p[j] & 0xff) * 19595 + (p[j + 1] & 0xff) * 38470 + (p[j + 2] & 0xff) * 7471
          + 0x8000) >> 16);
    }
    return l;
  }

  private static byte[] expand(byte[] grey, int channels) {
    if (channels == 1) {
      return grey;
    }
    byte[] out = new byte[grey.length * 3];
    for (int i = 0, j = 0; i < grey.length; i++, j += 3) {
      out[j] = grey[i];
      out[j + 1] = grey[i];
      out[j + 2] = grey[i];
    }
    return out;
  }

  /** {@code ImageEnhance.Color(img).enhance(f)}: blend with the greyscale version. */
  static Image color(Image img, double factor) {
    return blend(expand(luminance(img), img.channels()), img, factor);
  }

  /** {@code ImageEnhance.Contrast(img).enhance(f)}: blend with the rounded mean grey level. */
  static Image contrast(Image img, double factor) {
    byte[] l = luminance(img);
    long sum = 0;
    for (byte v : l) {
      sum += v & 0xff;
    }
    int mean = (int) ((double) sum / l.length + 0.5);
    byte[] deg = new byte[img.height() * img.width() * img.channels()];
    java.util.Arrays.fill(deg, (byte) mean);
    return blend(deg, img, factor);
  }

  /** {@code ImageEnhance.Brightness(img).enhance(f)}: blend with black. */
  static Image brightness(Image img, double factor) {
    return blend(new byte[img.height() * img.width() * img.channels()], img, factor);
  }

  /** {@code ImageEnhance.Sharpness(img).enhance(f)}: blend with {@code ImageFilter.SMOOTH}. */
  static Image sharpness(Image img, double factor) {
    return blend(smooth(img), img, factor);
  }

  /** {@code img.filter(ImageFilter.SMOOTH)}: 3x3 kernel (1 1 1 / 1 5 1 / 1 1 1) / 13, float32
   * sums rounded half up ({@code clip8}), borders copied. */
  static byte[] smooth(Image img) {
    int w = img.width();
    int h = img.height();
    int c = img.channels();
    byte[] in = img.pixels();
    byte[] out = in.clone();
    float k = 1f / 13f;
    float k5 = 5f / 13f;
    int stride = w * c;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        for (int b = 0; b < c; b++) {
          int i = y * stride + x * c + b;
          float ss = 0f;
          ss += row(in, i + stride, c, k, k, k);
          ss += row(in, i, c, k, k5, k);
          ss += row(in, i - stride, c, k, k, k);
          out[i] = (byte) (ss <= 0f ? 0 : ss >= 255f ? 255 : (int) (ss + 0.5f));
        }
      }
    }
    return out;
  }

  private static float row(byte[] in, int i, int d, float k0, float k1, float k2) {
    return (float) (in[i - d] & 0xff) * k0 + (float) (in[i] & 0xff) * k1 + (float) (in[i + d] & 0xff) * k2;
  }
}
