package dev.robusta.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The axis transform of effective-robustness fits ({@code modestyachts/imagenet-testbed ·
 * plotting/plotter.py::transform_acc}); accuracies are in percent, as in the testbed table.
 */
public enum AccuracyTransform {
  /** No transform. */
  LINEAR,
  /** log(a / (1 - a)) with a = acc / 100: the testbed's default. */
  LOGIT,
  /** Phi^-1(acc / 100) ("accuracy on the line", Miller et al. 2021). */
  PROBIT;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1, 1e-15);

  /** @param accPercent accuracy in percent, strictly inside (0, 100) for LOGIT / PROBIT */
  public double apply(double accPercent) {
    double a = accPercent / 100.0;
    return switch (this) {
      case LINEAR -> accPercent;
      case LOGIT -> Math.log(a / (1.0 - a));
      case PROBIT -> NORMAL.inverseCumulativeProbability(a);
    };
  }

  /** @return the accuracy in percent whose transform is {@code t} */
  public double inverse(double t) {
    return switch (this) {
      case LINEAR -> t;
      case LOGIT -> Math.exp(t) / (1 + Math.exp(t)) * 100;
      case PROBIT -> NORMAL.cumulativeProbability(t) * 100.0;
    };
  }
}
