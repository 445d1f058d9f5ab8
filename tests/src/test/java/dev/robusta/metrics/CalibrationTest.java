package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Calibration and selective prediction against {@code oracles/metrics/calibration} (hendrycks calibration_tools.py). */
@Timeout(60)
class CalibrationTest {
  private static final double TOL = 1e-12;

  static List<Map<String, String>> rows() throws IOException {
    return OracleCsv.read(Shared.path("oracles/metrics/calibration/calibration_measures.csv"));
  }

  record Case(double[] conf, boolean[] correct) {}

  static Case load(String name) throws IOException {
    List<Map<String, String>> r = OracleCsv.read(Shared.path("oracles/metrics/calibration/cases/" + name + ".csv"));
    double[] c = new double[r.size()];
    boolean[] k = new boolean[r.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = Double.parseDouble(r.get(i).get("confidence"));
      k[i] = Double.parseDouble(r.get(i).get("correct")) == 1.0;
    }
    return new Case(c, k);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchesReferenceRow(Map<String, String> row) throws IOException {
    Case c = load(row.get("case"));
    assertEquals(Integer.parseInt(row.get("n")), c.conf.length);
    boolean ties = row.get("conf_has_ties").equals("1");
    if (row.get("ref_rms_calib_err").startsWith("ERROR")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Calibration.rms(c.conf, c.correct, AdaptiveBinning.LEGACY));
      assertTrue(e.getMessage().contains("at least one full bin"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Calibration.mad(c.conf, c.correct));
    } else {
      // legacy = the reference rule (dropped last bin); our sort is stable, so compare with the stable-sort column
      assertEquals(d(row, "rms_ref_rule_stable_sort"), Calibration.rms(c.conf, c.correct, AdaptiveBinning.LEGACY).value(), TOL, "RMS legacy");
      assertEquals(d(row, "mad_ref_rule_stable_sort"), Calibration.mad(c.conf, c.correct, AdaptiveBinning.LEGACY).value(), TOL, "MAD legacy");
      if (!ties) {
        assertEquals(d(row, "ref_rms_calib_err"), Calibration.rms(c.conf, c.correct, AdaptiveBinning.LEGACY).value(), TOL, "RMS reference");
        assertEquals(d(row, "ref_mad_calib_err_adaptive_ece"), Calibration.mad(c.conf, c.correct, AdaptiveBinning.LEGACY).value(), TOL, "MAD reference");
        assertEquals(d(row, "ref_max_calib_err"), Calibration.maxAdaptive(c.conf, c.correct, AdaptiveBinning.LEGACY).value(), TOL, "max reference");
        // the corrected default includes the highest-confidence bin
        assertEquals(d(row, "nonref_rms_all_bins_included"), Calibration.rms(c.conf, c.correct).value(), TOL, "RMS all bins");
        assertEquals(d(row, "nonref_mad_all_bins_included"), Calibration.mad(c.conf, c.correct).value(), TOL, "MAD all bins");
      }
    }
    assertEquals(d(row, "aurra_ties_by_descending_index"), SelectivePrediction.aurra(c.conf, c.correct), TOL, "AURRA");
    if (!ties) assertEquals(d(row, "ref_aurra"), SelectivePrediction.aurra(c.conf, c.correct), TOL, "AURRA reference");
    assertEquals(d(row, "nonref_ece_equal_width_15"), Calibration.ece(c.conf, c.correct).value(), TOL, "ECE 15 bins");
    double f1 = row.get("ref_soft_f1").equals("nan") ? Double.NaN : d(row, "ref_soft_f1");
    if (Double.isNaN(f1)) assertTrue(Double.isNaN(Calibration.softF1(c.conf, c.correct)));
    else assertEquals(f1, Calibration.softF1(c.conf, c.correct), TOL, "soft F1");
  }

  private static double d(Map<String, String> row, String key) {
    return Double.parseDouble(row.get(key));
  }

  @Test
  void legacyDropsTheLastBinAndDefaultKeepsIt() throws IOException {
    Case c = load("n199_one_bin");
    assertEquals(0.0, Calibration.rms(c.conf, c.correct, AdaptiveBinning.LEGACY).value(), 0.0);
    assertTrue(Calibration.rms(c.conf, c.correct).value() > 0.05);
    String s = Calibration.rms(c.conf, c.correct, AdaptiveBinning.LEGACY).toString();
    assertTrue(s.contains("LEGACY") && s.contains("RMS"), s);
  }

  @Test
  void eceBinEdgesAreRightClosedWithZeroInTheFirstAndOneInTheLast() {
    // 1/15 sits on an edge: it belongs to bin 0; 0.0 to bin 0; 1.0 to bin 14
    double[] conf = {0.0, 1.0 / 15, 1.0 / 15 + 1e-9, 1.0};
    boolean[] correct = {false, true, true, true};
    ReliabilityDiagram d = Calibration.reliability(conf, correct, 15);
    assertEquals(2, d.count()[0]);
    assertEquals(1, d.count()[1]);
    assertEquals(1, d.count()[14]);
    assertEquals(1.0, d.upper()[14], 0.0);
    assertEquals(0.5, d.accuracy()[0], 0.0);
    assertTrue(Double.isNaN(d.meanConfidence()[5]), "empty bins are NaN, not 0");
    // hand value: bin0 gap |0.5 - 1/30|, bin1 gap |1 - (1/15+1e-9)|, bin14 gap 0
    double expected = 0.5 * Math.abs(0.5 - (1.0 / 15) / 2) + 0.25 * Math.abs(1 - (1.0 / 15 + 1e-9));
    assertEquals(expected, d.ece(), 1e-15);
    assertEquals(Math.abs(1 - (1.0 / 15 + 1e-9)), Calibration.mce(conf, correct).value(), 1e-15);
  }

  @Test
  void badConfidencesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Calibration.ece(new double[] {0.5, 75.0, Double.NaN}, new boolean[3]));
    assertTrue(e.getMessage().startsWith("2 of 3 confidences"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Calibration.ece(new double[2], new boolean[3]));
  }

  @Test
  void riskCoverageAndAurrasAreComplements() {
    double[] conf = {0.9, 0.8, 0.7, 0.6};
    boolean[] correct = {true, false, true, true};
    RiskCoverageCurve r = SelectivePrediction.riskCoverage(conf, correct);
    // accuracies at k = 1..4: 1, 1/2, 2/3, 3/4
    assertEquals((1 + 0.5 + 2.0 / 3 + 0.75) / 4, r.aurra(), 1e-15);
    assertEquals((0 + 0.5 + 1.0 / 3 + 0.25) / 4, r.aurc(), 1e-15);
    assertEquals(1.0, r.aurra() + r.aurc(), 1e-15);
    assertEquals(0.5, r.coverage()[1], 0.0);
  }

  @Test
  void nllBrierAndTemperatureScaling() {
    double[][] logits = {{2, 0, 0}, {0, 3, 0}, {1, 0, 0}, {0, 0, 4}};
    int[] labels = {0, 1, 1, 2};
    double expectedNll = 0;
    double expectedBrier = 0;
    for (int i = 0; i < 4; i++) {
      double z = 0;
      for (double v : logits[i]) z += Math.exp(v);
      expectedNll += -Math.log(Math.exp(logits[i][labels[i]]) / z);
      for (int k = 0; k < 3; k++) {
        double p = Math.exp(logits[i][k]) / z;
        expectedBrier += (p - (k == labels[i] ? 1 : 0)) * (p - (k == labels[i] ? 1 : 0));
      }
    }
    assertEquals(expectedNll / 4, Calibration.nll(logits, labels), 1e-14);
    assertEquals(expectedBrier / 4, Calibration.brier(logits, labels), 1e-14);
    Temperature t = TemperatureScaling.fit(logits, labels);
    assertTrue(t.nllAfter() <= t.nllBefore());
    // optimality: the NLL is no lower a little to either side of the fitted T
    double at = Calibration.nll(t.apply(logits), labels);
    assertEquals(t.nllAfter(), at, 1e-12);
    assertTrue(Calibration.nll(new Temperature(t.temperature() * 1.01, 0, 0, 4).apply(logits), labels) >= at);
    assertTrue(Calibration.nll(new Temperature(t.temperature() / 1.01, 0, 0, 4).apply(logits), labels) >= at);
    // closed form: four identical rows [5, 0], three labelled 0 and one 1: the optimum puts p = 3/4 on
    // class 0, i.e. 5 / T = ln 3
    Temperature over = TemperatureScaling.fit(new double[][] {{5, 0}, {5, 0}, {5, 0}, {5, 0}}, new int[] {0, 0, 0, 1});
    assertEquals(5 / Math.log(3), over.temperature(), 1e-9);
    assertTrue(t.toString().contains("T = "));
    // stable: logits of magnitude 1000 do not overflow
    assertEquals(0.0, Calibration.nll(new double[][] {{1000, 0, 0}}, new int[] {0}), 1e-12);
  }
}
