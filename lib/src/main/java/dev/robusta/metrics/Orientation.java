package dev.robusta.metrics;

/**
 * Which way a score points. Every OOD score declares it, and {@link OodDetection} reads it, so a
 * score with the opposite sign cannot silently turn an AUROC of 0.9 into 0.1 (field survey §3.3:
 * OpenOOD returns confidences, pytorch-ood returns outlier scores).
 */
public enum Orientation {
  /** Larger values mean "more in-distribution" (confidences: MSP, MaxLogit, KNN's negative distance). */
  HIGHER_IS_MORE_ID,
  /** Larger values mean "more out-of-distribution" (anomaly scores: energy, entropy, Mahalanobis distance). */
  HIGHER_IS_MORE_OOD;

  /** @return the opposite orientation (what negating every score gives) */
  public Orientation flipped() {
    return this == HIGHER_IS_MORE_ID ? HIGHER_IS_MORE_OOD : HIGHER_IS_MORE_ID;
  }
}
