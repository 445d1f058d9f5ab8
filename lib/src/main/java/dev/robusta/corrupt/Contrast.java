package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Contrast reduction: {@code clip((x - m) * c + m, 0, 1) * 255} with x = pixels/255 and m the
 * per-channel mean over the whole image (numpy's sequential accumulation, then division by H*W);
 * c is the contrast factor (ImageNet-C: .4 .. .05).
 */
final class Contrast extends BaseCorruption {
  Contrast() {
    super("contrast", CorruptionGroup.DIGITAL, false);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    double c = params[0];
    double[] x = Pixels.unit(rgb);
    double[] mean = new double[3];
    for (int i = 0; i < x.length; i += 3) {
      mean[0] += x[i];
      mean[1] += x[i + 1];
      mean[2] += x[i + 2];
    }
    double n = (double) rgb.height() * rgb.width();
    for (int k = 0; k < 3; k++) {
      mean[k] /= n;
    }
    for (int i = 0; i < x.length; i++) {
      double m = mean[i % 3];
      x[i] = (x[i] - m) * c + m;
    }
    return Pixels.fromUnit(rgb.height(), rgb.width(), 3, x);
  }
}
