package dev.robusta.metrics;

import java.util.Locale;
import java.util.Map;

/**
 * Corruption-robustness summary of one model (fractions, not percent: mCE 0.767 is the paper's 76.7).
 *
 * @param model the model
 * @param set the corruptions averaged over
 * @param mce mean over {@code set} of CE_c = sum_s E_{c,s} / sum_s E^AlexNet_{c,s}
 * @param relativeMce mean over {@code set} of relative CE_c = sum_s (E_{c,s} - E_clean) /
 *     sum_s (E^AlexNet_{c,s} - E^AlexNet_clean); {@code NaN} when the clean error is unknown
 * @param ce CE per corruption of {@code set}
 * @param relativeCe relative CE per corruption of {@code set} (empty when the clean error is unknown)
 * @param alexnetCleanError AlexNet's clean error used for relative CE
 */
public record CorruptionResult(String model, CorruptionSet set, double mce, double relativeMce,
    Map<String, Double> ce, Map<String, Double> relativeCe, double alexnetCleanError) {

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ImageNet-C [%s]: mCE %.4f, relative mCE %.4f over %s (%d corruptions); "
        + "normalised by AlexNet's per-corruption errors (hendrycks/robustness table = augmix ALEXNET_ERR), "
        + "AlexNet clean error %.5f", model, mce, relativeMce, set, set.names().size(), alexnetCleanError);
  }
}
