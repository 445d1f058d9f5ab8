package dev.robusta.infer;

import dev.robusta.data.Image;

/**
 * Pillow's {@code Image.resize(size, Image.BILINEAR)} for 8-bit images, reproduced bit for bit: a
 * separable triangle filter whose support widens with the down-scaling factor (so it antialiases),
 * fixed-point coefficients with 22 fractional bits, a horizontal pass rounded to 8 bits, then a vertical
 * pass. Follows {@code src/libImaging/Resample.c} of Pillow 9 ({@code precompute_coeffs},
 * {@code normalize_coeffs_8bpc}, {@code ImagingResampleHorizontal_8bpc}/{@code Vertical_8bpc},
 * {@code ImagingResampleInner}); torchvision's {@code Resize} on PIL images calls exactly this.
 */
final class PilResize {
  private static final int PRECISION_BITS = 32 - 8 - 2;

  private PilResize() {}

  /** Coefficients for one axis: per output index its first input index, tap count and weights. */
  private record Coeffs(int ksize, int[] bounds, int[] weights) {}

  static Image resize(Image in, int outWidth, int outHeight) {
    int c = in.channels();
    int inW = in.width();
    int inH = in.height();
    if (outWidth == inW && outHeight == inH) {
      return in;
    }
    byte[] src = in.pixels();
    Coeffs horiz = coeffs(inW, outWidth);
    Coeffs vert = coeffs(inH, outHeight);
    int yFirst = vert.bounds[0];
    int yLast = vert.bounds[outHeight * 2 - 2] + vert.bounds[outHeight * 2 - 1];
    byte[] tmp;
    int tmpH;
    if (outWidth != inW) {
      tmpH = yLast - yFirst;
      tmp = new byte[tmpH * outWidth * c];
      for (int yy = 0; yy < tmpH; yy++) {
        int rowIn = (yy + yFirst) * inW * c;
        int rowOut = yy * outWidth * c;
        for (int xx = 0; xx < outWidth; xx++) {
          int xmin = horiz.bounds[xx * 2];
          int xmax = horiz.bounds[xx * 2 + 1];
          int k = xx * horiz.ksize;
          for (int ch = 0; ch < c; ch++) {
            int ss = 1 << (PRECISION_BITS - 1);
            for (int x = 0; x < xmax; x++) {
              ss += (src[rowIn + (x + xmin) * c + ch] & 0xff) * horiz.weights[k + x];
            }
            tmp[rowOut + xx * c + ch] = clip8(ss);
          }
        }
      }
    } else {
      tmp = src;
      tmpH = inH;
      yFirst = 0;
    }
    if (outHeight == inH && yFirst == 0 && tmpH == inH) {
      return Image.wrap(outHeight, outWidth, c, tmp);
    }
    byte[] out = new byte[outHeight * outWidth * c];
    for (int yy = 0; yy < outHeight; yy++) {
      int ymin = vert.bounds[yy * 2] - yFirst;
      int ymax = vert.bounds[yy * 2 + 1];
      int k = yy * vert.ksize;
      for (int xx = 0; xx < outWidth * c; xx++) {
        int ss = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < ymax; y++) {
          ss += (tmp[(y + ymin) * outWidth * c + xx] & 0xff) * vert.weights[k + y];
        }
        out[yy * outWidth * c + xx] = clip8(ss);
      }
    }
    return Image.wrap(outHeight, outWidth, c, out);
  }

  private static byte clip8(int in) {
    if (in >= (1 << PRECISION_BITS) << 8) {
      return (byte) 255;
    }
    if (in <= 0) {
      return 0;
    }
    return (byte) (in >> PRECISION_BITS);
  }

  /** {@code precompute_coeffs} with the bilinear filter (support 1) over the whole input axis. */
  private static Coeffs coeffs(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double filterscale = Math.max(scale, 1.0);
    double support = 1.0 * filterscale;
    int ksize = (int) Math.ceil(support) * 2 + 1;
    int[] bounds = new int[outSize * 2];
    int[] weights = new int[outSize * ksize];
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
        double w = triangle((x + xmin - center + 0.5) * ss);
        k[x] = w;
        ww += w;
      }
      for (int x = 0; x < ksize; x++) {
        double w = x < xmax ? (ww != 0.0 ? k[x] / ww : k[x]) : 0.0;
        weights[xx * ksize + x] = w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS))
            : (int) (0.5 + w * (1 << PRECISION_BITS));
      }
      bounds[xx * 2] = xmin;
      bounds[xx * 2 + 1] = xmax;
    }
    return new Coeffs(ksize, bounds, weights);
  }

  private static double triangle(double x) {
    x = Math.abs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
  }
}
