package dev.robusta.metrics;

import java.util.List;

/**
 * Which ImageNet-C corruptions an average runs over. mCE is defined over the 15 benchmark corruptions
 * (Hendrycks &amp; Dietterich, ICLR 2019); averaging the 4 validation ("extra") corruptions in as well is
 * what {@code hendrycks/robustness · ImageNet-C/test.py} prints as an unnormalised "mCE" and has to be
 * asked for by this name.
 */
public enum CorruptionSet {
  /** The 15 benchmark corruptions of mCE. */
  BENCHMARK_15(List.of("gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur",
      "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast", "elastic_transform",
      "pixelate", "jpeg_compression")),
  /** The 15 benchmark corruptions plus speckle_noise, gaussian_blur, spatter and saturate. */
  INCLUDING_EXTRA_19(List.of("gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur",
      "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast", "elastic_transform",
      "pixelate", "jpeg_compression", "speckle_noise", "gaussian_blur", "spatter", "saturate"));

  private final List<String> names;

  CorruptionSet(List<String> names) {
    this.names = names;
  }

  /** @return the corruption names, in the benchmark's customary order (averages do not depend on it) */
  public List<String> names() {
    return names;
  }
}
