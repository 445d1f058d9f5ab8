package dev.robusta;

import dev.robusta.infer.Predictions;
import dev.robusta.metrics.AccuracyResult;
import dev.robusta.metrics.AccuracyTable;
import dev.robusta.metrics.AccuracyTransform;
import dev.robusta.metrics.EffectiveRobustness;
import dev.robusta.metrics.RobustnessFit;
import dev.robusta.metrics.AdaptiveBinning;
import dev.robusta.metrics.Calibration;
import dev.robusta.metrics.CalibrationError;
import dev.robusta.metrics.Classification;
import dev.robusta.metrics.CorruptionErrors;
import dev.robusta.metrics.CorruptionMetrics;
import dev.robusta.metrics.CorruptionResult;
import dev.robusta.metrics.PerturbationResult;
import dev.robusta.metrics.Perturbations;
import dev.robusta.metrics.Softmax;
import dev.robusta.metrics.LabelSpace;
import dev.robusta.metrics.OodConvention;
import dev.robusta.metrics.OodDetection;
import dev.robusta.metrics.OodDetectionResult;
import dev.robusta.metrics.ReliabilityDiagram;
import dev.robusta.metrics.RiskCoverageCurve;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.SelectivePrediction;
import dev.robusta.metrics.Temperature;
import dev.robusta.metrics.TemperatureScaling;
import java.util.function.Function;

/**
 * One-line entry points to {@code dev.robusta.metrics}; each javadoc names the long form it spells.
 * Every result prints its convention.
 */
public final class Metrics {
  private Metrics() {}

  /** {@code OodDetection.evaluate(id, ood, OodConvention.DEFAULT)}: OOD positive, first TPR &gt;= 0.95. */
  public static OodDetectionResult ood(Scores id, Scores ood) {
    return OodDetection.evaluate(id, ood, OodConvention.DEFAULT);
  }

  /** {@code OodDetection.evaluate(id, ood, convention)}. */
  public static OodDetectionResult ood(Scores id, Scores ood, OodConvention convention) {
    return OodDetection.evaluate(id, ood, convention);
  }

  /** {@code OodDetection.evaluateOeProtocol(id, ood, OodConvention.HENDRYCKS, 10, seed)}: OE's |ID|/5 draws, averaged. */
  public static OodDetectionResult oodOeProtocol(Scores id, Scores ood, long seed) {
    return OodDetection.evaluateOeProtocol(id, ood, OodConvention.HENDRYCKS, 10, seed);
  }

  /**
   * OOD detection straight from cached or computed predictions, e.g.
   * {@code Metrics.ood(idPreds, oodPreds, OodScores::msp, OodConvention.DEFAULT)}; the protocol string
   * records both datasets / cells, the model and the preprocessing.
   *
   * @throws IllegalArgumentException when the two predictions come from different models
   */
  public static OodDetectionResult ood(Predictions id, Predictions ood, Function<Predictions, Scores> scorer,
      OodConvention convention) {
    if (!id.model().sha256().equals(ood.model().sha256())) {
      throw new IllegalArgumentException("ID predictions come from " + id.model().name() + " but OOD predictions from "
          + ood.model().name() + "; OOD metrics compare one model's scores");
    }
    String protocol = "full sets: ID " + id.dataset() + "/" + id.cell() + " vs OOD " + ood.dataset() + "/" + ood.cell()
        + ", model " + id.model().name() + ", preprocessing " + id.preprocessing();
    return OodDetection.evaluate(scorer.apply(id), scorer.apply(ood), convention, protocol);
  }

  /**
   * Top-1 / top-5 of cached or computed predictions under {@code space}.
   *
   * @throws IllegalArgumentException when some samples are unlabelled (label -1), naming how many
   */
  public static AccuracyResult accuracy(Predictions p, LabelSpace space) {
    requireLabelled(p);
    return Classification.accuracy(Softmax.toDouble(p.logits()), p.labels(), space);
  }

  /** ECE (15 bins) of the max-softmax confidence of cached or computed predictions, correct = argmax equals label. */
  public static CalibrationError ece(Predictions p) {
    requireLabelled(p);
    double[][] z = Softmax.toDouble(p.logits());
    double[] conf = new double[z.length];
    boolean[] correct = new boolean[z.length];
    for (int i = 0; i < z.length; i++) {
      conf[i] = Softmax.probabilities(z[i])[Softmax.argmax(z[i])];
      correct[i] = Softmax.argmax(z[i]) == p.labels()[i];
    }
    return Calibration.ece(conf, correct);
  }

  private static void requireLabelled(Predictions p) {
    long unlabelled = java.util.Arrays.stream(p.labels()).filter(y -> y < 0).count();
    if (unlabelled > 0) {
      throw new IllegalArgumentException(unlabelled + " of " + p.size() + " samples of " + p.dataset() + "/" + p.cell()
          + " are unlabelled (label -1); accuracy and calibration need labels");
    }
  }

  /** {@code OodDetection.evaluate(id, ood, OodConvention.DEFAULT).auroc()}. */
  public static double auroc(Scores id, Scores ood) {
    return ood(id, ood).auroc();
  }

  /** {@code Classification.accuracy(logits, labels, LabelSpace.full())}: logits {@code [N, C]}. */
  public static AccuracyResult accuracy(double[][] logits, int[] labels) {
    return Classification.accuracy(logits, labels, LabelSpace.full());
  }

  /** {@code Classification.accuracy(Softmax.toDouble(logits), labels, space)}: float logits as the classifier returns them. */
  public static AccuracyResult accuracy(float[][] logits, int[] labels, LabelSpace space) {
    return Classification.accuracy(Softmax.toDouble(logits), labels, space);
  }

  /** {@code CorruptionMetrics.mce(errors)}: mCE and relative mCE over the 15 benchmark corruptions. */
  public static CorruptionResult mce(CorruptionErrors errors) {
    return CorruptionMetrics.mce(errors);
  }

  /**
   * {@code EffectiveRobustness.fit(table, idSetting, oodSetting, baselineModels, AccuracyTransform.LOGIT)}: the
   * Taori et al. baseline line; {@code EffectiveRobustness.perModel(table, fit)} then gives ER in accuracy points.
   */
  public static RobustnessFit effectiveRobustness(AccuracyTable table, String idSetting, String oodSetting,
      java.util.Collection<String> baselineModels) {
    return EffectiveRobustness.fit(table, idSetting, oodSetting, baselineModels, AccuracyTransform.LOGIT);
  }

  /** {@code Perturbations.evaluate(perturbation, logits, difficulty)}: logits {@code [V, F, K]}. */
  public static PerturbationResult perturbation(String perturbation, double[][][] logits, int difficulty) {
    return Perturbations.evaluate(perturbation, logits, difficulty);
  }

  /** {@code Classification.accuracy(logits, labels, space)}. */
  public static AccuracyResult accuracy(double[][] logits, int[] labels, LabelSpace space) {
    return Classification.accuracy(logits, labels, space);
  }

  /** {@code Calibration.ece(confidence, correct, 15)}. */
  public static CalibrationError ece(double[] confidence, boolean[] correct) {
    return Calibration.ece(confidence, correct);
  }

  /** {@code Calibration.rms(confidence, correct, AdaptiveBinning.DEFAULT)}: every bin included. */
  public static CalibrationError rmsCalibrationError(double[] confidence, boolean[] correct) {
    return Calibration.rms(confidence, correct, AdaptiveBinning.DEFAULT);
  }

  /** {@code Calibration.reliability(confidence, correct, 15)}. */
  public static ReliabilityDiagram reliability(double[] confidence, boolean[] correct) {
    return Calibration.reliability(confidence, correct, Calibration.DEFAULT_BINS);
  }

  /** {@code SelectivePrediction.riskCoverage(confidence, correct)}: AURC and AURRA. */
  public static RiskCoverageCurve riskCoverage(double[] confidence, boolean[] correct) {
    return SelectivePrediction.riskCoverage(confidence, correct);
  }

  /** {@code TemperatureScaling.fit(heldOutLogits, heldOutLabels)}. */
  public static Temperature fitTemperature(double[][] heldOutLogits, int[] heldOutLabels) {
    return TemperatureScaling.fit(heldOutLogits, heldOutLabels);
  }

  /**
   * The metrics' view of a dataset's label space under a scoring policy, for a model with ImageNet-1k
   * outputs: {@code MASK_TO_SUBSET} restricts the argmax to the dataset's classes (ImageNet-A/O/R:
   * hendrycks, the testbed, timm {@code --valid-labels}); {@code FULL_1000} takes the argmax over all
   * 1000 logits and counts a hit when it is the label's ImageNet index; {@code MAP_ANY_OF} restricts to
   * the mapped classes and accepts any class mapped to the label (ObjectNet).
   *
   * @param dataset a label space that maps to ImageNet-1k (e.g. {@code Datasets.load("imagenet-a").labelSpace()})
   * @param policy how to score it
   * @throws IllegalStateException when the dataset's space does not map to ImageNet-1k
   */
  public static LabelSpace labelSpace(dev.robusta.data.LabelSpace dataset, dev.robusta.data.LabelPolicy policy) {
    int n = dataset.size();
    int[][] accepted = new int[n][];
    java.util.TreeSet<Integer> union = new java.util.TreeSet<>();
    for (int j = 0; j < n; j++) {
      accepted[j] = dataset.imagenetAll(j);
      for (int k : accepted[j]) union.add(k);
    }
    String name = dataset.name() + " (" + policy + ")";
    switch (policy) {
      case MASK_TO_SUBSET: {
        int[] first = new int[n];
        for (int j = 0; j < n; j++) first[j] = accepted[j][0];
        return LabelSpace.subset(name, first);
      }
      case FULL_1000: {
        int[] all = new int[1000];
        for (int k = 0; k < all.length; k++) all[k] = k;
        return LabelSpace.anyOf(name, all, accepted);
      }
      default:
        return LabelSpace.anyOf(name, union.stream().mapToInt(Integer::intValue).toArray(), accepted);
    }
  }
}
