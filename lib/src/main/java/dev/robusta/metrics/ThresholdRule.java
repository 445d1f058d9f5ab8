package dev.robusta.metrics;

/**
 * How FPR95 picks its operating point among the distinct score thresholds (field survey §3.1).
 * Neither rule interpolates.
 */
public enum ThresholdRule {
  /**
   * hendrycks' rule ({@code outlier-exposure · utils/display_results.py::fpr_and_fdr_at_recall}):
   * among thresholds down to the first one with full recall, the one whose recall is closest to 0.95
   * in double arithmetic; on a tie the lowest threshold (largest FPR) wins. The chosen recall may lie
   * below 0.95.
   */
  CLOSEST_RECALL,
  /** OpenOOD / pytorch-ood rule: the first ROC point (from the highest threshold) with TPR &gt;= 0.95. */
  FIRST_TPR_AT_LEAST
}
