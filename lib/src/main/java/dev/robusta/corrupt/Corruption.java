package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.util.List;

/**
 * One ImageNet-C corruption (Hendrycks &amp; Dietterich, "Benchmarking Neural Network Robustness to
 * Common Corruptions and Perturbations", ICLR 2019), re-implemented after the reference scripts
 * named by each {@link Preset}.
 *
 * <p>Contract shared by every corruption:
 * <ul>
 *   <li>input: any {@link Image} at least 8x8, any aspect ratio, 1 or 3 channels;</li>
 *   <li>channel policy: a greyscale image is corrupted as the RGB image with three equal channels
 *       ({@link Image#toRgb()}), exactly as the ImageNet-C loader ({@code convert('RGB')}) feeds it,
 *       and the result is RGB; the height and width never change;</li>
 *   <li>severity: 1..5, anything else throws {@link IllegalArgumentException} naming the range;</li>
 *   <li>output: {@code uint8(clip(result, 0, 255))}, truncation toward zero like the references'
 *       {@code np.uint8};</li>
 *   <li>randomness: every draw goes through the given {@link RandomSource}, in the reference's call
 *       order, so a replay of recorded draws reproduces the golden output and a seed reproduces
 *       Robusta's own output on any run or thread.</li>
 * </ul>
 * Implementations are stateless and thread-safe.
 */
public interface Corruption {

  /** @return the field-standard name, e.g. {@code gaussian_noise} */
  String name();

  /** @return the ImageNet-C group; the four validation corruptions are {@link CorruptionGroup#EXTRA} */
  CorruptionGroup group();

  /** @return true when the corruption draws random numbers */
  boolean isRandom();

  /**
   * Corrupts one image.
   *
   * @param image the clean picture (not null, at least 8x8)
   * @param severity 1..5
   * @param preset whose severity table and algorithm variant to use (not null)
   * @param random the source of every random draw (not null)
   * @return a new RGB image of the same height and width
   * @throws IllegalArgumentException for a severity outside 1..5 or an image smaller than 8x8
   */
  Image apply(Image image, int severity, Preset preset, RandomSource random);

  /** Same as {@link #apply(Image, int, Preset, RandomSource)} with {@code RandomSource.seeded(seed)}. */
  default Image apply(Image image, int severity, Preset preset, long seed) {
    return apply(image, severity, preset, RandomSource.seeded(seed));
  }

  /**
   * @param name a field-standard corruption name
   * @return the registered corruption
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  static Corruption named(String name) {
    return CorruptionRegistry.get(name);
  }

  /** @return all 19 names in the ImageNet-C order: the 15 benchmark corruptions, then the 4 extra */
  static List<String> names() {
    return CorruptionRegistry.names();
  }

  /** @return the 15 benchmark corruptions (the mCE set), in ImageNet-C order */
  static List<String> benchmarkNames() {
    return CorruptionRegistry.names().subList(0, 15);
  }
}
