package dev.robusta.corrupt;

import dev.robusta.data.Image;
import dev.robusta.data.PilResample;

/**
 * Pixelation: Pillow BOX downscale to {@code (int(W * c), int(H * c))}, then back up to W x H with
 * BOX (hendrycks) or NEAREST (imagecorruptions), both mirrored bit for bit by {@link dev.robusta.data.PilResample};
 * c is the downscale factor (ImageNet-C: 0.6 .. 0.25).
 */
final class Pixelate extends BaseCorruption {
  Pixelate() {
    super("pixelate", CorruptionGroup.DIGITAL, false);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    int sh = Math.max(1, (int) (h * params[0]));
    int sw = Math.max(1, (int) (w * params[0]));
    byte[] small = PilResample.resize(rgb.pixels(), h, w, 3, sh, sw, PilResample.Filter.BOX);
    byte[] out = preset.isHendrycks()
        ? PilResample.resize(small, sh, sw, 3, h, w, PilResample.Filter.BOX)
        : PilResample.nearest(small, sh, sw, 3, h, w);
    return Image.wrap(h, w, 3, out);
  }
}
