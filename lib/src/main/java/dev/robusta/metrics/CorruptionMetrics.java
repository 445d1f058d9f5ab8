package dev.robusta.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corruption errors, CE / mCE / relative mCE normalised by AlexNet (Hendrycks &amp; Dietterich, ICLR
 * 2019), and the plain mean error used for CIFAR-10/100-C, which has no AlexNet normaliser
 * (hendrycks/robustness issue #28). Field survey §3.7.
 */
public final class CorruptionMetrics {
  private CorruptionMetrics() {}

  /** mCE and relative mCE over the 15 benchmark corruptions with AlexNet clean error {@value AlexNetImageNetC#DEFAULT_CLEAN_ERROR}. */
  public static CorruptionResult mce(CorruptionErrors model) {
    return mce(model, CorruptionSet.BENCHMARK_15, AlexNetImageNetC.DEFAULT_CLEAN_ERROR);
  }

  /**
   * @param model the model's errors; must contain every corruption of {@code set} with 5 severities
   * @param set {@link CorruptionSet#BENCHMARK_15} for mCE; {@link CorruptionSet#INCLUDING_EXTRA_19} only
   *     when the 19-corruption average is wanted by name
   * @param alexnetCleanError AlexNet's clean error for relative CE, in (0, 1)
   * @throws IllegalArgumentException naming the missing corruptions, or a severity count other than 5
   */
  public static CorruptionResult mce(CorruptionErrors model, CorruptionSet set, double alexnetCleanError) {
    requireAll(model, set);
    Map<String, Double> ce = new LinkedHashMap<>();
    Map<String, Double> rel = new LinkedHashMap<>();
    boolean haveClean = !Double.isNaN(model.cleanError());
    double sumCe = 0;
    double sumRel = 0;
    for (String c : set.names()) {
      double[] e = model.errors(c);
      double[] a = AlexNetImageNetC.errors(c);
      if (e.length != a.length) {
        throw new IllegalArgumentException(model.model() + ": " + c + " has " + e.length + " severities; ImageNet-C has " + a.length);
      }
      double se = 0;
      double sa = 0;
      double re = 0;
      double ra = 0;
      for (int s = 0; s < e.length; s++) {
        se += e[s];
        sa += a[s];
        re += e[s] - model.cleanError();
        ra += a[s] - alexnetCleanError;
      }
      ce.put(c, se / sa);
      sumCe += se / sa;
      if (haveClean) {
        rel.put(c, re / ra);
        sumRel += re / ra;
      }
    }
    int k = set.names().size();
    return new CorruptionResult(model.model(), set, sumCe / k, haveClean ? sumRel / k : Double.NaN,
        Collections.unmodifiableMap(ce), Collections.unmodifiableMap(rel), alexnetCleanError);
  }

  /**
   * Plain (unnormalised) mean error over the corruptions of {@code set} and all their severities: the
   * CIFAR-10/100-C summary, and what {@code ImageNet-C/test.py} prints over 19 corruptions. It is not mCE
   * and is labelled as such.
   *
   * @return the mean error in [0, 1] with its label
   */
  public static MeanCorruptionError meanError(CorruptionErrors model, CorruptionSet set) {
    requireAll(model, set);
    double sum = 0;
    int count = 0;
    for (String c : set.names()) {
      for (double e : model.errors(c)) {
        sum += e;
        count++;
      }
    }
    return new MeanCorruptionError(model.model(), set, sum / count, count);
  }

  /**
   * The unnormalised mean error with its label.
   *
   * @param model the model
   * @param set corruptions averaged
   * @param value mean top-1 error over every (corruption, severity) of {@code set}
   * @param cells number of (corruption, severity) cells averaged
   */
  public record MeanCorruptionError(String model, CorruptionSet set, double value, int cells) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "mean corruption error (unnormalised, NOT mCE; the CIFAR-C convention) "
          + "[%s]: %.4f over %s (%d cells)", model, value, set, cells);
    }
  }

  private static void requireAll(CorruptionErrors model, CorruptionSet set) {
    List<String> missing = new ArrayList<>();
    for (String c : set.names()) if (!model.bySeverity().containsKey(c)) missing.add(c);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(model.model() + " lacks " + missing.size() + " of the " + set.names().size()
          + " corruptions of " + set + ": " + missing + "; mCE is only defined over the complete set");
    }
  }
}
