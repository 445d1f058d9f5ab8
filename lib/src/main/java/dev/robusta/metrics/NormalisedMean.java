package dev.robusta.metrics;

import java.util.Locale;
import java.util.Map;

/**
 * A mean of per-perturbation ratios model / AlexNet: mFR (flip rates FR_p = FP_p / FP_p^AlexNet) or
 * mT5D (top-5 distances). The AlexNet normalisers are configuration (the author shared them in a
 * spreadsheet, hendrycks/robustness issue #49; they are in no reference code), recorded here as given.
 *
 * @param metric {@code "mFR"} or {@code "mT5D"}
 * @param value mean of {@code ratios} over the perturbations
 * @param ratios per perturbation, model / AlexNet
 * @param normalisers the AlexNet values used, per perturbation
 */
public record NormalisedMean(String metric, double value, Map<String, Double> ratios, Map<String, Double> normalisers) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %.5f over %d perturbations %s, normalised by the caller's AlexNet values %s",
        metric, value, ratios.size(), ratios.keySet(), normalisers);
  }
}
