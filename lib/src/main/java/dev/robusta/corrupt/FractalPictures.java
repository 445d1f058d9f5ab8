package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded fractal pictures for PixMix's mixing set: random affine iterated function systems (IFS) drawn
 * with the chaos game. PixMix (Hendrycks, Zou, Mazeika, Tang, Li, Song, Steinhardt, CVPR 2022) mixes
 * training images with "fractals and feature visualizations"; its fractal half comes from the random-IFS
 * family of fractal pre-training (Kataoka et al., ACCV 2020; Anderson &amp; Farrell, "Improving Fractal
 * Pre-training", WACV 2022). That released set ({@code fractals_and_fvis.tar}) is not available here, so
 * this class generates pictures of the same kind; they are not the paper's pictures.
 *
 * <p>One picture: {@code N ~ U{2, 3, 4}} affine maps {@code x -> A_k x + b_k} with
 * {@code A_k = R(theta_k) diag(s1_k, s2_k) R(phi_k) diag(d_k)} ({@code theta, phi ~ U(0, 2 pi)},
 * {@code d_k in {-1, 1}^2}, {@code b_k ~ U(-1, 1)^2}); the singular values are drawn uniformly and
 * rescaled so that the sigma factor {@code sum_k (s1_k + 2 s2_k)} equals a target drawn from
 * {@code U((5 + N) / 2, (6 + N) / 2)}, the range Anderson &amp; Farrell found to give well-filled
 * fractals (each singular value capped at 0.95, so every map contracts). The chaos game then iterates
 * {@value #POINTS} points (map k chosen with probability proportional to {@code |det A_k|}, the first
 * {@value #BURN_IN} discarded), scales the point cloud into the picture with a 2-pixel margin and
 * renders it on black: brightness from the log hit count per pixel, colour from a per-map random colour
 * (averaged over the hits). A system whose drawing covers less than 8% or more than 60% of the picture
 * is rejected and redrawn (deterministically, from the next attempt's seed), at most 200 times.
 *
 * <p>Deterministic: the same {@code (size, channels, seed)} gives the same picture on every JVM
 * ({@link SplittableRandom} and strict {@code double} arithmetic only).
 *
 * @since 0.1
 */
public final class FractalPictures {
  /** Chaos-game points per picture. */
  public static final int POINTS = 40_000;
  /** Initial chaos-game points not drawn. */
  public static final int BURN_IN = 20;
  private static final int MAX_ATTEMPTS = 200;
  private static final double MIN_COVER = 0.08;
  private static final double MAX_COVER = 0.60;

  private FractalPictures() {}

  /**
   * @param count number of pictures, at least 1
   * @param size side of the square pictures in pixels, 8..1024
   * @param channels 1 (greyscale: ITU-R 601 luma of the colour rendering) or 3 (RGB)
   * @param seed picture {@code i} is {@link #generate(int, int, long) generate(size, channels, mix(seed, i))}
   * @return {@code count} pictures, {@code size x size x channels}, values 0..255 on a black background
   * @throws IllegalArgumentException on a count below 1, a size outside 8..1024 or channels not 1 or 3
   */
  public static List<Image> generate(int count, int size, int channels, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    List<Image> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(generate(size, channels, mix(seed, i)));
    }
    return List.copyOf(out);
  }

  /**
   * One fractal picture.
   *
   * @param size side in pixels, 8..1024
   * @param channels 1 or 3
   * @param seed the picture's seed
   * @return {@code size x size x channels}, values 0..255
   * @throws IllegalArgumentException on a size outside 8..1024 or channels not 1 or 3
   */
  public static Image generate(int size, int channels, long seed) {
    if (size < 8 || size > 1024) {
      throw new IllegalArgumentException("size must be in 8..1024, was " + size);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
    }
    Image last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Rendering r = render(size, new SplittableRandom(mix(seed, 1_000_003L + attempt)));
      last = r.image;
      if (r.cover >= MIN_COVER && r.cover <= MAX_COVER) {
        break;
      }
    }
    return channels == 3 ? last : luma(last);
  }

  private record Rendering(Image image, double cover) {}

  private static Rendering render(int size, SplittableRandom rnd) {
    int n = 2 + rnd.nextInt(3);
    double[][] a = new double[n][4];
    double[][] b = new double[n][2];
    double[][] colour = new double[n][3];
    double[] s = new double[2 * n];
    double raw = 0;
    for (int k = 0; k < n; k++) {
      double s1 = rnd.nextDouble();
      double s2 = rnd.nextDouble();
      s[2 * k] = Math.max(s1, s2);
      s[2 * k + 1] = Math.min(s1, s2);
      raw += s[2 * k] + 2 * s[2 * k + 1];
    }
    double target = (5 + n) / 2.0 + rnd.nextDouble() * 0.5;
    double scale = target / raw;
    double[] weight = new double[n];
    double total = 0;
    for (int k = 0; k < n; k++) {
      double s1 = Math.min(0.95, s[2 * k] * scale);
      double s2 = Math.min(0.95, s[2 * k + 1] * scale);
      double th = rnd.nextDouble() * 2 * Math.PI;
      double ph = rnd.nextDouble() * 2 * Math.PI;
      double d1 = rnd.nextBoolean() ? 1 : -1;
      double d2 = rnd.nextBoolean() ? 1 : -1;
      double ct = Math.cos(th);
      double st = Math.sin(th);
      double cp = Math.cos(ph);
      double sp = Math.sin(ph);
      // R(th) diag(s1, s2) R(ph) diag(d1, d2)
      double m00 = ct * s1 * cp - st * s2 * sp;
      double m01 = -ct * s1 * sp - st * s2 * cp;
      double m10 = st * s1 * cp + ct * s2 * sp;
      double m11 = -st * s1 * sp + ct * s2 * cp;
      a[k] = new double[] {m00 * d1, m01 * d2, m10 * d1, m11 * d2};
      b[k] = new double[] {rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1};
      for (int c = 0; c < 3; c++) {
        colour[k][c] = 0.25 + 0.75 * rnd.nextDouble();
      }
      weight[k] = Math.max(1e-6, Math.abs(s1 * s2));
      total += weight[k];
    }
    double[] xs = new double[POINTS];
    double[] ys = new double[POINTS];
    int[] map = new int[POINTS];
    double x = 0;
    double y = 0;
    for (int i = 0; i < POINTS + BURN_IN; i++) {
      double u = rnd.nextDouble() * total;
      int k = 0;
      while (k < n - 1 && u >= weight[k]) {
        u -= weight[k];
        k++;
      }
      double nx = a[k][0] * x + a[k][1] * y + b[k][0];
      double ny = a[k][2] * x + a[k][3] * y + b[k][1];
      x = nx;
      y = ny;
      if (i >= BURN_IN) {
        xs[i - BURN_IN] = x;
        ys[i - BURN_IN] = y;
        map[i - BURN_IN] = k;
      }
    }
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < POINTS; i++) {
      minX = Math.min(minX, xs[i]);
      maxX = Math.max(maxX, xs[i]);
      minY = Math.min(minY, ys[i]);
      maxY = Math.max(maxY, ys[i]);
    }
    double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-12);
    int margin = 2;
    double px = (size - 2 * margin - 1) / span;
    double offX = margin + ((size - 2 * margin - 1) - (maxX - minX) * px) / 2;
    double offY = margin + ((size - 2 * margin - 1) - (maxY - minY) * px) / 2;
    int[] hits = new int[size * size];
    double[] sum = new double[3 * size * size];
    for (int i = 0; i < POINTS; i++) {
      int cx = (int) Math.round(offX + (xs[i] - minX) * px);
      int cy = (int) Math.round(offY + (ys[i] - minY) * px);
      int p = cy * size + cx;
      hits[p]++;
      for (int c = 0; c < 3; c++) {
        sum[3 * p + c] += colour[map[i]][c];
      }
    }
    int maxHits = 0;
    int lit = 0;
    for (int h : hits) {
      maxHits = Math.max(maxHits, h);
      lit += h > 0 ? 1 : 0;
    }
    double norm = Math.log1p(maxHits);
    byte[] rgb = new byte[3 * size * size];
    for (int p = 0; p < hits.length; p++) {
      if (hits[p] == 0) {
        continue;
      }
      double bright = 0.35 + 0.65 * Math.log1p(hits[p]) / norm;
      for (int c = 0; c < 3; c++) {
        double v = 255 * bright * sum[3 * p + c] / hits[p];
        rgb[3 * p + c] = (byte) Math.min(255, Math.max(0, (int) Math.round(v)));
      }
    }
    return new Rendering(Image.wrap(size, size, 3, rgb), (double) lit / hits.length);
  }

  private static Image luma(Image rgb) {
    byte[] p = rgb.pixels();
    int n = rgb.height() * rgb.width();
    byte[] g = new byte[n];
    for (int i = 0; i < n; i++) {
      double v = 0.299 * (p[3 * i] & 0xff) + 0.587 * (p[3 * i + 1] & 0xff) + 0.114 * (p[3 * i + 2] & 0xff);
      g[i] = (byte) Math.min(255, (int) Math.round(v));
    }
    return Image.wrap(rgb.height(), rgb.width(), 1, g);
  }

  static long mix(long seed, long i) {
    long h = seed * 0x9E3779B97F4A7C15L + i;
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }
}
