package dev.robusta.metrics;

/**
 * Equal-count bins as in hendrycks' {@code calib_err} ({@code natural-adv-examples ·
 * calibration_tools.py}): samples sorted by confidence (stable: ties keep index order), cut into
 * consecutive bins of {@code binSize}, the last bin absorbing the remainder.
 *
 * @param binSize samples per bin (the reference uses 100), &gt;= 1
 * @param legacy {@code true} reproduces the reference loop over {@code len(bins) - 1}, which never
 *     counts the highest-confidence bin (so 100..199 samples give exactly 0) while still weighting every
 *     bin by n_bin / n with n counting all samples; {@code false} (the default) includes every bin
 */
public record AdaptiveBinning(int binSize, boolean legacy) {
  /** Bins of 100, every bin included: the corrected definition. */
  public static final AdaptiveBinning DEFAULT = new AdaptiveBinning(100, false);
  /** Bins of 100 with the reference's dropped last bin, to compare with published numbers. */
  public static final AdaptiveBinning LEGACY = new AdaptiveBinning(100, true);

  /** Checks the bin size. */
  public AdaptiveBinning {
    if (binSize < 1) throw new IllegalArgumentException("binSize must be >= 1, was " + binSize);
  }

  @Override
  public String toString() {
    return "adaptive bins of " + binSize + " samples by confidence (stable sort), "
        + (legacy ? "LEGACY: highest-confidence bin dropped as in calib_err" : "every bin included");
  }
}
