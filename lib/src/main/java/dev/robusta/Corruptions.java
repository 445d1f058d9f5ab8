package dev.robusta;

import dev.robusta.corrupt.CorruptedBenchmark;
import dev.robusta.corrupt.Corruption;
import dev.robusta.corrupt.CorruptionGroup;
import dev.robusta.corrupt.Preset;
import dev.robusta.corrupt.RandomSource;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import java.util.List;

/**
 * One-line access to the ImageNet-C corruptions. Each method spells out its long form.
 *
 * <pre>{@code
 * Image foggy = Corruptions.apply(img, "fog", 3, 42);                 // IMAGENET_C tables
 * Image c10 = Corruptions.apply(img, "fog", 3, Preset.CIFAR_C, 42);   // CIFAR-10-C tables
 * }</pre>
 */
public final class Corruptions {
  private Corruptions() {}

  /**
   * Corrupts with the {@link Preset#IMAGENET_C} tables and Robusta's seeded generator. Long form:
   * {@code Corruption.named(name).apply(image, severity, Preset.IMAGENET_C, RandomSource.seeded(seed))}.
   *
   * @throws IllegalArgumentException for an unknown name, a severity outside 1..5 or an image
   *     smaller than 8x8
   */
  public static Image apply(Image image, String name, int severity, long seed) {
    return apply(image, name, severity, Preset.IMAGENET_C, seed);
  }

  /** Long form: {@code Corruption.named(name).apply(image, severity, preset, RandomSource.seeded(seed))}. */
  public static Image apply(Image image, String name, int severity, Preset preset, long seed) {
    return Corruption.named(name).apply(image, severity, preset, RandomSource.seeded(seed));
  }

  /** With an explicit random source, e.g. a {@link dev.robusta.corrupt.ReplayRandomSource}. */
  public static Image apply(Image image, String name, int severity, Preset preset, RandomSource random) {
    return Corruption.named(name).apply(image, severity, preset, random);
  }

  /**
   * The 15 benchmark corruptions x severities 1..5 of a dataset, generated lazily in memory (protocol
   * {@code IN_MEMORY}, seed 0). Long form: {@code CorruptedBenchmark.builder(clean, preset).build()};
   * the builder adds the seed, the 4 extra corruptions and the ImageNet-C release's JPEG-85 step.
   */
  public static CorruptedBenchmark corrupted(Dataset clean, Preset preset) {
    return CorruptedBenchmark.builder(clean, preset).build();
  }

  /** Long form: {@code CorruptedBenchmark.builder(clean, preset).seed(seed).build()}. */
  public static CorruptedBenchmark corrupted(Dataset clean, Preset preset, long seed) {
    return CorruptedBenchmark.builder(clean, preset).seed(seed).build();
  }

  /** @return the 19 names in ImageNet-C order (15 benchmark, then speckle_noise, gaussian_blur, spatter, saturate) */
  public static List<String> names() {
    return Corruption.names();
  }

  /** @return the 15 benchmark corruptions (the set mCE averages over) */
  public static List<String> benchmarkNames() {
    return Corruption.benchmarkNames();
  }

  /** @return the group of a corruption ({@code noise, blur, weather, digital, extra}) */
  public static CorruptionGroup group(String name) {
    return Corruption.named(name).group();
  }
}
