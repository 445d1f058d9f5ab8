package dev.robusta.metrics;

import java.util.Locale;

/**
 * Top-1 / top-5 accuracy of one model on one labelled set, with the label space it was computed in.
 * Fractions in [0, 1] (not percent); errors are 1 - accuracy.
 *
 * @param labelSpace the policy (full, subset masking, map-any-of), printed
 * @param n number of samples
 * @param top1Correct samples whose top-1 prediction is a hit
 * @param top5Correct samples with a hit among the top 5 (top min(5, C) when fewer classes)
 * @param top1Interval Clopper-Pearson interval of top-1 accuracy at {@code top1Interval.level()}
 * @param perClassAccuracy top-1 accuracy per label, shape {@code [L]}; {@code NaN} for a label with no samples
 * @param balancedAccuracy mean of the per-class accuracies over labels that have samples
 */
public record AccuracyResult(
    String labelSpace, int n, long top1Correct, long top5Correct, Interval top1Interval,
    double[] perClassAccuracy, double balancedAccuracy) {

  /** @return top-1 accuracy */
  public double top1() {
    return top1Correct / (double) n;
  }

  /** @return top-5 accuracy */
  public double top5() {
    return top5Correct / (double) n;
  }

  /** @return top-1 error = 1 - top-1 accuracy */
  public double top1Error() {
    return 1 - top1();
  }

  /** @return top-5 error = 1 - top-5 accuracy */
  public double top5Error() {
    return 1 - top5();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Accuracy [%s]: top-1 %.5f %s, top-5 %.5f, balanced %.5f, n=%d",
        labelSpace, top1(), top1Interval, top5(), balancedAccuracy, n);
  }
}
