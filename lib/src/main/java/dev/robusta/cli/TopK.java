package dev.robusta.cli;

/** Top-k accuracy of {@code [N, C]} logits over all C classes (ties broken by the lower class index). */
final class TopK {
  private TopK() {}

  /**
   * @param logits {@code [N, C]}
   * @param labels {@code [N]} class indices in {@code [0, C)}
   * @param k how many of the highest logits count as a hit
   * @return the fraction of rows whose label ranks among the top {@code k}, or NaN when {@code C <= k} (trivial)
   */
  static double accuracy(double[][] logits, int[] labels, int k) {
    if (logits.length == 0 || logits[0].length <= k) {
      return Double.NaN;
    }
    int hits = 0;
    for (int i = 0; i < logits.length; i++) {
      double[] row = logits[i];
      int target = labels[i];
      double v = row[target];
      int rank = 0;
      for (int c = 0; c < row.length && rank < k; c++) {
        if (row[c] > v || (row[c] == v && c < target)) {
          rank++;
        }
      }
      hits += rank < k ? 1 : 0;
    }
    return (double) hits / logits.length;
  }
}
