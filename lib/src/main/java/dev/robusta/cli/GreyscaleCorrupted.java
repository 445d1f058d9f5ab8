package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.LabelSpace;
import dev.robusta.data.Sample;

/**
 * What a 1-channel model sees of a corrupted cell: the channel policy for greyscale models.
 *
 * <p>The corruption module corrupts a greyscale image as the RGB image with three equal channels (as the
 * CIFAR-10-C / ImageNet-C reference code does after {@code convert('RGB')}) and returns RGB; the noise
 * corruptions draw their noise independently per channel. A 1-channel model that converted that RGB image
 * back to grey by luma ({@code 0.299 R + 0.587 G + 0.114 B}) would see the average of three independent
 * draws: Gaussian noise of standard deviation {@code 0.67 sigma} instead of {@code sigma}
 * ({@code sqrt(0.299^2 + 0.587^2 + 0.114^2) = 0.67}), a weaker corruption than the severity table says.
 *
 * <p>Policy: when the clean source sample is greyscale, the model sees <b>channel 0 (R) of the corrupted
 * image</b> as a 1-channel image, i.e. one full-strength draw of the reference corruption, the same
 * picture the reference pipeline would hand to a model reading the first channel. RGB source samples are
 * passed through unchanged (the model's own preprocessing converts them). Use it only for 1-channel models:
 * a 3-channel model sees all three channels of the corrupted image, as in the reference.
 *
 * <p>Cost: the clean sample is read once more per image to know whether it was greyscale.
 */
final class GreyscaleCorrupted implements Dataset {
  /** The policy in one line, printed with the demo's protocol. */
  static final String POLICY = "1-channel model on a greyscale source: channel 0 of the corrupted image (the"
      + " corruption applied to the image replicated to RGB, as CIFAR-10-C does; full noise strength, not the"
      + " 0.67x of a luma average of three independent draws)";

  private final Dataset corrupted;
  private final Dataset clean;

  /**
   * @param corrupted a corrupted cell (RGB images)
   * @param clean its clean source, index for index (at least as many samples)
   */
  GreyscaleCorrupted(Dataset corrupted, Dataset clean) {
    if (clean.size() < corrupted.size()) {
      throw new IllegalArgumentException("clean source " + clean.id() + " has " + clean.size()
          + " samples, the corrupted cell " + corrupted.id() + " " + corrupted.size());
    }
    this.corrupted = corrupted;
    this.clean = clean;
  }

  @Override
  public String id() { return corrupted.id(); }

  @Override
  public int size() { return corrupted.size(); }

  @Override
  public LabelSpace labelSpace() { return corrupted.labelSpace(); }

  @Override
  public Sample get(int index) {
    Sample s = corrupted.get(index);
    Image img = s.image();
    if (img.channels() == 1 || clean.get(index).image().channels() != 1) {
      return s;
    }
    return new Sample(channel0(img), s.label(), s.meta());
  }

  /** @return channel 0 of an HWC image as a 1-channel image */
  static Image channel0(Image rgb) {
    int hw = rgb.height() * rgb.width();
    int c = rgb.channels();
    byte[] px = rgb.pixels();
    byte[] out = new byte[hw];
    for (int i = 0; i < hw; i++) {
      out[i] = px[i * c];
    }
    return Image.wrap(rgb.height(), rgb.width(), 1, out);
  }
}
