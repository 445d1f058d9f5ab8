package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Additive Gaussian noise: {@code clip(x/255 + N(0, c), 0, 1) * 255}, one draw per channel value;
 * c is the preset's standard deviation on the 0..1 scale (ImageNet-C: .08 .. .38).
 */
final class GaussianNoise extends BaseCorruption {
  GaussianNoise() {
    super("gaussian_noise", CorruptionGroup.NOISE, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    double[] x = Pixels.unit(rgb);
    double[] n = random.normal(0, params[0], x.length);
    for (int i = 0; i < x.length; i++) {
      x[i] += n[i];
    }
    return Pixels.fromUnit(rgb.height(), rgb.width(), 3, x);
  }
}
