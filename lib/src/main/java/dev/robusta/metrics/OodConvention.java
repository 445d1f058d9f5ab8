package dev.robusta.metrics;

import java.util.Objects;

/**
 * The convention an OOD-detection result was computed under: which side is positive for FPR95 and
 * how its threshold is chosen. AUROC, AUPR-In, AUPR-Out and the detection error do not depend on it.
 *
 * @param positive the positive class for FPR95, never {@code null}
 * @param rule the FPR95 threshold rule, never {@code null}
 */
public record OodConvention(PositiveClass positive, ThresholdRule rule) {

  /**
   * The default: OOD positive with the first ROC point reaching TPR 0.95 (OpenOOD v1.5, pytorch-ood).
   * Unlike {@link #HENDRYCKS} it never stops below 0.95 and, at equal recall, keeps the higher threshold.
   */
  public static final OodConvention DEFAULT = new OodConvention(PositiveClass.OOD, ThresholdRule.FIRST_TPR_AT_LEAST);

  /** hendrycks (Outlier Exposure, anomaly-seg, energy_ood with {@code --out_as_pos}): OOD positive, closest recall. */
  public static final OodConvention HENDRYCKS = new OodConvention(PositiveClass.OOD, ThresholdRule.CLOSEST_RECALL);

  /** OpenOOD v1.5: OOD positive, first ROC point with TPR &gt;= 0.95. */
  public static final OodConvention OPENOOD_V15 = new OodConvention(PositiveClass.OOD, ThresholdRule.FIRST_TPR_AT_LEAST);

  /** ODIN paper / energy_ood default: ID positive, first ROC point with TPR &gt;= 0.95. */
  public static final OodConvention ODIN = new OodConvention(PositiveClass.ID, ThresholdRule.FIRST_TPR_AT_LEAST);

  /** Checks the components. */
  public OodConvention {
    Objects.requireNonNull(positive, "positive class (ID or OOD) is required");
    Objects.requireNonNull(rule, "threshold rule is required");
  }

  @Override
  public String toString() {
    return "positive=" + positive + ", FPR95 rule=" + rule;
  }
}
