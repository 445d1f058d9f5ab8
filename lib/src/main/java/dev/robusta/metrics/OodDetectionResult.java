package dev.robusta.metrics;

import java.util.Locale;

/**
 * OOD-detection metrics for one score on one (ID, OOD) pair, with the convention and protocol they
 * were computed under. All values are fractions in [0, 1] (not percent).
 *
 * @param score the score's name (e.g. {@code "MSP"})
 * @param orientation the score's declared orientation, used to align signs
 * @param convention positive class and threshold rule of {@link #fpr95}
 * @param nId number of in-distribution samples (per draw when subsampled)
 * @param nOod number of OOD samples (per draw when subsampled)
 * @param auroc area under the ROC curve: probability that a random OOD sample looks more OOD than a
 *     random ID sample, ties counting one half (scikit-learn {@code roc_auc_score}); the same under
 *     either positive class
 * @param auprIn average precision with ID as positive and "more ID" as the ranking (scikit-learn
 *     {@code average_precision_score}: step-wise, no interpolation)
 * @param auprOut average precision with OOD as positive (hendrycks' single "AUPR")
 * @param fpr95 false-positive rate at 95% true-positive rate of {@code convention.positive()}, picked
 *     by {@code convention.rule()}; FPR = negatives at or above the threshold / all negatives
 * @param tprAtThreshold the true-positive rate actually reached at the chosen threshold (the
 *     closest-recall rule can stop below 0.95)
 * @param threshold the chosen threshold, in the score's own units and orientation (a sample is
 *     called positive at or beyond it); {@code NaN} when averaged over draws
 * @param detectionError min over thresholds of 0.5 (1 - TPR) + 0.5 FPR (ODIN's definition; not in
 *     the hendrycks code); symmetric in the positive class
 * @param protocol how the sets were drawn: full sets, or the Outlier Exposure subsampling with its
 *     draw size, number of draws and seed
 */
public record OodDetectionResult(
    String score,
    Orientation orientation,
    OodConvention convention,
    int nId,
    int nOod,
    double auroc,
    double auprIn,
    double auprOut,
    double fpr95,
    double tprAtThreshold,
    double threshold,
    double detectionError,
    String protocol) {

  /** @return the ID:OOD ratio of the evaluated sets (e.g. 5.0 under the OE protocol), which AUPR depends on */
  public double idToOodRatio() {
    return nId / (double) nOod;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "OOD detection [%s, %s]%n  AUROC %.5f  AUPR-In %.5f  AUPR-Out %.5f  FPR95 %.5f (TPR reached %.5f)  "
            + "detection error %.5f%n  convention: %s%n  sets: ID %d vs OOD %d (ratio %.3g:1); protocol: %s",
        score, orientation, auroc, auprIn, auprOut, fpr95, tprAtThreshold, detectionError, convention,
        nId, nOod, idToOodRatio(), protocol);
  }
}
