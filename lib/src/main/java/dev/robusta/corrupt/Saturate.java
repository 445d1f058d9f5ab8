package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Saturation change: in scikit-image HSV, {@code S = clip(S * c0 + c1, 0, 1)}, back to RGB
 * (ImageNet-C: (0.3, 0) .. (20, 0.2)).
 */
final class Saturate extends BaseCorruption {
  Saturate() {
    super("saturate", CorruptionGroup.EXTRA, false);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    double[] x = Pixels.unit(rgb);
    Hsv.rgbToHsv(x);
    for (int i = 1; i < x.length; i += 3) {
      x[i] = Math.min(1, Math.max(0, x[i] * params[0] + params[1]));
    }
    Hsv.hsvToRgb(x);
    return Pixels.fromUnit(rgb.height(), rgb.width(), 3, x);
  }
}
