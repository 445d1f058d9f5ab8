package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Glass blur: Gaussian blur (sigma c0, as {@link GaussianBlur}), truncation to uint8, c2 iterations
 * of a local pixel shuffle with maximum displacement c1, and a second Gaussian blur.
 *
 * <p>The shuffle follows the references exactly: rows from {@code H - d} down to {@code d + 1},
 * columns likewise (the hendrycks scripts hard-code 224/32/64 here; this uses the image's own height
 * and width like imagecorruptions), {@code (dx, dy) = randint(-d, d)} (so +d never occurs), and the
 * "swap" is one-directional: pixel (h, w) receives the value of (h + dy, w + dx), the source is left
 * unchanged (numpy views). Draws: one {@code randint(-d, d, 2 n)} call, (dx, dy) per visited pixel.
 */
final class GlassBlur extends BaseCorruption {
  GlassBlur() {
    super("glass_blur", CorruptionGroup.BLUR, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    double sigma = params[0];
    int d = (int) params[1];
    int iterations = (int) params[2];
    double[] g = GaussianFilter.filter(Pixels.unit(rgb), h, w, 3, sigma, sigma, GaussianFilter.Mode.NEAREST, 4.0);
    int[] x = new int[g.length];
    for (int i = 0; i < g.length; i++) {
      x[i] = (int) (g[i] * 255);
    }
    int rows = Math.max(0, h - 2 * d);
    int cols = Math.max(0, w - 2 * d);
    long visits = (long) iterations * rows * cols;
    if (visits > 0) {
      int[] dxy = random.randint(-d, d, Math.toIntExact(2 * visits));
      int k = 0;
      for (int it = 0; it < iterations; it++) {
        for (int y = h - d; y > d; y--) {
          for (int xx = w - d; xx > d; xx--) {
            int dx = dxy[k++];
            int dy = dxy[k++];
            int dst = (y * w + xx) * 3;
            int src = ((y + dy) * w + xx + dx) * 3;
            x[dst] = x[src];
            x[dst + 1] = x[src + 1];
            x[dst + 2] = x[src + 2];
          }
        }
      }
    }
    double[] u = new double[x.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = x[i] / 255.;
    }
    return Pixels.fromUnit(h, w, 3, GaussianFilter.filter(u, h, w, 3, sigma, sigma, GaussianFilter.Mode.NEAREST, 4.0));
  }
}
