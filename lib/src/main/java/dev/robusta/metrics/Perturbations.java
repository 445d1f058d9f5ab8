package dev.robusta.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ImageNet-P / CIFAR-P stability metrics (Hendrycks &amp; Dietterich, ICLR 2019) as implemented in
 * {@code hendrycks/robustness · ImageNet-P/test.py} and {@code cifar-p-eval.py}: flip probability, top-5
 * distance, Zipf distance, and their AlexNet-normalised means mFR and mT5D. Frames are predicted
 * independently; predictions are argmax (first index wins ties), ranks are
 * {@code rankdata(-logits, method='ordinal')} (ties by class index). Field survey §3.9.
 */
public final class Perturbations {
  /** The 10 ImageNet-P test perturbations averaged by mFR / mT5D (CIFAR-P uses spatter instead of snow). */
  public static final List<String> IMAGENET_P_10 = List.of("gaussian_noise", "shot_noise", "motion_blur", "zoom_blur",
      "snow", "brightness", "translate", "rotate", "tilt", "scale");

  private Perturbations() {}

  /**
   * @param perturbation its name; the frame rule follows the reference ({@code 'noise' in name})
   * @param logits shape {@code [V, F, K]}: videos, frames, classes; finite
   * @param difficulty frame stride 1..3 for non-noise perturbations (most users use 1)
   */
  public static PerturbationResult evaluate(String perturbation, double[][][] logits, int difficulty) {
    return evaluate(perturbation, logits, FrameRule.forPerturbation(perturbation), difficulty);
  }

  /**
   * As {@link #evaluate(String, double[][][], int)} with an explicit frame rule.
   *
   * @throws IllegalArgumentException on a difficulty below 1, ragged shapes, or fewer than 2 frames per stride
   */
  public static PerturbationResult evaluate(String perturbation, double[][][] logits, FrameRule rule, int difficulty) {
    Objects.requireNonNull(rule, "rule");
    if (difficulty < 1) throw new IllegalArgumentException("difficulty must be >= 1 (1, 2 or 3), was " + difficulty);
    int step = rule == FrameRule.AGAINST_FIRST_FRAME ? 1 : difficulty;
    int v = logits.length;
    if (v == 0) throw new IllegalArgumentException("no videos");
    double[] flip = new double[v];
    double[] top5 = new double[v];
    double flipMean = 0;
    double top5Mean = 0;
    double zipfMean = 0;
    for (int vi = 0; vi < v; vi++) {
      double[][] vid = logits[vi];
      if (vid.length <= step) {
        throw new IllegalArgumentException("video " + vi + " has " + vid.length + " frames; stride " + step + " needs more");
      }
      int[] pred = new int[vid.length];
      int[][] ranks = new int[vid.length][];
      for (int f = 0; f < vid.length; f++) {
        Softmax.checkLogits(new double[][] {vid[f]});
        pred[f] = Softmax.argmax(vid[f]);
        ranks[f] = ordinalRanks(vid[f]);
      }
      long flips = 0;
      double t5 = 0;
      double zp = 0;
      int pairs = 0;
      for (int i = 0; i < step; i++) {
        int ref = i;
        for (int f = i + step; f < vid.length; f += step) {
          if (pred[f] != pred[ref]) flips++;
          t5 += top5Distance(ranks[ref], ranks[f]);
          zp += zipfDistance(ranks[ref], ranks[f]);
          pairs++;
          if (rule == FrameRule.CONSECUTIVE) ref = f;
        }
      }
      flip[vi] = flips / (double) pairs;
      top5[vi] = t5 / pairs;
      flipMean += flip[vi] / v;
      top5Mean += top5[vi] / v;
      zipfMean += zp / pairs / v;
    }
    return new PerturbationResult(perturbation, rule, difficulty, flipMean, top5Mean, zipfMean, flip, top5);
  }

  /**
   * Flip probability from predictions alone.
   *
   * @param predictions shape {@code [V, F]}: top-1 class per video and frame
   */
  public static double flipProbability(int[][] predictions, FrameRule rule, int difficulty) {
    if (difficulty < 1) throw new IllegalArgumentException("difficulty must be >= 1, was " + difficulty);
    int step = rule == FrameRule.AGAINST_FIRST_FRAME ? 1 : difficulty;
    double result = 0;
    for (int[] vid : predictions) {
      long flips = 0;
      int pairs = 0;
      for (int i = 0; i < step; i++) {
        int prev = vid[i];
        for (int f = i + step; f < vid.length; f += step) {
          if (vid[f] != prev) flips++;
          pairs++;
          if (rule == FrameRule.CONSECUTIVE) prev = vid[f];
        }
      }
      result += flips / (double) pairs / predictions.length;
    }
    return result;
  }

  /**
   * mFR (or mT5D): mean over the 10 ImageNet-P perturbations of model / AlexNet.
   *
   * @param metric the label, {@code "mFR"} or {@code "mT5D"}
   * @param model per-perturbation flip probability (or top-5 distance) of the model
   * @param alexnet the AlexNet values for the same perturbations (configuration; see {@link NormalisedMean})
   * @throws IllegalArgumentException naming perturbations missing from either map
   */
  public static NormalisedMean normalisedMean(String metric, Map<String, Double> model, Map<String, Double> alexnet) {
    List<String> missing = new ArrayList<>();
    for (String p : IMAGENET_P_10) if (!model.containsKey(p) || !alexnet.containsKey(p)) missing.add(p);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(metric + " needs all 10 ImageNet-P perturbations " + IMAGENET_P_10
          + " in both the model's and AlexNet's values; missing: " + missing);
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    Map<String, Double> norm = new LinkedHashMap<>();
    double sum = 0;
    for (String p : IMAGENET_P_10) {
      double a = alexnet.get(p);
      if (!(a > 0)) throw new IllegalArgumentException("AlexNet value for " + p + " must be > 0, was " + a);
      double r = model.get(p) / a;
      ratios.put(p, r);
      norm.put(p, a);
      sum += r;
    }
    return new NormalisedMean(metric, sum / IMAGENET_P_10.size(), Collections.unmodifiableMap(ratios),
        Collections.unmodifiableMap(norm));
  }

  /** @return 1-based ordinal ranks of {@code -z}: rank[c] = 1 + #classes ahead of c (larger, or equal with lower index) */
  static int[] ordinalRanks(double[] z) {
    double[] neg = new double[z.length];
    for (int k = 0; k < z.length; k++) neg[k] = -z[k];
    int[] order = Sorting.argsortStable(neg);
    int[] rank = new int[z.length];
    for (int r = 0; r < order.length; r++) rank[order[r]] = r + 1;
    return rank;
  }

  /** sum over i = 1..5 of |(i - 1) - min(s_i - 1, 5)|, s_i = rank in {@code r2} of the class ranked i in {@code r1}. */
  static double top5Distance(int[] r1, int[] r2) {
    int[] byRank = inverse(r1);
    double d = 0;
    for (int i = 0; i < Math.min(5, byRank.length); i++) {
      int s = r2[byRank[i]];
      d += Math.abs(Math.min(i, 5) - Math.min(s - 1, 5));
    }
    return d;
  }

  /** sum over ranks j = 1..K of |1/j - 1/s_j| / j, s_j = rank in {@code r2} of the class ranked j in {@code r1}. */
  static double zipfDistance(int[] r1, int[] r2) {
    int[] byRank = inverse(r1);
    double d = 0;
    for (int j = 0; j < byRank.length; j++) {
      double recip = 1.0 / (j + 1);
      d += Math.abs(recip - 1.0 / r2[byRank[j]]) * recip;
    }
    return d;
  }

  private static int[] inverse(int[] rank) {
    int[] byRank = new int[rank.length];
    for (int c = 0; c < rank.length; c++) byRank[rank[c] - 1] = c;
    return byRank;
  }
}
