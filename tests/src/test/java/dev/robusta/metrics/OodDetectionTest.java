package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** OOD detection against {@code oracles/metrics/ood} (hendrycks get_measures + scikit-learn) and the issue's hand case. */
@Timeout(60)
class OodDetectionTest {

  static List<Map<String, String>> oracleRows() throws IOException {
    return OracleCsv.read(Shared.path("oracles/metrics/ood/ood_measures.csv")).stream()
        .filter(r -> r.get("error").isEmpty()).toList();
  }

  static double[] column(String file) throws IOException {
    return Files.readAllLines(Shared.path("oracles/metrics/ood/cases/" + file)).stream()
        .map(String::trim).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
  }

  /**
   * The reference calls get_measures(pos, neg) with "higher = more positive": pos plays OOD here
   * (scores oriented towards OOD), so ref_* are the OOD-positive values and ref_swapped_* the ID-positive ones.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("oracleRows")
  void matchesReferenceRow(Map<String, String> row) throws IOException {
    String c = row.get("case");
    Scores ood = Scores.higherIsOod("s", column(c + "_pos.csv"));
    Scores id = Scores.higherIsOod("s", column(c + "_neg.csv"));
    double aucTol = ood.size() + id.size() >= 100_000 ? 1e-10 : 1e-12;
    OodDetectionResult h = OodDetection.evaluate(id, ood, OodConvention.HENDRYCKS);
    assertEquals(d(row, "ref_auroc"), h.auroc(), aucTol, "AUROC");
    assertEquals(d(row, "ref_aupr"), h.auprOut(), aucTol, "AUPR-Out");
    assertEquals(d(row, "ref_swapped_aupr"), h.auprIn(), aucTol, "AUPR-In");
    assertEquals(d(row, "ref_fpr95"), h.fpr95(), 1e-15, "FPR95 closest-recall, OOD positive");
    if (!row.get("ref_fpr95_recall_at_cutoff").isEmpty()) {
      assertEquals(d(row, "ref_fpr95_recall_at_cutoff"), h.tprAtThreshold(), 1e-15, "recall at cutoff");
      assertEquals(d(row, "ref_fpr95_threshold_at_cutoff"), h.threshold(), 0.0, "threshold at cutoff");
    }
    assertEquals(d(row, "detection_error_min_half_fnr_half_fpr"), h.detectionError(), 1e-15, "detection error");
    OodDetectionResult swapped = OodDetection.evaluate(id, ood, new OodConvention(PositiveClass.ID, ThresholdRule.CLOSEST_RECALL));
    assertEquals(d(row, "ref_swapped_fpr95"), swapped.fpr95(), 1e-15, "FPR95 closest-recall, ID positive");
    assertEquals(d(row, "ref_swapped_auroc"), swapped.auroc(), aucTol, "AUROC is the same under either positive class");
    OodDetectionResult first = OodDetection.evaluate(id, ood, OodConvention.OPENOOD_V15);
    assertEquals(d(row, "fpr_at_first_tpr_ge_95_roc_curve"), first.fpr95(), 1e-15, "FPR95 first TPR >= 0.95");
    // orientation is honoured: the same information as confidences gives identical values
    OodDetectionResult flipped = OodDetection.evaluate(id.negated(), ood.negated(), OodConvention.HENDRYCKS);
    assertEquals(h.auroc(), flipped.auroc(), 0.0);
    assertEquals(h.auprIn(), flipped.auprIn(), 0.0);
    assertEquals(h.fpr95(), flipped.fpr95(), 0.0);
    assertEquals(-h.threshold(), flipped.threshold(), 0.0);
  }

  private static double d(Map<String, String> row, String key) {
    return Double.parseDouble(row.get(key));
  }

  @Test
  void issueHandCase() {
    double[] idConf = new double[20];
    double[] oodConf = new double[20];
    for (int i = 0; i < 20; i++) {
      idConf[i] = i < 17 ? 0.9 : 0.1;
      oodConf[i] = i < 19 ? 0.2 : 0.95;
    }
    Scores id = Scores.higherIsId("confidence", idConf);
    Scores ood = Scores.higherIsId("confidence", oodConf);
    // the issue's values hold under the "first point with TPR >= 0.95" rule (OpenOOD / ODIN)
    OodDetectionResult idPos = OodDetection.evaluate(id, ood, OodConvention.ODIN);
    OodDetectionResult oodPos = OodDetection.evaluate(id, ood, OodConvention.OPENOOD_V15);
    assertEquals(0.8075, idPos.auroc(), 1e-12);
    assertEquals(0.8075, oodPos.auroc(), 1e-12);
    assertEquals(1.00, idPos.fpr95(), 1e-12);
    assertEquals(0.15, oodPos.fpr95(), 1e-12);
    assertEquals(0.95, oodPos.tprAtThreshold(), 1e-12);
    assertEquals(0.2, oodPos.threshold(), 0.0, "threshold reported as a confidence");
    assertEquals(0.87778, oodPos.auprIn(), 5e-6);
    assertEquals(0.84545, oodPos.auprOut(), 5e-6);
    assertEquals(idPos.auprIn(), oodPos.auprIn(), 0.0, "AUPR-In/Out do not depend on the convention");
    // hendrycks' closest-recall rule reaches recall 0.95 at two thresholds (0.2 and 0.9) and, as its
    // argmin over the reversed list does, keeps the lower one: FPR 1.0 with OOD positive
    OodDetectionResult hendrycks = OodDetection.evaluate(id, ood, OodConvention.HENDRYCKS);
    assertEquals(1.00, hendrycks.fpr95(), 1e-12);
    assertEquals(0.9, hendrycks.threshold(), 0.0);
    assertEquals(1.00, OodDetection.evaluate(id, ood, new OodConvention(PositiveClass.ID, ThresholdRule.CLOSEST_RECALL)).fpr95(), 1e-12);
    String text = oodPos.toString();
    assertTrue(text.contains("positive=OOD") && text.contains("FIRST_TPR_AT_LEAST") && text.contains("HIGHER_IS_MORE_ID")
        && text.contains("ID 20 vs OOD 20") && text.contains("full sets"), text);
  }

  @Test
  void protocolDescriptionIsRecorded() {
    Scores id = Scores.higherIsId("MSP", 0.9, 0.8, 0.7, 0.6, 0.95);
    Scores ood = Scores.higherIsId("MSP", 0.5, 0.85);
    String p = "ImageNet-O (hendrycks): 200-class masked logits";
    OodDetectionResult r = OodDetection.evaluate(id, ood, OodConvention.HENDRYCKS, p);
    assertEquals(p, r.protocol());
    assertTrue(r.toString().contains(p));
    assertEquals(2.5, r.idToOodRatio(), 0.0);
    assertEquals(OodDetection.evaluate(id, ood, OodConvention.HENDRYCKS).auroc(), r.auroc(), 0.0);
    // AUROC by hand: pairs (ID, OOD) where the OOD sample looks more OOD (lower MSP): 0.5 beats 5 of 5 ID,
    // 0.85 is below 0.9 and 0.95 only (2 of 5): (5 + 2) / 10
    assertEquals(0.7, r.auroc(), 1e-15);
  }

  @Test
  void oneClassOnlyIsAnErrorNotAHalf() {
    Scores some = Scores.higherIsOod("s", 0.1, 0.2, 0.3);
    Scores none = Scores.higherIsOod("s");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OodDetection.evaluate(some, none, OodConvention.HENDRYCKS));
    assertTrue(e.getMessage().contains("one class"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OodDetection.evaluate(none, some, OodConvention.HENDRYCKS));
  }

  @Test
  void nonFiniteScoresAreCounted() {
    Scores id = Scores.higherIsOod("s", 0.1, Double.NaN, 0.3, Double.POSITIVE_INFINITY);
    Scores ood = Scores.higherIsOod("s", 0.5, 0.6);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OodDetection.evaluate(id, ood, OodConvention.HENDRYCKS));
    assertTrue(e.getMessage().startsWith("2 of 4 ID scores are not finite"), e.getMessage());
  }

  @Test
  void mixedOrientationsAreRefused() {
    Scores id = Scores.higherIsOod("energy", 0.1, 0.2);
    Scores ood = Scores.higherIsId("MSP", 0.5, 0.6);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OodDetection.evaluate(id, ood, OodConvention.HENDRYCKS));
    assertTrue(e.getMessage().contains("HIGHER_IS_MORE_OOD") && e.getMessage().contains("HIGHER_IS_MORE_ID"));
  }

  @Test
  void oeProtocolDrawsAFifthAndRecordsIt() {
    double[] idS = new double[500];
    double[] oodS = new double[2000];
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int i = 0; i < idS.length; i++) idS[i] = r.nextGaussian();
    for (int i = 0; i < oodS.length; i++) oodS[i] = 1 + r.nextGaussian();
    Scores id = Scores.higherIsOod("s", idS);
    Scores ood = Scores.higherIsOod("s", oodS);
    OodDetectionResult full = OodDetection.evaluate(id, ood, OodConvention.HENDRYCKS);
    OodDetectionResult oe = OodDetection.evaluateOeProtocol(id, ood, OodConvention.HENDRYCKS, 10, 7);
    assertEquals(100, oe.nOod());
    assertEquals(5.0, oe.idToOodRatio(), 0.0);
    assertTrue(oe.protocol().contains("10 draws of 100") && oe.protocol().contains("seed 7"), oe.protocol());
    assertEquals(full.auroc(), oe.auroc(), 0.03, "AUROC barely depends on the base rate");
    assertTrue(oe.auprOut() < full.auprOut() - 0.2, "AUPR-Out drops with fewer positives: " + oe.auprOut() + " vs " + full.auprOut());
    assertEquals(oe, OodDetection.evaluateOeProtocol(id, ood, OodConvention.HENDRYCKS, 10, 7), "seeded draws are reproducible");
  }

  @Test
  void oracleFileMatchesItsReadme() throws IOException {
    // guards the oracle reader: the one-class rows are recorded as errors by scikit-learn
    List<Map<String, String>> all = OracleCsv.read(Shared.path("oracles/metrics/ood/ood_measures.csv"));
    assertEquals(2, all.stream().filter(r -> r.get("error").startsWith("ValueError")).count());
    assertTrue(Files.exists(Path.of(Shared.path("oracles/metrics/ood/cases").toString(), "only_pos_pos.csv")));
  }
}
