package dev.robusta.ood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.metrics.OodConvention;
import dev.robusta.metrics.OodDetection;
import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Logit-based scores against {@code oracles/metrics/ood_scores} (1e-12 relative, 1e-10 for KL). */
@Timeout(30)
class LogitScoresTest {

  static double[][] matrix(String file) throws IOException {
    return Files.readAllLines(Shared.path("oracles/metrics/ood_scores/" + file)).stream().map(String::trim)
        .filter(s -> !s.isEmpty()).map(s -> Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
  }

  /** @return the named column of scores.csv */
  static double[] column(String name) throws IOException {
    List<String> lines = Files.readAllLines(Shared.path("oracles/metrics/ood_scores/scores.csv"));
    int col = Arrays.asList(lines.get(0).split(",")).indexOf(name);
    assertTrue(col >= 0, "column " + name);
    return lines.stream().skip(1).filter(s -> !s.isBlank()).mapToDouble(s -> Double.parseDouble(s.split(",")[col])).toArray();
  }

  static void assertRel(double[] expected, double[] actual, double rel, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      double tol = rel * Math.max(1e-300, Math.abs(expected[i])) + 1e-300;
      if (expected[i] == 0) tol = 1e-15;
      assertEquals(expected[i], actual[i], tol, what + " row " + i);
    }
  }

  @Test
  void matchOracles() throws IOException {
    double[][] test = matrix("test_logits.csv");
    assertRel(column("max_softmax"), LogitScores.msp(test).values(), 1e-12, "MSP");
    assertRel(column("oe_msp_anomaly_score"), LogitScores.msp(test).negated().values(), 1e-12, "-MSP");
    assertRel(column("max_logit"), LogitScores.maxLogit(test).values(), 1e-12, "MaxLogit");
    assertRel(column("maxlogit_anomaly_score"), LogitScores.maxLogit(test).negated().values(), 1e-12, "-MaxLogit");
    assertRel(column("energy_T1"), LogitScores.energy(test, 1).values(), 1e-12, "energy T=1");
    assertRel(column("energy_T2"), LogitScores.energy(test, 2).values(), 1e-12, "energy T=2");
    assertRel(column("entropy_nats"), LogitScores.entropy(test).values(), 1e-12, "entropy");
    assertRel(column("oe_xent_score_mean_minus_lse"), LogitScores.oeCrossEntropy(test).values(), 1e-12, "OE xent");
    KlMatching kl = KlMatching.fit(matrix("val_logits.csv"));
    double[][] templates = matrix("kl_templates.csv");
    for (int k = 0; k < templates.length; k++) assertRel(templates[k], kl.template(k), 1e-12, "template " + k);
    assertRel(column("kl_matching_min_over_classes"), kl.score(test, KlMatching.Variant.MIN_OVER_CLASSES).values(), 1e-10, "KL min");
    assertRel(column("kl_matching_predicted_class"), kl.score(test, KlMatching.Variant.PREDICTED_CLASS).values(), 1e-10, "KL predicted");
  }

  @Test
  void orientationsAreDeclared() {
    double[][] l = {{1, 2, 3}};
    assertEquals(Orientation.HIGHER_IS_MORE_ID, LogitScores.msp(l).orientation());
    assertEquals(Orientation.HIGHER_IS_MORE_ID, LogitScores.maxLogit(l).orientation());
    assertEquals(Orientation.HIGHER_IS_MORE_OOD, LogitScores.energy(l, 1).orientation());
    assertEquals(Orientation.HIGHER_IS_MORE_OOD, LogitScores.entropy(l).orientation());
    assertEquals(Orientation.HIGHER_IS_MORE_OOD, LogitScores.oeCrossEntropy(l).orientation());
  }

  @Test
  void energyIsStableAndMetricsAgreeAcrossScoreSigns() {
    assertEquals(-1000.0, LogitScores.energy(new double[][] {{1000, 0, 0}}, 1).values()[0], 0.0);
    assertEquals(-2000.0, LogitScores.energy(new double[][] {{2000, -5, 0}}, 1).values()[0], 0.0);
    assertThrows(IllegalArgumentException.class, () -> LogitScores.energy(new double[][] {{1}}, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogitScores.msp(new double[][] {{1, Double.NaN}, {Double.POSITIVE_INFINITY, 0}}));
    assertTrue(e.getMessage().startsWith("2 logit values are not finite"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LogitScores.entropy(new double[][] {{1, 2}, {1}}));
    // confident ID logits vs flat OOD logits: MSP (towards ID) and energy (towards OOD) both separate them
    double[][] id = {{8, 0, 0}, {0, 7, 1}, {0, 0, 9}, {6, 1, 0}};
    double[][] ood = {{1, 1, 1}, {1.5, 1, 0.5}, {0.2, 0, 0.1}};
    assertEquals(1.0, OodDetection.evaluate(LogitScores.msp(id), LogitScores.msp(ood), OodConvention.DEFAULT).auroc(), 0.0);
    assertEquals(1.0, OodDetection.evaluate(LogitScores.energy(id, 1), LogitScores.energy(ood, 1), OodConvention.DEFAULT).auroc(), 0.0);
  }

  @Test
  void ensembleAveragesSoftmax() {
    double[][] a = {{Math.log(3), 0}};
    double[][] b = {{0, Math.log(3)}};
    assertArrayEquals(new double[] {0.5, 0.5}, Ensemble.meanSoftmax(a, b)[0], 1e-15);
    Scores s = Ensemble.msp(a, a);
    assertEquals(0.75, s.values()[0], 1e-15);
    assertEquals(Orientation.HIGHER_IS_MORE_ID, s.orientation());
    assertThrows(IllegalArgumentException.class, () -> Ensemble.meanSoftmax(a, new double[][] {{1, 2}, {3, 4}}));
  }

  @Test
  void klPredictedClassWithoutTemplateIsAnError() {
    KlMatching kl = KlMatching.fit(new double[][] {{5, 0, 0}, {4, 1, 0}});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> kl.score(new double[][] {{0, 0, 5}}, KlMatching.Variant.PREDICTED_CLASS));
    assertTrue(e.getMessage().contains("class 2 was never predicted"), e.getMessage());
    assertTrue(Double.isFinite(kl.score(new double[][] {{0, 0, 5}}, KlMatching.Variant.MIN_OVER_CLASSES).values()[0]));
    assertTrue(Files.exists(Path.of("pom.xml")), "tests run from the repository root");
  }
}
