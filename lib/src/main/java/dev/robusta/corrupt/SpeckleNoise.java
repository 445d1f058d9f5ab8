package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Multiplicative (speckle) noise: {@code clip(x + x * N(0, c), 0, 1) * 255} on x = pixels/255, one
 * draw per channel value; c is the standard deviation (ImageNet-C: .15 .. .6).
 */
final class SpeckleNoise extends BaseCorruption {
  SpeckleNoise() {
    super("speckle_noise", CorruptionGroup.EXTRA, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    double[] x = Pixels.unit(rgb);
    double[] n = random.normal(0, params[0], x.length);
    for (int i = 0; i < x.length; i++) {
      x[i] = x[i] + x[i] * n[i];
    }
    return Pixels.fromUnit(rgb.height(), rgb.width(), 3, x);
  }
}
