package dev.robusta.train;

import dev.robusta.data.Image;

/**
 * A seeded, per-sample training augmentation (PixMix, a custom transform): one training image in, one
 * augmented image of the same size out. Used by {@link AugmentedTrainingSet}; the AugMix
 * Jensen-Shannon views have their own interface, {@link AugMixViews}.
 */
@FunctionalInterface
public interface SampleAugmentation {
  /**
   * @param image the clean training image, not modified
   * @param seed a per-(run, sample, draw) seed; the same seed must give the same image
   * @return the augmented image, same height and width as {@code image}
   */
  Image apply(Image image, long seed);

  /**
   * Turns an augmentation's CHW float output on the 0..1 scale (ToTensor, no Normalize) back into an
   * 8-bit image: {@code round(255 * v)} clamped to 0..255, so the network's {@link InputSpec} normalises it
   * as any other training image (the rounding moves a value by at most 0.5/255).
   *
   * @param chw {@code [channels, height, width]} floats, 0..1 (values outside are clamped)
   * @param channels 1 or 3
   * @param height rows
   * @param width columns
   * @return an HWC image
   * @throws IllegalArgumentException when the array length is not {@code channels * height * width}
   */
  static Image fromUnitChw(float[] chw, int channels, int height, int width) {
    int plane = height * width;
    if (chw.length != channels * plane) {
      throw new IllegalArgumentException("expected " + channels + "x" + height + "x" + width + " = "
          + (channels * plane) + " floats, got " + chw.length);
    }
    byte[] hwc = new byte[chw.length];
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < plane; i++) {
        float v = chw[c * plane + i];
        int q = Float.isNaN(v) ? 0 : Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
        hwc[i * channels + c] = (byte) q;
      }
    }
    return Image.wrap(height, width, channels, hwc);
  }
}
