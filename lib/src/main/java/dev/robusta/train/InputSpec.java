package dev.robusta.train;

import dev.robusta.data.Image;
import java.util.Arrays;

/**
 * How a {@link Image} becomes a network input row: {@code channels x height x width} floats in CHW order,
 * {@code (pixel / 255 - mean[c]) / std[c]}.
 *
 * <p>Channel policy: an RGB image given to a 1-channel model is converted to luma with ITU-R 601-2 weights
 * ({@code L = 0.299 R + 0.587 G + 0.114 B}, as PIL's {@code convert("L")}); a greyscale image given to a
 * 3-channel model is replicated. Images are never resized here: a size mismatch is an error.
 *
 * @param channels 1 or 3
 * @param height input rows
 * @param width input columns
 * @param mean per-channel mean on the 0..1 scale (length = channels)
 * @param std per-channel standard deviation on the 0..1 scale (length = channels, all > 0)
 */
public record InputSpec(int channels, int height, int width, float[] mean, float[] std) {

  /** Fashion-MNIST: 1 x 28 x 28, mean 0.2860, std 0.3530 (the training set's pixel statistics). */
  public static final InputSpec FASHION_MNIST = new InputSpec(1, 28, 28, new float[] {0.2860f}, new float[] {0.3530f});

  public InputSpec {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("input size must be positive, was " + height + "x" + width);
    }
    if (mean.length != channels || std.length != channels) {
      throw new IllegalArgumentException("mean and std need " + channels + " values each, got "
          + mean.length + " and " + std.length);
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** @return floats per image: channels * height * width */
  public int size() {
    return channels * height * width;
  }

  @Override
  public float[] mean() { return mean.clone(); }

  @Override
  public float[] std() { return std.clone(); }

  /**
   * Writes one image as CHW floats into {@code dst} starting at {@code offset}.
   *
   * @throws IllegalArgumentException when the image size differs from this spec
   */
  public void write(Image image, float[] dst, int offset) {
    if (image.height() != height || image.width() != width) {
      throw new IllegalArgumentException("image is " + image.height() + "x" + image.width()
          + " but the model takes " + height + "x" + width + "; resize the dataset first");
    }
    byte[] px = image.pixels();
    int hw = height * width;
    int ic = image.channels();
    for (int c = 0; c < channels; c++) {
      float m = mean[c];
      float s = std[c];
      int base = offset + c * hw;
      for (int i = 0; i < hw; i++) {
        float v;
        if (ic == channels) {
          v = px[i * ic + c] & 0xff;
        } else if (ic == 1) {
          v = px[i] & 0xff;
        } else {
          v = (px[i * 3] & 0xff) * 0.299f + (px[i * 3 + 1] & 0xff) * 0.587f + (px[i * 3 + 2] & 0xff) * 0.114f;
        }
        dst[base + i] = (v / 255f - m) / s;
      }
    }
  }

  /** @return {@code [channels, height, width]} as a shape array for DJL */
  long[] chw() {
    return new long[] {channels, height, width};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputSpec s && s.channels == channels && s.height == height && s.width == width
        && Arrays.equals(s.mean, mean) && Arrays.equals(s.std, std);
  }

  @Override
  public int hashCode() {
    return (channels * 31 + height) * 31 + width + 17 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "InputSpec[" + channels + "x" + height + "x" + width + ", x/255, mean " + Arrays.toString(mean)
        + ", std " + Arrays.toString(std) + "]";
  }
}
