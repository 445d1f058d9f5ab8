package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Zoom blur: the mean of the image and its centre zooms by each factor of the preset (the
 * references' {@code np.arange} lists, which overshoot: severity 1 of ImageNet-C has 12 factors
 * 1.00 .. 1.11), computed in float32 like the references: {@code (x + sum of zooms) / (n + 1)}.
 * Each zoom is {@link ScipyZoom#clippedZoom}; hendrycks trims centred, imagecorruptions from the
 * top-left (identical for square images).
 */
final class ZoomBlur extends BaseCorruption {
  ZoomBlur() {
    super("zoom_blur", CorruptionGroup.BLUR, false);
  }

  @Override
  Image corrupt(Image rgb, double[] factors, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    float[] x = Pixels.unitFloat(rgb);
    float[] acc = new float[x.length];
    for (double z : factors) {
      ScipyZoom.clippedZoomAdd(x, h, w, 3, z, preset.isHendrycks(), acc);
    }
    float n = factors.length + 1;
    for (int i = 0; i < x.length; i++) {
      x[i] = (x[i] + acc[i]) / n;
    }
    return Pixels.fromUnit(h, w, 3, x);
  }
}
