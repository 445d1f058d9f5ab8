package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Motion blur along a random direction: angle {@code uniform(-45, 45)} degrees, then the
 * {@link MotionBlurKernel} of radius c0 and sigma c1 (imagecorruptions' numpy port of ImageMagick's
 * {@code MagickMotionBlurImage}). The imagecorruptions preset truncates like its port; the hendrycks
 * presets quantise like ImageMagick Q16 (see {@link MotionBlurKernel#imageMagickQ16}), which
 * reproduces the hendrycks goldens bit for bit.
 */
final class MotionBlur extends BaseCorruption {
  MotionBlur() {
    super("motion_blur", CorruptionGroup.BLUR, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    double angle = random.uniform(-45, 45);
    double[] out = new MotionBlurKernel(params[0], params[1], angle, h, w).apply(Pixels.raw(rgb), h, w, 3);
    if (preset.isHendrycks()) {
      for (int i = 0; i < out.length; i++) {
        out[i] = MotionBlurKernel.imageMagickQ16(out[i]);
      }
    }
    return Pixels.from255(h, w, 3, out);
  }
}
