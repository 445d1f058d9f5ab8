package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.util.Objects;

/** Argument checks and the channel policy, shared by every corruption. */
abstract class BaseCorruption implements Corruption {
  /** Smallest supported side. */
  static final int MIN_SIDE = 8;

  private final String name;
  private final CorruptionGroup group;
  private final boolean random;

  BaseCorruption(String name, CorruptionGroup group, boolean random) {
    this.name = name;
    this.group = group;
    this.random = random;
  }

  @Override
  public final String name() { return name; }

  @Override
  public final CorruptionGroup group() { return group; }

  @Override
  public final boolean isRandom() { return random; }

  @Override
  public final Image apply(Image image, int severity, Preset preset, RandomSource random) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(random, "random");
    Severity.check(severity);
    if (image.height() < MIN_SIDE || image.width() < MIN_SIDE) {
      throw new IllegalArgumentException(name + " needs an image at least " + MIN_SIDE + "x" + MIN_SIDE
          + ", got " + image.height() + "x" + image.width());
    }
    return corrupt(image.toRgb(), preset.params(name, severity), preset, random);
  }

  /**
   * @param rgb a 3-channel image at least 8x8
   * @param params the preset's tuple for the requested severity
   */
  abstract Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random);

  @Override
  public String toString() {
    return name + " (" + group + ")";
  }
}
