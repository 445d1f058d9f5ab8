package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Salt-and-pepper noise as scikit-image's {@code random_noise(mode='s&p', amount=c)}: each channel
 * value (not each pixel, hence coloured specks) is flipped with probability c; a flipped value
 * becomes 1 (salt) or 0 (pepper) with probability 1/2. Two Bernoulli fields are drawn, "flipped" then
 * "salted".
 */
final class ImpulseNoise extends BaseCorruption {
  ImpulseNoise() {
    super("impulse_noise", CorruptionGroup.NOISE, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    byte[] p = rgb.pixels();
    boolean[] flipped = random.bernoulli(params[0], p.length);
    boolean[] salted = random.bernoulli(0.5, p.length);
    for (int i = 0; i < p.length; i++) {
      if (flipped[i]) {
        p[i] = salted[i] ? (byte) 255 : 0;
      }
    }
    // the unflipped values go x/255*255, which gives back x exactly for every byte
    return Image.wrap(rgb.height(), rgb.width(), 3, p);
  }
}
