package dev.robusta.metrics;

import java.util.Objects;

/**
 * Calibration metrics on (confidence, correct) pairs and on logits.
 *
 * <p>Confidences are the predicted probability of the predicted class (e.g. the max softmax), shape
 * {@code [N]}, each in [0, 1]; {@code correct[i]} says whether sample i's prediction was right.
 * Results are fractions (not percent).
 *
 * <ul>
 *   <li>{@link #rms}, {@link #mad}, {@link #maxAdaptive}: hendrycks' {@code calib_err} with p = '2', '1',
 *       'infty' ({@code hendrycks/natural-adv-examples · calibration_tools.py}) on {@link AdaptiveBinning}
 *       bins; by default every bin counts, {@link AdaptiveBinning#LEGACY} reproduces the reference's
 *       dropped last bin.
 *   <li>{@link #ece}, {@link #mce}, {@link #reliability}: equal-width bins (15 by default, as OpenOOD
 *       and robustness_metrics), closed on the right: bin i holds {@code i/B < c <= (i+1)/B}, with 0.0 in
 *       the first bin and 1.0 in the last (the same assignment as scikit-learn's {@code calibration_curve}).
 *   <li>{@link #nll}, {@link #brier}: from logits {@code [N, C]} and labels.
 * </ul>
 */
public final class Calibration {
  /** Default number of equal-width bins for ECE / MCE. */
  public static final int DEFAULT_BINS = 15;

  private Calibration() {}

  /** RMS calibration error (sqrt of the bin-weighted mean squared gap) with the default adaptive bins. */
  public static CalibrationError rms(double[] confidence, boolean[] correct) {
    return rms(confidence, correct, AdaptiveBinning.DEFAULT);
  }

  /**
   * RMS calibration error, {@code calib_err(p='2')}: sqrt(sum_b n_b/n (mean conf_b - acc_b)^2).
   *
   * @throws IllegalArgumentException if lengths differ, a confidence is outside [0, 1] or not finite, or
   *     there are fewer samples than one bin (the reference raises IndexError there)
   */
  public static CalibrationError rms(double[] confidence, boolean[] correct, AdaptiveBinning binning) {
    return adaptive(confidence, correct, binning, 2);
  }

  /** Mean absolute calibration error ("adaptive-bin ECE", {@code calib_err(p='1')}) with the default bins. */
  public static CalibrationError mad(double[] confidence, boolean[] correct) {
    return mad(confidence, correct, AdaptiveBinning.DEFAULT);
  }

  /** Mean absolute calibration error, {@code calib_err(p='1')}: sum_b n_b/n |mean conf_b - acc_b|. */
  public static CalibrationError mad(double[] confidence, boolean[] correct, AdaptiveBinning binning) {
    return adaptive(confidence, correct, binning, 1);
  }

  /** Largest bin gap on adaptive bins, {@code calib_err(p='infty')}. */
  public static CalibrationError maxAdaptive(double[] confidence, boolean[] correct, AdaptiveBinning binning) {
    return adaptive(confidence, correct, binning, 0);
  }

  /** Expected calibration error on 15 equal-width bins. */
  public static CalibrationError ece(double[] confidence, boolean[] correct) {
    return ece(confidence, correct, DEFAULT_BINS);
  }

  /** Expected calibration error on {@code bins} equal-width bins: sum_b n_b/n |acc_b - conf_b|. */
  public static CalibrationError ece(double[] confidence, boolean[] correct, int bins) {
    ReliabilityDiagram d = reliability(confidence, correct, bins);
    return new CalibrationError("ECE", d.ece(), equalWidth(bins), d.n(), bins);
  }

  /** Maximum calibration error on 15 equal-width bins. */
  public static CalibrationError mce(double[] confidence, boolean[] correct) {
    return mce(confidence, correct, DEFAULT_BINS);
  }

  /** Maximum calibration error: max over non-empty equal-width bins of |acc_b - conf_b|. */
  public static CalibrationError mce(double[] confidence, boolean[] correct, int bins) {
    ReliabilityDiagram d = reliability(confidence, correct, bins);
    return new CalibrationError("MCE", d.mce(), equalWidth(bins), d.n(), bins);
  }

  /**
   * Reliability-diagram data on {@code bins} equal-width bins; one pass, no sort.
   *
   * @throws IllegalArgumentException on bad lengths, confidences outside [0, 1], N = 0 or bins &lt; 1
   */
  public static ReliabilityDiagram reliability(double[] confidence, boolean[] correct, int bins) {
    check(confidence, correct);
    if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, was " + bins);
    double step = 1.0 / bins; // edges as numpy.linspace(0, 1, bins + 1): i * step, last exactly 1.0
    double[] edge = new double[bins + 1];
    for (int i = 0; i <= bins; i++) edge[i] = i * step;
    edge[bins] = 1.0;
    long[] count = new long[bins];
    double[] sumConf = new double[bins];
    long[] sumCorrect = new long[bins];
    for (int i = 0; i < confidence.length; i++) {
      double c = confidence[i];
      int k = Math.min((int) (c * bins), bins - 1);
      while (k > 0 && c <= edge[k]) k--;
      while (k < bins - 1 && c > edge[k + 1]) k++;
      count[k]++;
      sumConf[k] += c;
      if (correct[i]) sumCorrect[k]++;
    }
    int n = confidence.length;
    double[] lower = new double[bins];
    double[] upper = new double[bins];
    double[] meanConf = new double[bins];
    double[] acc = new double[bins];
    double ece = 0;
    double mce = 0;
    for (int k = 0; k < bins; k++) {
      lower[k] = edge[k];
      upper[k] = edge[k + 1];
      if (count[k] == 0) {
        meanConf[k] = Double.NaN;
        acc[k] = Double.NaN;
        continue;
      }
      meanConf[k] = sumConf[k] / count[k];
      acc[k] = sumCorrect[k] / (double) count[k];
      double gap = Math.abs(acc[k] - meanConf[k]);
      ece += count[k] / (double) n * gap;
      mce = Math.max(mce, gap);
    }
    return new ReliabilityDiagram(lower, upper, count, meanConf, acc, ece, mce, n);
  }

  /**
   * Negative log-likelihood, mean over samples of -log softmax(z_i)[y_i], in nats (stable log-sum-exp).
   *
   * @param logits shape {@code [N, C]}, finite
   * @param labels shape {@code [N]}, each in [0, C)
   */
  public static double nll(double[][] logits, int[] labels) {
    checkLabels(logits, labels);
    double s = 0;
    for (int i = 0; i < logits.length; i++) s += Softmax.logSumExp(logits[i]) - logits[i][labels[i]];
    return s / logits.length;
  }

  /**
   * Multi-class Brier score (Brier 1950): mean over samples of sum_k (p_k - 1[k = y])^2, in [0, 2].
   *
   * @param logits shape {@code [N, C]}, finite
   * @param labels shape {@code [N]}, each in [0, C)
   */
  public static double brier(double[][] logits, int[] labels) {
    checkLabels(logits, labels);
    double s = 0;
    for (int i = 0; i < logits.length; i++) {
      double[] p = Softmax.probabilities(logits[i]);
      for (int k = 0; k < p.length; k++) {
        double d = p[k] - (k == labels[i] ? 1 : 0);
        s += d * d;
      }
    }
    return s / logits.length;
  }

  /**
   * hendrycks' soft F1 of the error detector ({@code calibration_tools.py::soft_f1}):
   * 2 sum((1 - conf) wrong) / sum(1 - conf + wrong); {@code NaN} when every sample is right with confidence 1.
   */
  public static double softF1(double[] confidence, boolean[] correct) {
    check(confidence, correct);
    double num = 0;
    double den = 0;
    for (int i = 0; i < confidence.length; i++) {
      double wrong = correct[i] ? 0 : 1;
      num += (1 - confidence[i]) * wrong;
      den += 1 - confidence[i] + wrong;
    }
    return 2 * num / den;
  }

  private static CalibrationError adaptive(double[] confidence, boolean[] correct, AdaptiveBinning binning, int p) {
    check(confidence, correct);
    Objects.requireNonNull(binning, "binning (AdaptiveBinning.DEFAULT or .LEGACY)");
    int n = confidence.length;
    int bs = binning.binSize();
    int nb = n / bs;
    if (nb == 0) {
      throw new IllegalArgumentException("adaptive calibration error needs at least one full bin: " + n
          + " samples < bin size " + bs + " (the reference raises IndexError); use ece(...) or a smaller bin size");
    }
    int[] order = Sorting.argsortStable(confidence);
    int used = binning.legacy() ? nb - 1 : nb;
    double err = 0;
    for (int b = 0; b < used; b++) {
      int from = b * bs;
      int to = b == nb - 1 ? n : from + bs;
      double sc = 0;
      double sk = 0;
      for (int t = from; t < to; t++) {
        sc += confidence[order[t]];
        if (correct[order[t]]) sk++;
      }
      int cnt = to - from;
      double diff = Math.abs(sc / cnt - sk / cnt);
      if (p == 2) err += cnt / (double) n * (diff * diff);
      else if (p == 1) err += cnt / (double) n * diff;
      else err = Math.max(err, diff);
    }
    if (p == 2) err = Math.sqrt(err);
    String name = p == 2 ? "RMS calibration error" : p == 1 ? "MAD calibration error (adaptive ECE)" : "max calibration error (adaptive bins)";
    return new CalibrationError(name, err, binning.toString(), n, nb);
  }

  private static String equalWidth(int bins) {
    return bins + " equal-width bins (lo, hi], 0.0 in the first, 1.0 in the last";
  }

  static void check(double[] confidence, boolean[] correct) {
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(correct, "correct");
    if (confidence.length != correct.length) {
      throw new IllegalArgumentException("confidence has " + confidence.length + " entries but correct has "
          + correct.length + "; both are one entry per sample");
    }
    if (confidence.length == 0) throw new IllegalArgumentException("no samples: calibration needs N >= 1");
    int bad = 0;
    for (double c : confidence) if (!(c >= 0 && c <= 1)) bad++;
    if (bad > 0) {
      throw new IllegalArgumentException(bad + " of " + confidence.length + " confidences are outside [0, 1] or NaN;"
          + " pass probabilities (e.g. the max softmax), not logits or percentages");
    }
  }

  static void checkLabels(double[][] logits, int[] labels) {
    Softmax.checkLogits(logits);
    if (labels.length != logits.length) {
      throw new IllegalArgumentException("logits have " + logits.length + " rows but there are " + labels.length + " labels");
    }
    int c = logits[0].length;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= c) {
        throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside [0, " + c + ")");
      }
    }
  }
}
