package dev.robusta.corrupt;

/**
 * The groups of the ImageNet-C benchmark (Hendrycks &amp; Dietterich, ICLR 2019): the 15 benchmark
 * corruptions fall into noise, blur, weather and digital; the 4 held-out validation corruptions
 * (speckle_noise, gaussian_blur, spatter, saturate) form {@link #EXTRA}.
 */
public enum CorruptionGroup {
  NOISE, BLUR, WEATHER, DIGITAL, EXTRA;

  /** @return the lower-case label used in tables ({@code noise}, {@code blur}, ...) */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
