package dev.robusta.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * AUROC, AUPR-In, AUPR-Out, FPR95 and detection error for an in-distribution and an OOD score set.
 *
 * <p>Definitions follow {@code hendrycks/outlier-exposure · utils/display_results.py::get_measures}
 * (AUROC and AUPR as scikit-learn's {@code roc_auc_score} and {@code average_precision_score}; FPR95
 * with the closest-recall rule), with the positive class and the threshold rule stated by an
 * {@link OodConvention} instead of the argument order (field survey §3.1-§3.3). Both score sets must
 * carry the same {@link Orientation}; the signs are aligned from it, so a score that points the other
 * way cannot invert AUROC silently.
 *
 * <p>Cost: two primitive sorts ({@code Arrays.parallelSort} on {@code double[]}) and one linear sweep,
 * no boxing. Ties between scores are handled as one threshold (all tied samples change side together).
 */
public final class OodDetection {
  private OodDetection() {}

  /**
   * Evaluates on the full sets.
   *
   * @param id scores of in-distribution samples, shape {@code [N_id]}, finite, N_id &gt;= 1
   * @param ood scores of OOD samples, shape {@code [N_ood]}, finite, N_ood &gt;= 1, same orientation as {@code id}
   * @param convention positive class and threshold rule for FPR95
   * @return the metrics with their convention
   * @throws IllegalArgumentException if a set is empty (the metrics are undefined with one class), holds
   *     non-finite values (the message says how many), or the orientations differ
   */
  public static OodDetectionResult evaluate(Scores id, Scores ood, OodConvention convention) {
    return evaluate(id, ood, convention, "full sets");
  }

  /**
   * Evaluates on the full sets and records how they were built, e.g. {@code "ImageNet-O (hendrycks):
   * 10,000 val images of the 200 ImageNet-O classes vs 2,000 ImageNet-O, logits masked to 200 classes"}
   * (field survey §3.4: such protocols give numbers that are not comparable with each other).
   *
   * @param protocol a description stored in the result and printed; never {@code null}
   * @throws IllegalArgumentException as {@link #evaluate(Scores, Scores, OodConvention)}
   */
  public static OodDetectionResult evaluate(Scores id, Scores ood, OodConvention convention, String protocol) {
    Objects.requireNonNull(protocol, "protocol description");
    check(id, ood, convention);
    double[] o = ood.towardsOod();
    double[] n = id.towardsOod();
    Arrays.parallelSort(o);
    Arrays.parallelSort(n);
    return fromSorted(id, ood, convention, o, n, protocol);
  }

  /**
   * Evaluates under the Outlier Exposure protocol ({@code hendrycks/outlier-exposure · CIFAR/test.py}):
   * each draw takes {@code max(1, N_id / 5)} OOD scores without replacement, and the metrics are
   * averaged over the draws.
   *
   * @param draws number of draws (OE uses 10), &gt;= 1
   * @param seed seed of the draws, recorded in the protocol
   * @throws IllegalArgumentException as {@link #evaluate}, or if {@code draws < 1}
   */
  public static OodDetectionResult evaluateOeProtocol(Scores id, Scores ood, OodConvention convention,
      int draws, long seed) {
    check(id, ood, convention);
    if (draws < 1) throw new IllegalArgumentException("draws must be >= 1, was " + draws);
    int m = Math.min(ood.size(), Math.max(1, id.size() / 5));
    double[] n = id.towardsOod();
    Arrays.parallelSort(n);
    double[] all = ood.towardsOod();
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] sum = new double[6];
    for (int d = 0; d < draws; d++) {
      double[] pool = all.clone();
      for (int k = 0; k < m; k++) { // partial Fisher-Yates: the first m entries are the draw
        int r = k + rnd.nextInt(pool.length - k);
        double t = pool[k];
        pool[k] = pool[r];
        pool[r] = t;
      }
      double[] o = Arrays.copyOf(pool, m);
      Arrays.parallelSort(o);
      OodDetectionResult one = fromSorted(id, ood, convention, o, n, "");
      sum[0] += one.auroc();
      sum[1] += one.auprIn();
      sum[2] += one.auprOut();
      sum[3] += one.fpr95();
      sum[4] += one.tprAtThreshold();
      sum[5] += one.detectionError();
    }
    String size = m == Math.max(1, id.size() / 5) ? "|ID|/5" : "|ID|/5 = " + Math.max(1, id.size() / 5) + " capped at |OOD|";
    String protocol = "Outlier Exposure subsampling: " + draws + " draws of " + m + " OOD scores (" + size + ") out of "
        + ood.size() + " without replacement, seed " + seed + ", metrics averaged over draws";
    return new OodDetectionResult(id.name(), id.orientation(), convention, id.size(), m, sum[0] / draws,
        sum[1] / draws, sum[2] / draws, sum[3] / draws, sum[4] / draws, Double.NaN, sum[5] / draws, protocol);
  }

  /** @param o OOD scores towards OOD, sorted; @param n ID scores towards OOD, sorted */
  private static OodDetectionResult fromSorted(Scores id, Scores ood, OodConvention convention,
      double[] o, double[] n, String protocol) {
    BinaryCurves out = BinaryCurves.of(o, n);
    BinaryCurves in = BinaryCurves.of(negateReverse(n), negateReverse(o));
    BinaryCurves chosen = convention.positive() == PositiveClass.OOD ? out : in;
    boolean closest = convention.rule() == ThresholdRule.CLOSEST_RECALL;
    double fpr = closest ? chosen.fprClosest : chosen.fprFirst;
    double tpr = closest ? chosen.recallClosest : chosen.recallFirst;
    double thr = closest ? chosen.thresholdClosest : chosen.thresholdFirst;
    // back to the score's own units: thr lives in "larger = more positive" space
    boolean positiveIsOod = convention.positive() == PositiveClass.OOD;
    boolean scoreTowardsOod = id.orientation() == Orientation.HIGHER_IS_MORE_OOD;
    if (positiveIsOod != scoreTowardsOod) thr = -thr;
    return new OodDetectionResult(id.name(), id.orientation(), convention, n.length, o.length, out.auroc,
        in.averagePrecision, out.averagePrecision, fpr, tpr, thr, out.detectionError, protocol);
  }

  private static double[] negateReverse(double[] a) {
    double[] r = new double[a.length];
    for (int k = 0, m = a.length - 1; k < a.length; k++) r[k] = -a[m - k];
    return r;
  }

  static void check(Scores id, Scores ood, OodConvention convention) {
    Objects.requireNonNull(id, "id scores");
    Objects.requireNonNull(ood, "ood scores");
    Objects.requireNonNull(convention, "convention (e.g. OodConvention.HENDRYCKS)");
    if (id.orientation() != ood.orientation()) {
      throw new IllegalArgumentException("ID scores are " + id.orientation() + " but OOD scores are "
          + ood.orientation() + "; compute both sets with the same scorer (or negate one with Scores.negated())");
    }
    if (id.size() == 0 || ood.size() == 0) {
      throw new IllegalArgumentException("OOD metrics are undefined with one class only: " + id.size()
          + " ID and " + ood.size() + " OOD scores; both sets need at least one sample");
    }
    requireFinite(id.values(), "ID");
    requireFinite(ood.values(), "OOD");
  }

  static void requireFinite(double[] v, String what) {
    int bad = 0;
    for (double x : v) if (!Double.isFinite(x)) bad++;
    if (bad > 0) {
      throw new IllegalArgumentException(bad + " of " + v.length + " " + what
          + " scores are not finite (NaN or infinite); fix the scorer (e.g. a stable log-sum-exp) or drop"
          + " those samples explicitly before computing OOD metrics");
    }
  }
}
