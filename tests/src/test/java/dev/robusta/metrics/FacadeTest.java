package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.Metrics;
import dev.robusta.OodScores;
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
}
