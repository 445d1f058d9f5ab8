package dev.robusta.metrics;

import java.util.Arrays;

/**
 * The ROC and precision-recall operating points of an ID-vs-OOD split, one per distinct threshold,
 * from the strictest threshold down (the point (0, 0) first). Areas and FPR95 come from
 * {@link OodDetection#evaluate}; these are the points to draw.
 *
 * @param score the scorer's name
 * @param positive which side counts as positive (TPR = recall of that side)
 * @param fpr false-positive rate at each point, in [0, 1], non-decreasing, shape {@code [P]}
 * @param tpr true-positive rate (recall) at each point, in [0, 1], non-decreasing, shape {@code [P]}
 * @param precision precision at each point ({@code NaN} at the first point, where nothing is predicted
 *     positive), shape {@code [P]}
 * @param threshold the threshold of each point in the score's own units ({@code +/-Infinity} at the first)
 */
public record OperatingPoints(String score, PositiveClass positive, double[] fpr, double[] tpr, double[] precision,
    double[] threshold) {

  /**
   * @param id ID scores; @param ood OOD scores, same orientation
   * @param positive the positive side
   * @throws IllegalArgumentException as {@link OodDetection#evaluate(Scores, Scores, OodConvention)}
   */
  public static OperatingPoints of(Scores id, Scores ood, PositiveClass positive) {
    OodDetection.check(id, ood, new OodConvention(positive, ThresholdRule.FIRST_TPR_AT_LEAST));
    boolean posIsOod = positive == PositiveClass.OOD;
    // "towards positive" values, sorted descending by walking ascending arrays from the end
    double[] pos = posIsOod ? ood.towardsOod() : negate(id.towardsOod());
    double[] neg = posIsOod ? id.towardsOod() : negate(ood.towardsOod());
    Arrays.sort(pos);
    Arrays.sort(neg);
    int n = pos.length + neg.length + 1;
    double[] f = new double[n];
    double[] t = new double[n];
    double[] p = new double[n];
    double[] thr = new double[n];
    boolean scoreTowardsOod = id.orientation() == Orientation.HIGHER_IS_MORE_OOD;
    double sign = posIsOod == scoreTowardsOod ? 1 : -1;
    p[0] = Double.NaN;
    thr[0] = sign * Double.POSITIVE_INFINITY;
    int i = pos.length - 1;
    int j = neg.length - 1;
    long tp = 0;
    long fp = 0;
    int k = 1;
    while (i >= 0 || j >= 0) {
      double v = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
      while (i >= 0 && pos[i] == v) {
        tp++;
        i--;
      }
      while (j >= 0 && neg[j] == v) {
        fp++;
        j--;
      }
      f[k] = fp / (double) neg.length;
      t[k] = tp / (double) pos.length;
      p[k] = tp / (double) (tp + fp);
      thr[k] = sign * v;
      k++;
    }
    return new OperatingPoints(id.name(), positive, Arrays.copyOf(f, k), Arrays.copyOf(t, k), Arrays.copyOf(p, k),
        Arrays.copyOf(thr, k));
  }

  private static double[] negate(double[] a) {
    double[] r = new double[a.length];
    for (int q = 0; q < a.length; q++) r[q] = -a[q];
    return r;
  }

  @Override
  public String toString() {
    return "OperatingPoints[" + score + ", positive=" + positive + ", " + fpr.length + " points]";
  }
}
