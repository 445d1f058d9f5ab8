package dev.robusta;

import dev.robusta.metrics.AccuracyResult;
import dev.robusta.metrics.AdaptiveBinning;
import dev.robusta.metrics.Calibration;
import dev.robusta.metrics.CalibrationError;
import dev.robusta.metrics.Classification;
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

  /** {@code OodDetection.evaluate(id, ood, OodConvention.DEFAULT).auroc()}. */
  public static double auroc(Scores id, Scores ood) {
    return ood(id, ood).auroc();
  }

  /** {@code Classification.accuracy(logits, labels, LabelSpace.full())}: logits {@code [N, C]}. */
  public static AccuracyResult accuracy(double[][] logits, int[] labels) {
    return Classification.accuracy(logits, labels, LabelSpace.full());
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
}
