package dev.robusta.metrics;

import java.util.Objects;

/** Top-1 / top-5 accuracy, per-class and balanced accuracy under a {@link LabelSpace}. */
public final class Classification {
  private Classification() {}

  /**
   * @param logits shape {@code [N, C]}, finite
   * @param labels shape {@code [N]}, in the label space's numbering
   * @param space full, subset masking or map-any-of
   * @param level confidence level of the Clopper-Pearson interval on top-1 (e.g. 0.95)
   * @throws IllegalArgumentException on shape mismatch, a label outside the space, or non-finite logits
   */
  public static AccuracyResult accuracy(double[][] logits, int[] labels, LabelSpace space, double level) {
    Softmax.checkLogits(logits);
    Objects.requireNonNull(space, "label space (LabelSpace.full(), .subset(...), .anyOf(...))");
    if (labels.length != logits.length) {
      throw new IllegalArgumentException("logits have " + logits.length + " rows but there are " + labels.length + " labels");
    }
    int c = logits[0].length;
    int numLabels = space.numLabels() < 0 ? c : space.numLabels();
    long[] perN = new long[numLabels];
    long[] perHit = new long[numLabels];
    long top1 = 0;
    long top5 = 0;
    for (int i = 0; i < logits.length; i++) {
      space.checkLabel(labels[i], c, i);
      int r = space.hitRank(logits[i], labels[i]);
      perN[labels[i]]++;
      if (r == 0) {
        top1++;
        perHit[labels[i]]++;
      }
      if (r < 5) top5++;
    }
    double[] per = new double[numLabels];
    double sum = 0;
    int present = 0;
    for (int j = 0; j < numLabels; j++) {
      per[j] = perN[j] == 0 ? Double.NaN : perHit[j] / (double) perN[j];
      if (perN[j] > 0) {
        sum += per[j];
        present++;
      }
    }
    return new AccuracyResult(space.toString(), logits.length, top1, top5,
        ClopperPearson.interval(top1, logits.length, level), per, sum / present);
  }

  /** Accuracy with a 95% Clopper-Pearson interval. */
  public static AccuracyResult accuracy(double[][] logits, int[] labels, LabelSpace space) {
    return accuracy(logits, labels, space, 0.95);
  }

  /**
   * @return the predicted label of each row under {@code space}, shape {@code [N]} (positions for
   *     subset masking, model indices otherwise)
   */
  public static int[] predict(double[][] logits, LabelSpace space) {
    Softmax.checkLogits(logits);
    int[] p = new int[logits.length];
    for (int i = 0; i < p.length; i++) p[i] = space.predict(logits[i]);
    return p;
  }
}
