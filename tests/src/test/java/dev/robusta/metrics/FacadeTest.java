package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Metrics;
import dev.robusta.OodScores;
import dev.robusta.infer.Backend;
import dev.robusta.infer.ModelInfo;
import dev.robusta.infer.Precision;
import dev.robusta.infer.Predictions;
import dev.robusta.ood.KlMatching;
import dev.robusta.ood.LogitScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each facade one-liner gives what its spelled-out long form gives. */
@Timeout(30)
class FacadeTest {
  static final float[][] ID = {{4, 0, 1}, {0, 5, 0}, {1, 0, 6}, {3, 1, 0}};
  static final float[][] OOD = {{1, 1, 1}, {0.5f, 1, 0}, {2, 2, 1.5f}};

  @Test
  void metricsFacade() {
    double[][] id = Softmax.toDouble(ID);
    double[][] ood = Softmax.toDouble(OOD);
    Scores a = LogitScores.msp(id);
    Scores b = LogitScores.msp(ood);
    assertEquals(OodDetection.evaluate(a, b, OodConvention.DEFAULT), Metrics.ood(a, b));
    assertEquals(OodDetection.evaluate(a, b, OodConvention.HENDRYCKS), Metrics.ood(a, b, OodConvention.HENDRYCKS));
    assertEquals(OodDetection.evaluate(a, b, OodConvention.DEFAULT).auroc(), Metrics.auroc(a, b), 0.0);
    int[] labels = {0, 1, 2, 1};
    assertEquals(Classification.accuracy(id, labels, LabelSpace.full()).top1Correct(), Metrics.accuracy(id, labels).top1Correct());
    assertEquals(Classification.accuracy(id, labels, LabelSpace.full()).top1Correct(),
        Metrics.accuracy(ID, labels, LabelSpace.full()).top1Correct());
    double[] conf = a.values();
    boolean[] correct = {true, true, true, false};
    assertEquals(Calibration.ece(conf, correct), Metrics.ece(conf, correct));
    assertEquals(SelectivePrediction.riskCoverage(conf, correct).aurc(), Metrics.riskCoverage(conf, correct).aurc(), 0.0);
    assertEquals(TemperatureScaling.fit(id, labels), Metrics.fitTemperature(id, labels));
    assertEquals(Calibration.reliability(conf, correct, 15).ece(), Metrics.reliability(conf, correct).ece(), 0.0);
  }

  @Test
  void oodScoresFacade() {
    double[][] id = Softmax.toDouble(ID);
    assertArrayEquals(LogitScores.msp(id).values(), OodScores.msp(ID).values(), 0.0);
    assertArrayEquals(LogitScores.maxLogit(id).values(), OodScores.maxLogit(ID).values(), 0.0);
    assertArrayEquals(LogitScores.energy(id, 1).values(), OodScores.energy(ID).values(), 0.0);
    assertArrayEquals(LogitScores.energy(id, 3).values(), OodScores.energy(ID, 3).values(), 0.0);
    assertArrayEquals(LogitScores.entropy(id).values(), OodScores.entropy(ID).values(), 0.0);
    assertArrayEquals(KlMatching.fit(id).score(Softmax.toDouble(OOD), KlMatching.Variant.MIN_OVER_CLASSES).values(),
        OodScores.klMatching(ID, OOD).values(), 0.0);
  }

  static Predictions predictions(String dataset, String sha, float[][] logits, int[] labels) {
    ModelInfo m = new ModelInfo("toy", sha, Backend.PYTORCH, "cpu", Precision.FP32, null, null);
    return new Predictions(m, dataset, "-", "none", logits, labels, null, Predictions.Source.CACHE);
  }

  @Test
  void predictionsFacade() {
    Predictions id = predictions("toy-id", "abc", ID, new int[] {0, 1, 2, 0});
    Predictions ood = predictions("toy-ood", "abc", OOD, new int[] {-1, -1, -1});
    OodDetectionResult r = Metrics.ood(id, ood, OodScores::msp, OodConvention.DEFAULT);
    assertEquals(Metrics.ood(OodScores.msp(ID), OodScores.msp(OOD)).auroc(), r.auroc(), 0.0);
    assertTrue(r.protocol().contains("ID toy-id/- vs OOD toy-ood/-") && r.protocol().contains("model toy"), r.protocol());
    assertEquals(Metrics.accuracy(ID, id.labels(), LabelSpace.full()).top1Correct(), Metrics.accuracy(id, LabelSpace.full()).top1Correct());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(ood, LabelSpace.full()));
    assertTrue(e.getMessage().startsWith("3 of 3 samples of toy-ood/- are unlabelled"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.ood(id, predictions("toy-ood", "other", OOD, new int[3]), OodScores::msp, OodConvention.DEFAULT));
    double[] conf = OodScores.msp(ID).values();
    boolean[] correct = {true, true, true, true};
    assertEquals(Calibration.ece(conf, correct).value(), Metrics.ece(id).value(), 1e-12);
  }
}
