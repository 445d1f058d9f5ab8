package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Shot (Poisson) noise: {@code clip(poisson(x/255 * c) / c, 0, 1) * 255}; c is a photon-count scale
 * (larger = weaker; ImageNet-C: 60 .. 3), one draw per channel value.
 */
final class ShotNoise extends BaseCorruption {
  ShotNoise() {
    super("shot_noise", CorruptionGroup.NOISE, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    double c = params[0];
    double[] x = Pixels.unit(rgb);
    for (int i = 0; i < x.length; i++) {
      x[i] = x[i] * c;
    }
    int[] k = random.poisson(x);
    for (int i = 0; i < x.length; i++) {
      x[i] = k[i] / c;
    }
    return Pixels.fromUnit(rgb.height(), rgb.width(), 3, x);
  }
}
