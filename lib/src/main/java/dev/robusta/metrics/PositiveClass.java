package dev.robusta.metrics;

/**
 * The class treated as "positive" by FPR95 (and by a single-number AUPR). Field survey §3.1: the
 * hendrycks code, OpenOOD v1.5 and pytorch-ood take OOD as positive (FPR is then measured on ID
 * samples); the ODIN paper and energy_ood's default take ID as positive (FPR measured on OOD samples).
 * The two give different numbers, so the choice is stored with every result.
 */
public enum PositiveClass {
  /** In-distribution samples are positives: FPR95 = fraction of OOD samples accepted while 95% of ID is kept. */
  ID,
  /** OOD samples are positives: FPR95 = fraction of ID samples flagged while 95% of OOD is caught. */
  OOD
}
