package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Brightness: in scikit-image HSV, {@code V = clip(V + c, 0, 1)}, back to RGB; c on the 0..1 scale
 * (ImageNet-C: .1 .. .5).
 */
final class Brightness extends BaseCorruption {
  Brightness() {
    super("brightness", CorruptionGroup.DIGITAL, false);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    double c = params[0];
    double[] x = Pixels.unit(rgb);
    Hsv.rgbToHsv(x);
    for (int i = 2; i < x.length; i += 3) {
      x[i] = Math.min(1, Math.max(0, x[i] + c));
    }
    Hsv.hsvToRgb(x);
    return Pixels.fromUnit(rgb.height(), rgb.width(), 3, x);
  }
}
