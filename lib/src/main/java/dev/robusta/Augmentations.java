package dev.robusta;

import dev.robusta.corrupt.AugMix;
import dev.robusta.corrupt.FractalPictures;
import dev.robusta.corrupt.Perturbation;
import dev.robusta.corrupt.PerturbationPreset;
import dev.robusta.corrupt.PerturbationSequence;
import dev.robusta.corrupt.PixMix;
import dev.robusta.data.Image;
import java.nio.file.Path;
import java.util.List;

/**
 * One-line access to the training augmentations (AugMix, PixMix) and the ImageNet-P perturbation
 * sequences. Each method spells out its long form.
 *
 * <pre>{@code
 * float[] x = Augmentations.augMix(img, 7);                         // CIFAR defaults, CHW [-1, 1]
 * AugMix.Triple t = Augmentations.augMixTriple(img, 7);             // (clean, aug1, aug2) for the JSD loss
 * float[] p = Augmentations.pixMix(img, Path.of("fractals"), 7);    // k 4, beta 3
 * PerturbationSequence s = Augmentations.perturb(img, "rotate", 1, PerturbationPreset.IMAGENET_P, 7);
 * }</pre>
 *
 * @since 0.1
 */
public final class Augmentations {
  private Augmentations() {}

  /**
   * AugMix with the CIFAR defaults (width 3, random depth 1..3, severity 3, alpha 1, no all-ops).
   * Long form: {@code AugMix.builder().build().apply(image, seed)}.
   *
   * @return CHW float32 {@code [C, H, W]} normalised with mean = std = 0.5
   */
  public static float[] augMix(Image image, long seed) {
    return AugMix.builder().build().apply(image, seed);
  }

  /** Long form: {@code AugMix.builder().build().triple(image, seed)}. */
  public static AugMix.Triple augMixTriple(Image image, long seed) {
    return AugMix.builder().build().triple(image, seed);
  }

  /**
   * PixMix with the CIFAR defaults (k 4, beta 3, severity 3). Long form:
   * {@code PixMix.builder().mixingPictures(folder).build().apply(image, seed)}; build the PixMix once
   * and reuse it when augmenting many images (this one-liner reads the folder on every call).
   *
   * @return CHW float32 {@code [C, H, W]} normalised with mean = std = 0.5
   */
  public static float[] pixMix(Image image, Path mixingPictures, long seed) {
    return PixMix.builder().mixingPictures(mixingPictures).build().apply(image, seed);
  }

  /**
   * One ImageNet-P / CIFAR-P frame sequence. Long form:
   * {@code Perturbation.named(name).generate(image, difficulty, preset, seed)}.
   */
  public static PerturbationSequence perturb(Image image, String name, int difficulty, PerturbationPreset preset,
      long seed) {
    return Perturbation.named(name).generate(image, difficulty, preset, seed);
  }

  /**
   * Seeded random-IFS fractal pictures, a stand-in for PixMix's fractal mixing set. Long form:
   * {@code FractalPictures.generate(count, size, channels, seed)}.
   *
   * @return {@code count} pictures, {@code size x size x channels}, 0..255 on black
   */
  public static List<Image> fractals(int count, int size, int channels, long seed) {
    return FractalPictures.generate(count, size, channels, seed);
  }
}
