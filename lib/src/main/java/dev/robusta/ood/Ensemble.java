package dev.robusta.ood;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;

/**
 * Deep ensembles (Lakshminarayanan et al., NeurIPS 2017): the members' softmax outputs are averaged,
 * and the ensemble's confidence is the maximum of that mean.
 */
public final class Ensemble {
  private Ensemble() {}

  /**
   * @param members logits of each member, each shape {@code [N, C]} (same N and C)
   * @return the mean softmax, shape {@code [N, C]}
   */
  public static double[][] meanSoftmax(double[][]... members) {
    if (members.length == 0) throw new IllegalArgumentException("an ensemble needs at least one member");
    int n = members[0].length;
    double[][] mean = new double[n][];
    for (double[][] m : members) {
      Softmax.checkLogits(m);
      if (m.length != n) throw new IllegalArgumentException("members disagree on N: " + n + " vs " + m.length);
      for (int i = 0; i < n; i++) {
        double[] p = Softmax.probabilities(m[i]);
        if (mean[i] == null) mean[i] = new double[p.length];
        if (p.length != mean[i].length) throw new IllegalArgumentException("members disagree on C at row " + i);
        for (int k = 0; k < p.length; k++) mean[i][k] += p[k] / members.length;
      }
    }
    return mean;
  }

  /** @return max of the mean softmax per sample, {@link Orientation#HIGHER_IS_MORE_ID} */
  public static Scores msp(double[][]... members) {
    double[][] mean = meanSoftmax(members);
    double[] s = new double[mean.length];
    for (int i = 0; i < s.length; i++) {
      double m = 0;
      for (double v : mean[i]) m = Math.max(m, v);
      s[i] = m;
    }
    return new Scores("ensemble MSP (" + members.length + " members)", s, Orientation.HIGHER_IS_MORE_ID);
  }
}
