package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.util.Arrays;
import java.util.Locale;

/**
 * The 14 ImageNet-P / CIFAR-P perturbations (Hendrycks &amp; Dietterich, ICLR 2019), each generating a
 * sequence of frames from one clean picture as hendrycks/robustness {@code ImageNet-P/create_p/
 * make_imagenet_p.py} and {@code make_cifar_p.py} do (before their H.264 encoding, which is not
 * reproduced: the frames are the exact in-memory pictures). Test set: gaussian_noise, shot_noise,
 * motion_blur, zoom_blur, snow, brightness, translate, rotate, tilt, scale; validation set:
 * speckle_noise, gaussian_blur, spatter, shear.
 *
 * <p>Difficulty: the three noise perturbations have three generated difficulty levels
 * ({@code gaussian_noise}, {@code _2}, {@code _3}: ImageNet-P sigma 0.03 / 0.05 / 0.08, shot photons
 * 300 / 120 / 60, speckle sigma 0.05 / 0.10 / 0.15; CIFAR-P 0.02 / 0.04 / 0.06, 700 / 400 / 200,
 * 0.05 / 0.07 / 0.10). For the other perturbations the difficulty is the frame gap the flip-rate
 * metric compares (1..3) and the generated frames do not depend on it; asking for another
 * generation difficulty than 1 for them throws.
 *
 * @since 0.1
 */
public enum Perturbation {
  GAUSSIAN_NOISE, SHOT_NOISE, MOTION_BLUR, ZOOM_BLUR, SNOW, BRIGHTNESS, TRANSLATE, ROTATE, TILT, SCALE,
  SPECKLE_NOISE, GAUSSIAN_BLUR, SPATTER, SHEAR;

  /** @return the field-standard name, e.g. {@code gaussian_noise} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return true for the noise perturbations: every frame is compared with the first, 3 difficulties */
  public boolean isNoise() {
    return this == GAUSSIAN_NOISE || this == SHOT_NOISE || this == SPECKLE_NOISE;
  }

  /** @return the number of frames the reference generates (31; ImageNet-P translate 41; CIFAR-P translate 16, motion blur 21) */
  public int frames(PerturbationPreset preset) {
    if (this == TRANSLATE) {
      return preset == PerturbationPreset.IMAGENET_P ? 41 : 16;
    }
    if (this == MOTION_BLUR && preset == PerturbationPreset.CIFAR_P) {
      return 21;
    }
    return 31;
  }

  /**
   * Generates the frame sequence of one clean picture.
   *
   * @param image the clean picture: for IMAGENET_P the short-side-256 resize (frames are centre-cropped
   *     to 224, the geometric perturbations transform the whole picture first); for CIFAR_P the picture
   *     itself (no crop). RGB or greyscale (greyscale is replicated to RGB).
   * @param difficulty 1..3 for the noise perturbations, 1 for the others
   * @param seed seeds Robusta's own {@link RandomSource} (noise, snow and spatter draw)
   * @return the frames, frame 0 first
   * @throws IllegalArgumentException for a bad difficulty or an image smaller than the crop
   */
  public PerturbationSequence generate(Image image, int difficulty, PerturbationPreset preset, long seed) {
    return generate(image, difficulty, preset, RandomSource.seeded(seed), seed);
  }

  /** As {@link #generate(Image, int, PerturbationPreset, long)} with an explicit (replaceable) random source. */
  public PerturbationSequence generate(Image image, int difficulty, PerturbationPreset preset, RandomSource random) {
    return generate(image, difficulty, preset, random, null);
  }

  private PerturbationSequence generate(Image image, int difficulty, PerturbationPreset preset, RandomSource random,
      Long seed) {
    int maxDifficulty = isNoise() ? 3 : 1;
    if (difficulty < 1 || difficulty > maxDifficulty) {
      throw new IllegalArgumentException(id() + " difficulty must be 1.." + maxDifficulty + ", was " + difficulty
          + (isNoise() ? "" : " (for non-noise perturbations the difficulty is the metric's frame gap,"
          + " not a generation parameter: generate with 1 and pass the gap to the flip-rate metric)"));
    }
    return new PerturbationSequence(this, difficulty, preset, seed,
        PerturbationFrames.generate(this, image.toRgb(), difficulty, preset, random));
  }

  /** @return the perturbation with this field-standard name */
  public static Perturbation named(String name) {
    for (Perturbation p : values()) {
      if (p.id().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown perturbation '" + name + "'; known: "
        + Arrays.stream(values()).map(Perturbation::id).toList());
  }
}
