package dev.robusta.metrics;

/**
 * Which frame pairs ImageNet-P compares ({@code hendrycks/robustness · ImageNet-P/test.py}).
 */
public enum FrameRule {
  /** Noise perturbations (names containing "noise"): every frame against the first frame; no stride. */
  AGAINST_FIRST_FRAME,
  /** Other perturbations: consecutive frames {@code difficulty} apart, for each of the d starting offsets. */
  CONSECUTIVE;

  /** @return the reference's rule for a perturbation name: {@code 'noise' in name} */
  public static FrameRule forPerturbation(String name) {
    return name.contains("noise") ? AGAINST_FIRST_FRAME : CONSECUTIVE;
  }
}
