package dev.robusta.ood;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;
import java.util.Locale;

/**
 * KL matching (Hendrycks et al., "Scaling Out-of-Distribution Detection for Real-World Settings",
 * ICML 2022): class templates d_k are the mean softmax of held-out (validation) samples whose
 * <em>predicted</em> class is k; a test sample's score is min_k KL(p || d_k) in nats (the paper's
 * definition) or KL(p || d_argmax p) (what several toolkits implement), selected by {@link Variant}.
 * Larger = more OOD. A class never predicted on the held-out set has no template and is skipped.
 */
public final class KlMatching {
  /** Which templates a test sample is matched against. */
  public enum Variant {
    /** min over every class template (the paper). */
    MIN_OVER_CLASSES,
    /** the template of the sample's own predicted class. */
    PREDICTED_CLASS
  }

  private final double[][] templates; // [C][C], null rows for classes without held-out predictions
  private final int heldOut;

  private KlMatching(double[][] templates, int heldOut) {
    this.templates = templates;
    this.heldOut = heldOut;
  }

  /**
   * @param heldOutLogits validation logits, shape {@code [N, C]}, never the test set
   * @return the fitted templates
   */
  public static KlMatching fit(double[][] heldOutLogits) {
    Softmax.checkLogits(heldOutLogits);
    int c = heldOutLogits[0].length;
    double[][] sum = new double[c][];
    int[] count = new int[c];
    for (double[] row : heldOutLogits) {
      if (row.length != c) throw new IllegalArgumentException("ragged logits: expected " + c + " classes per row");
      double[] p = Softmax.probabilities(row);
      int k = Softmax.argmax(row);
      if (sum[k] == null) sum[k] = new double[c];
      for (int j = 0; j < c; j++) sum[k][j] += p[j];
      count[k]++;
    }
    for (int k = 0; k < c; k++) if (sum[k] != null) for (int j = 0; j < c; j++) sum[k][j] /= count[k];
    return new KlMatching(sum, heldOutLogits.length);
  }

  /** @return the template of class k, shape {@code [C]} (a copy), or {@code null} when k was never predicted */
  public double[] template(int k) {
    return templates[k] == null ? null : templates[k].clone();
  }

  /**
   * @param logits test logits, shape {@code [N, C]} with the fitted C
   * @return KL divergences in nats, {@link Orientation#HIGHER_IS_MORE_OOD}
   * @throws IllegalStateException for {@link Variant#PREDICTED_CLASS} when a predicted class has no template
   */
  public Scores score(double[][] logits, Variant variant) {
    Softmax.checkLogits(logits);
    double[] s = new double[logits.length];
    for (int i = 0; i < s.length; i++) {
      double[] z = logits[i];
      if (z.length != templates.length) {
        throw new IllegalArgumentException("row " + i + " has " + z.length + " classes, templates have " + templates.length);
      }
      double lse = Softmax.logSumExp(z);
      if (variant == Variant.PREDICTED_CLASS) {
        int k = Softmax.argmax(z);
        if (templates[k] == null) {
          throw new IllegalStateException("class " + k + " was never predicted on the " + heldOut
              + " held-out samples, so it has no template; use Variant.MIN_OVER_CLASSES or more held-out data");
        }
        s[i] = kl(z, lse, templates[k]);
      } else {
        double best = Double.POSITIVE_INFINITY;
        for (double[] d : templates) if (d != null) best = Math.min(best, kl(z, lse, d));
        s[i] = best;
      }
    }
    return new Scores("KL matching (" + variant.name().toLowerCase(Locale.ROOT) + ")", s, Orientation.HIGHER_IS_MORE_OOD);
  }

  private static double kl(double[] z, double lse, double[] d) {
    double s = 0;
    for (int j = 0; j < z.length; j++) {
      double lp = z[j] - lse;
      double p = Math.exp(lp);
      if (p > 0) s += p * (lp - Math.log(d[j]));
    }
    return s;
  }
}
