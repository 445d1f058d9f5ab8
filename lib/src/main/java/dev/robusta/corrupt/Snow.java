package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Snow (hendrycks {@code snow}, imagecorruptions {@code snow}): a snow layer
 * {@code normal(loc c0, scale c1)} per pixel, zoomed by c2 ({@code clipped_zoom}), zeroed below c3,
 * motion-blurred (radius c4, sigma c5, angle {@code uniform(-135, -45)} degrees, drawn after the
 * field) and quantised to 1/255 steps; the image (float32, 0..1) is brightened as
 * {@code c6 x + (1 - c6) max(x, 1.5 gray + 0.5)} (OpenCV RGB2GRAY weights 0.299/0.587/0.114) and the
 * layer is added twice, as is and rotated by 180 degrees: {@code clip(x + s + rot180(s), 0, 1) * 255}.
 *
 * <p>hendrycks blurs an 8-bit layer (truncated) with ImageMagick's {@code MagickMotionBlurImage} (Q16,
 * rounded); imagecorruptions blurs the float layer with its numpy port and rounds to 8 bits. Both
 * variants are reproduced (README 3.7 tolerance: max 2 vs hendrycks, max 1 vs imagecorruptions).
 */
final class Snow extends BaseCorruption {
  Snow() {
    super("snow", CorruptionGroup.WEATHER, true);
  }

  @Override
  Image corrupt(Image rgb, double[] c, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    float[] x = Pixels.unitFloat(rgb);
    double[] field = random.normal(c[0], c[1], h * w);
    float[] f = new float[field.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) field[i];
    }
    float[] zoomed = ScipyZoom.clippedZoom(f, h, w, 1, c[2], preset.isHendrycks());
    double[] layer = new double[h * w];
    boolean hendrycks = preset.isHendrycks();
    for (int i = 0; i < layer.length; i++) {
      double v = zoomed[i] < c[3] ? 0 : zoomed[i];
      v = Math.min(1, Math.max(0, v));
      layer[i] = hendrycks ? (int) (v * 255) : v;
    }
    double angle = random.uniform(-135, -45);
    double[] blurred = new MotionBlurKernel(c[4], c[5], angle, h, w).apply(layer, h, w, 1);
    for (int i = 0; i < blurred.length; i++) {
      double q = hendrycks ? MotionBlurKernel.imageMagickQ16(blurred[i]) : NumpyMath.roundHalfEven(blurred[i] * 255);
      blurred[i] = Math.min(255, Math.max(0, q)) / 255.;
    }
    float c6 = (float) c[6];
    float oneMinus = (float) (1 - c[6]);
    double[] out = new double[x.length];
    for (int y = 0; y < h; y++) {
      for (int xx = 0; xx < w; xx++) {
        int i = (y * w + xx) * 3;
        float gray = x[i] * 0.299f + x[i + 1] * 0.587f + x[i + 2] * 0.114f;
        float bright = gray * 1.5f + 0.5f;
        double s = blurred[y * w + xx] + blurred[(h - 1 - y) * w + (w - 1 - xx)];
        for (int k = 0; k < 3; k++) {
          float v = c6 * x[i + k] + oneMinus * Math.max(x[i + k], bright);
          out[i + k] = (double) v + s;
        }
      }
    }
    return Pixels.fromUnit(h, w, 3, out);
  }
}
