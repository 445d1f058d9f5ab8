package dev.robusta.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Which logits take part in a prediction and what counts as a hit (field survey §3.5, §3.10).
 *
 * <ul>
 *   <li>{@link #full()}: argmax over all C logits; label = class index in [0, C).
 *   <li>{@link #subset}: the logits are restricted to the listed model indices before the argmax
 *       (ImageNet-A/-R/-O: 200 of the 1000 ImageNet classes, as hendrycks, the testbed and timm's
 *       {@code --valid-labels} do); the label is the <em>position</em> in that list (the dataset's folder
 *       order, 0..199), and a hit means the restricted argmax is that position.
 *   <li>{@link #anyOf}: the logits are restricted to candidate model indices, and label j is hit when
 *       the restricted argmax is any of the model classes mapped to j (ObjectNet in the testbed:
 *       113 classes, several ImageNet classes per ObjectNet class).
 * </ul>
 * Ties in logits are broken by the lower model index (numpy/torch {@code argmax}); top-5 uses the same
 * ordinal ranking.
 */
public final class LabelSpace {
  private final String name;
  private final int[] candidates; // null = all classes
  private final int[][] accepted; // null = label is the candidate position / class index

  private final int[] sortedCandidates;

  private LabelSpace(String name, int[] candidates, int[][] accepted) {
    this.name = name;
    this.candidates = candidates;
    this.accepted = accepted;
    this.sortedCandidates = candidates == null ? null : candidates.clone();
    if (sortedCandidates != null) Arrays.sort(sortedCandidates);
  }

  /** @return argmax over every logit; labels are class indices */
  public static LabelSpace full() {
    return new LabelSpace("full", null, null);
  }

  /**
   * @param name e.g. {@code "imagenet-r 200 of 1000"}
   * @param modelIndices the model's class indices that take part, in label order, distinct
   * @return the subset-masking policy; labels are positions in {@code modelIndices}
   */
  public static LabelSpace subset(String name, int[] modelIndices) {
    Objects.requireNonNull(modelIndices, "modelIndices");
    requireDistinct(modelIndices);
    return new LabelSpace(name + " (argmax over " + modelIndices.length + " masked logits, label = position)",
        modelIndices.clone(), null);
  }

  /**
   * @param name e.g. {@code "objectnet 113 classes"}
   * @param candidateIndices model indices that take part in the argmax, distinct
   * @param acceptedByLabel for each label j, the model indices that count as a hit for j
   * @return the map-any-of policy
   */
  public static LabelSpace anyOf(String name, int[] candidateIndices, int[][] acceptedByLabel) {
    requireDistinct(candidateIndices);
    int[][] acc = new int[acceptedByLabel.length][];
    for (int j = 0; j < acc.length; j++) {
      acc[j] = acceptedByLabel[j].clone();
      Arrays.sort(acc[j]);
    }
    return new LabelSpace(name + " (argmax over " + candidateIndices.length + " masked logits, hit = any mapped class)",
        candidateIndices.clone(), acc);
  }

  /** @return the number of labels this policy accepts, or -1 for "as many as the model has classes" */
  public int numLabels() {
    if (accepted != null) return accepted.length;
    return candidates == null ? -1 : candidates.length;
  }

  /**
   * @param row one logit row, shape {@code [C]}
   * @param label the sample's label under this policy
   * @return the 0-based rank of the first hit among the ranked candidates (0 = top-1 hit), or
   *     {@code Integer.MAX_VALUE} when no candidate is a hit
   */
  int hitRank(double[] row, int label) {
    if (accepted == null) {
      int target = candidates == null ? label : candidates[label];
      double v = row[target];
      int rank = 0;
      int m = candidates == null ? row.length : candidates.length;
      for (int t = 0; t < m; t++) {
        int c = candidates == null ? t : candidates[t];
        if (row[c] > v || (row[c] == v && c < target)) rank++;
      }
      return rank;
    }
    int best = Integer.MAX_VALUE;
    for (int target : accepted[label]) {
      if (Arrays.binarySearch(sortedCandidates, target) < 0) continue;
      double v = row[target];
      int rank = 0;
      for (int c : candidates) if (row[c] > v || (row[c] == v && c < target)) rank++;
      best = Math.min(best, rank);
    }
    return best;
  }

  /** @return the predicted label for one row under this policy (the model index for {@code anyOf}) */
  int predict(double[] row) {
    if (candidates == null) return Softmax.argmax(row);
    int best = 0;
    for (int t = 1; t < candidates.length; t++) if (row[candidates[t]] > row[candidates[best]]) best = t;
    return accepted == null ? best : candidates[best];
  }

  void checkLabel(int label, int numClasses, int row) {
    int n = numLabels() < 0 ? numClasses : numLabels();
    if (label < 0 || label >= n) {
      throw new IllegalArgumentException("label " + label + " at row " + row + " is outside [0, " + n + ") for label space " + name);
    }
    if (candidates != null) {
      for (int c : candidates) {
        if (c >= numClasses) {
          throw new IllegalArgumentException("label space " + name + " uses model index " + c + " but the logits have only "
              + numClasses + " classes");
        }
      }
    }
  }

  private static void requireDistinct(int[] idx) {
    int[] s = idx.clone();
    Arrays.sort(s);
    for (int i = 1; i < s.length; i++) {
      if (s[i] == s[i - 1]) throw new IllegalArgumentException("model index " + s[i] + " is listed twice");
    }
    if (s.length > 0 && s[0] < 0) throw new IllegalArgumentException("model index " + s[0] + " is negative");
  }

  @Override
  public String toString() {
    return name;
  }
}
