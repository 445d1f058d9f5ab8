package dev.robusta.ood;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import java.util.Arrays;
import java.util.Locale;

/**
 * Probability score interpreter, PSI (Matuszewski &amp; Sintorn, "Interpreting deep learning output for
 * out-of-distribution detection", 2022, arXiv:2211.03637). For every output node k, two empirical
 * distributions of the raw logit z_k are fitted on training data: "correct" (samples whose label is k)
 * and "wrong" (all other samples). A new sample is read node by node against them.
 *
 * <p>The paper describes the idea but ships no reference code in the oracle set, so the rule below is
 * Robusta's explicit reading of it, with the tail level {@code alpha} as its one parameter:
 * <ul>
 *   <li>node k is <em>plausible</em> when z_k is not in the lower alpha-tail of its correct distribution,
 *       F_correct,k(z_k) &gt;= alpha;
 *   <li>node k is <em>distinct</em> when z_k is beyond the upper alpha-tail of its wrong distribution,
 *       1 - F_wrong,k(z_k) &lt; alpha;
 *   <li>{@link Decision#IN_CLASS} k when exactly one node is plausible and distinct and no other node is
 *       plausible-and-distinct; {@link Decision#OUTLIER} when no node is plausible; otherwise
 *       {@link Decision#UNCERTAIN}.
 * </ul>
 * The continuous score max_k min(F_correct,k(z_k), F_wrong,k(z_k)) in [0, 1] ({@link Orientation#HIGHER_IS_MORE_ID})
 * ranks samples for AUROC. F(v) is the fraction of training values &lt;= v.
 */
public final class Psi {
  /** How PSI reads one sample. */
  public enum Decision {
    /** exactly one class's node is typical of that class and atypical of the others */
    IN_CLASS,
    /** some node is plausible, but none or several are distinct */
    UNCERTAIN,
    /** no node's value is plausible for its own class */
    OUTLIER
  }

  /**
   * Per-sample output.
   *
   * @param decision the reading per sample, shape {@code [N]}
   * @param predictedClass the class for {@code IN_CLASS}, -1 otherwise, shape {@code [N]}
   * @param scores the continuous PSI score
   * @param alpha the tail level used
   */
  public record Result(Decision[] decision, int[] predictedClass, Scores scores, double alpha) {
    /** @return how many samples got {@code d} */
    public long count(Decision d) {
      return Arrays.stream(decision).filter(x -> x == d).count();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "PSI (alpha %.3f): %d in-class, %d uncertain, %d outliers of %d",
          alpha, count(Decision.IN_CLASS), count(Decision.UNCERTAIN), count(Decision.OUTLIER), decision.length);
    }
  }

  private final double[][] correct; // [C][*] sorted
  private final double[][] wrong; // [C][*] sorted
  private final double alpha;

  private Psi(double[][] correct, double[][] wrong, double alpha) {
    this.correct = correct;
    this.wrong = wrong;
    this.alpha = alpha;
  }

  /**
   * @param trainLogits logits of training samples, shape {@code [N, C]}
   * @param labels their labels in [0, C), shape {@code [N]}; every class must occur
   * @param alpha tail level in (0, 0.5), e.g. 0.05
   */
  public static Psi fit(double[][] trainLogits, int[] labels, double alpha) {
    int c = Features.check(trainLogits, "training logits");
    if (labels.length != trainLogits.length) throw new IllegalArgumentException(trainLogits.length + " logit rows but " + labels.length + " labels");
    if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha must be in (0, 0.5), was " + alpha);
    int[] count = new int[c];
    for (int y : labels) {
      if (y < 0 || y >= c) throw new IllegalArgumentException("label " + y + " outside [0, " + c + ")");
      count[y]++;
    }
    double[][] cor = new double[c][];
    double[][] wr = new double[c][];
    for (int k = 0; k < c; k++) {
      if (count[k] == 0 || count[k] == labels.length) {
        throw new IllegalArgumentException("class " + k + " needs both own-class and other-class training samples");
      }
      cor[k] = new double[count[k]];
      wr[k] = new double[labels.length - count[k]];
    }
    int[] ci = new int[c];
    int[] wi = new int[c];
    for (int i = 0; i < labels.length; i++) {
      for (int k = 0; k < c; k++) {
        if (labels[i] == k) cor[k][ci[k]++] = trainLogits[i][k];
        else wr[k][wi[k]++] = trainLogits[i][k];
      }
    }
    for (int k = 0; k < c; k++) {
      Arrays.sort(cor[k]);
      Arrays.sort(wr[k]);
    }
    return new Psi(cor, wr, alpha);
  }

  /** @return the readings and scores for logits {@code [N, C]} */
  public Result interpret(double[][] logits) {
    int c = Features.check(logits, "logits");
    if (c != correct.length) throw new IllegalArgumentException("logits have " + c + " classes, PSI was fitted on " + correct.length);
    Decision[] dec = new Decision[logits.length];
    int[] cls = new int[logits.length];
    double[] s = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      int plausible = 0;
      int accepted = 0;
      int which = -1;
      double best = 0;
      for (int k = 0; k < c; k++) {
        double fc = cdf(correct[k], logits[i][k]);
        double fw = cdf(wrong[k], logits[i][k]);
        best = Math.max(best, Math.min(fc, fw));
        boolean isPlausible = fc >= alpha;
        if (isPlausible) plausible++;
        if (isPlausible && 1 - fw < alpha) {
          accepted++;
          which = k;
        }
      }
      s[i] = best;
      if (plausible == 0) dec[i] = Decision.OUTLIER;
      else if (accepted == 1) dec[i] = Decision.IN_CLASS;
      else dec[i] = Decision.UNCERTAIN;
      cls[i] = dec[i] == Decision.IN_CLASS ? which : -1;
    }
    return new Result(dec, cls, new Scores(String.format(Locale.ROOT, "PSI(alpha=%s)", alpha), s, Orientation.HIGHER_IS_MORE_ID), alpha);
  }

  /** @return fraction of {@code sorted} values &lt;= v */
  static double cdf(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo / (double) sorted.length;
  }
}
