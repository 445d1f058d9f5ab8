package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Gaussian blur as scikit-image {@code gaussian(x/255, sigma=c, multichannel=True)}: per channel,
 * scipy border mode 'nearest', truncate 4; c is sigma in pixels (ImageNet-C: 1 .. 6).
 */
final class GaussianBlur extends BaseCorruption {
  GaussianBlur() {
    super("gaussian_blur", CorruptionGroup.EXTRA, false);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    double[] x = GaussianFilter.filter(Pixels.unit(rgb), h, w, 3, params[0], params[0],
        GaussianFilter.Mode.NEAREST, 4.0);
    return Pixels.fromUnit(h, w, 3, x);
  }
}
