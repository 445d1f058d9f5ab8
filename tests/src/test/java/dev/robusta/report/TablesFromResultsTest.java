package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.robusta.Metrics;
import dev.robusta.metrics.AdaptiveBinning;
import dev.robusta.metrics.NormalisedMean;
import dev.robusta.metrics.PerturbationResult;
import dev.robusta.metrics.Perturbations;
import dev.robusta.metrics.OodConvention;
import dev.robusta.metrics.OodDetectionResult;
import dev.robusta.metrics.Scores;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Every table family built from real results and oracle values: its columns, its conventions (printed with
 * it) and a CSV round trip that keeps types and exact values.
 */
class TablesFromResultsTest {
  @TempDir Path dir;

  private static void roundTrips(ResultTable t, Path file) {
    ResultTable back = ResultTable.readCsv(t.writeCsv(file));
    assertEquals(t.title(), back.title());
    assertEquals(t.schema(), back.schema());
    assertEquals(t.conventions(), back.conventions());
    Table a = t.table();
    Table b = back.table();
    assertEquals(a.rowCount(), b.rowCount());
    for (int c = 0; c < a.columnCount(); c++) {
      for (int r = 0; r < a.rowCount(); r++) {
        assertEquals(a.column(c).getString(r), b.column(c).getString(r), a.column(c).name() + " row " + r);
        if (a.column(c).type() == ColumnType.DOUBLE) {
          double x = a.doubleColumn(c).getDouble(r);
          double y = b.doubleColumn(c).getDouble(r);
          assertTrue(Double.compare(x, y) == 0, a.column(c).name() + " row " + r + ": " + x + " vs " + y);
        }
      }
    }
  }

  @Test
  void accuracyTableFromTimmLongAndWide() {
    Map<String, Double> in1k = RealResults.timmTop1("results-imagenet.csv");
    List<AccuracyTable.Row> rows = new ArrayList<>();
    Map<String, String[]> sets = new LinkedHashMap<>();
    sets.put("imagenet", new String[] {"results-imagenet.csv", "FULL_1000", "50000"});
    sets.put("imagenet-a", new String[] {"results-imagenet-a.csv", "SUBSET_200", "7500"});
    sets.put("imagenet-r", new String[] {"results-imagenet-r.csv", "SUBSET_200", "30000"});
    sets.put("imagenetv2-matched-frequency", new String[] {"results-imagenetv2-matched-frequency.csv",
        "FULL_1000", "10000"});
    List<String> models = new ArrayList<>(in1k.keySet()).subList(0, 25);
    sets.forEach((id, s) -> {
      Map<String, Double> top1 = RealResults.timmTop1(s[0]);
      for (String m : models) {
        if (top1.containsKey(m)) {
          rows.add(new AccuracyTable.Row(m, id, s[1], Integer.parseInt(s[2]), top1.get(m) / 100, Double.NaN));
        }
      }
    });
    ResultTable longT = AccuracyTable.of("timm top-1", rows, "timm validate.py results (aa4b5850)");
    assertEquals(List.of("model", "dataset", "labelSpace", "n", "top1", "top5"),
        new ArrayList<>(longT.schema().keySet()));
    assertTrue(longT.toString().contains("labelSpace: FULL_1000 = argmax over all classes"), longT.toString());
    roundTrips(longT, dir.resolve("acc.csv"));

    ResultTable wide = AccuracyTable.wide("timm top-1 (wide)", rows, "timm");
    Table w = wide.table();
    assertEquals(25, w.rowCount());
    assertTrue(w.columnNames().contains("imagenet-a [SUBSET_200]"), w.columnNames().toString());
    String first = models.get(0);
    assertEquals(in1k.get(first) / 100, w.doubleColumn("imagenet [FULL_1000]").getDouble(0));
    roundTrips(wide, dir.resolve("wide.csv"));
    assertThrows(IllegalArgumentException.class, () -> AccuracyTable.wide("dup", List.of(rows.get(0), rows.get(0)), "x"));
  }

  @Test
  void oodTableFromTheOracleMeasures() {
    List<OodTable.Row> rows = new ArrayList<>();
    for (CSVRecord r : RealResults.csv("oracles/metrics/ood/ood_measures.csv")) {
      if (!r.get("error").isEmpty()) {
        continue;
      }
      // get_measures(pos = OOD): ref_aupr is AUPR-Out; the swapped call gives AUPR-In
      rows.add(new OodTable.Row("id", r.get("case"), "oracle score", "HIGHER_IS_MORE_OOD",
          Double.parseDouble(r.get("ref_auroc")), Double.parseDouble(r.get("ref_swapped_aupr")),
          Double.parseDouble(r.get("ref_aupr")), Double.parseDouble(r.get("ref_fpr95")), "OOD", "CLOSEST_RECALL",
          Double.parseDouble(r.get("detection_error_min_half_fnr_half_fpr")), Integer.parseInt(r.get("n_neg")),
          Integer.parseInt(r.get("n_pos"))));
    }
    ResultTable t = OodTable.of("OOD oracle cases", rows, "hendrycks get_measures, full sets");
    assertEquals(List.of("idSet", "oodSet", "score", "auroc", "auprIn", "auprOut", "fpr95", "detectionError",
        "scoreOrientation", "fpr95Positive", "fpr95Rule", "nId", "nOod"), new ArrayList<>(t.schema().keySet()));
    assertEquals(ColumnType.INTEGER, t.schema().get("nOod"));
    Table tt = t.table();
    int i = tt.stringColumn("oodSet").indexOf("ties_int");
    assertEquals(0.618, tt.doubleColumn("auroc").getDouble(i));
    assertEquals(0.8428571428571429, tt.doubleColumn("fpr95").getDouble(i));
    assertTrue(t.conventions().get("auprOut").contains("OOD set is the positive class"));
    roundTrips(t, dir.resolve("ood.csv"));
    roundTrips(ResultTableFixtures.ood(), dir.resolve("ood5.csv"));
  }

  @Test
  void oodTableFromMetricsResultsOnTheOracleArrays() {
    Map<String, List<OodDetectionResult>> byOod = new LinkedHashMap<>();
    Map<String, CSVRecord> oracle = new LinkedHashMap<>();
    RealResults.csv("oracles/metrics/ood/ood_measures.csv").forEach(r -> oracle.put(r.get("case"), r));
    for (String c : List.of("ties_int", "imbalanced_few_pos", "recall_equidistant")) {
      // the oracle's positives are OOD with higher = more OOD
      Scores ood = Scores.higherIsOod("oracle", RealResults.column("oracles/metrics/ood/cases/" + c + "_pos.csv"));
      Scores id = Scores.higherIsOod("oracle", RealResults.column("oracles/metrics/ood/cases/" + c + "_neg.csv"));
      byOod.put(c, List.of(Metrics.ood(id, ood, OodConvention.HENDRYCKS), Metrics.ood(id, ood)));
    }
    ResultTable t = OodTable.of("OOD from metrics", "id", byOod);
    Table tt = t.table();
    assertEquals(6, tt.rowCount());
    for (int r = 0; r < tt.rowCount(); r++) {
      CSVRecord o = oracle.get(tt.stringColumn("oodSet").get(r));
      assertEquals(Double.parseDouble(o.get("ref_auroc")), tt.doubleColumn("auroc").getDouble(r), 1e-12);
      assertEquals(Double.parseDouble(o.get("ref_aupr")), tt.doubleColumn("auprOut").getDouble(r), 1e-12);
      assertEquals(Double.parseDouble(o.get("ref_swapped_aupr")), tt.doubleColumn("auprIn").getDouble(r), 1e-12);
      assertEquals("OOD", tt.stringColumn("fpr95Positive").get(r));
      String fprColumn = r % 2 == 0 ? "ref_fpr95" : "fpr_at_first_tpr_ge_95_roc_curve";
      assertEquals(r % 2 == 0 ? "CLOSEST_RECALL" : "FIRST_TPR_AT_LEAST", tt.stringColumn("fpr95Rule").get(r));
      assertEquals(Double.parseDouble(o.get(fprColumn)), tt.doubleColumn("fpr95").getDouble(r), 1e-15);
      assertEquals("HIGHER_IS_MORE_OOD", tt.stringColumn("scoreOrientation").get(r));
    }
    assertTrue(t.conventions().get("protocol").length() > 0);
    roundTrips(t, dir.resolve("oodm.csv"));
  }

  @Test
  void corruptionTableFromTheMceOracle() {
    CSVRecord res = RealResults.csv("oracles/metrics/mce/mce_results.csv").get(0);
    Map<String, double[]> errors = new LinkedHashMap<>();
    Map<String, Double> ce = new LinkedHashMap<>();
    Map<String, Double> rel = new LinkedHashMap<>();
    for (CSVRecord r : RealResults.csv("oracles/metrics/mce/model_errors.csv")) {
      if (r.get("model").equals(res.get("model"))) {
        double[] e = new double[5];
        for (int s = 0; s < 5; s++) {
          e[s] = Double.parseDouble(r.get("s" + (s + 1)));
        }
        errors.put(r.get("corruption"), e);
        ce.put(r.get("corruption"), Double.parseDouble(res.get("CE_" + r.get("corruption"))));
        rel.put(r.get("corruption"), Double.parseDouble(res.get("relCE_" + r.get("corruption"))));
      }
    }
    CorruptionTable.Grid g = new CorruptionTable.Grid(res.get("model"), Double.parseDouble(res.get("clean_error")),
        errors, ce, rel, Double.parseDouble(res.get("mCE_15")), Double.parseDouble(res.get("relative_mCE_15")),
        "AlexNet, clean error 0.43478");
    ResultTable t = CorruptionTable.of("ImageNet-C errors, " + g.model(), g, "ImageNet-C, released JPEGs");
    assertEquals(19, t.rowCount());
    assertEquals(List.of("corruption", "s1", "s2", "s3", "s4", "s5", "meanError", "CE", "relativeCE"),
        new ArrayList<>(t.schema().keySet()));
    assertEquals(res.get("mCE_15"), t.conventions().get("mCE"));
    assertEquals(res.get("relative_mCE_15"), t.conventions().get("relativeMce"));
    assertTrue(t.toString().contains("mCE: " + res.get("mCE_15")), t.toString());
    assertEquals(ce.get("gaussian_noise"), t.table().doubleColumn("CE").getDouble(0));
    roundTrips(t, dir.resolve("c.csv"));
    assertThrows(IllegalArgumentException.class, () -> CorruptionTable.of("bad", new CorruptionTable.Grid("m", 0.1,
        Map.of("fog", new double[4]), Map.of(), Map.of(), 0, 0, "x"), "p"));
  }

  @Test
  void perturbationTableFromTheMfrExample() {
    List<PerturbationTable.Row> rows = new ArrayList<>();
    double mfr = Double.NaN;
    double mt5d = Double.NaN;
    for (CSVRecord r : RealResults.csv("oracles/metrics/imagenet_p/mfr_mt5d_example.csv")) {
      if (r.get("perturbation").equals("MEAN")) {
        mfr = Double.parseDouble(r.get("FR"));
        mt5d = Double.parseDouble(r.get("T5D_ratio"));
      } else {
        rows.add(new PerturbationTable.Row(r.get("perturbation"), Double.parseDouble(r.get("model_FP")),
            Double.parseDouble(r.get("FR")), Double.parseDouble(r.get("model_T5D")),
            Double.parseDouble(r.get("T5D_ratio"))));
      }
    }
    ResultTable t = PerturbationTable.of("ImageNet-P", "example model", rows, mfr, mt5d,
        "made-up AlexNet normalisers (oracle example)", "ImageNet-P, difficulty 1");
    assertEquals(10, t.rowCount());
    assertEquals("0.4733364136542756", t.conventions().get("mFR"));
    assertEquals(List.of("perturbation", "FP", "FR", "T5D", "T5Dratio"), new ArrayList<>(t.schema().keySet()));
    roundTrips(t, dir.resolve("p.csv"));
  }

  private static double num(String s) {
    return s.isEmpty() || s.startsWith("ERROR") ? Double.NaN : Double.parseDouble(s);
  }

  @Test
  void perturbationTableFromMetricsResults() {
    List<CSVRecord> lr = RealResults.csv("oracles/metrics/imagenet_p/logits_K1000.csv");
    double[][][] logits = new double[5][11][];
    for (CSVRecord r : lr) {
      double[] z = new double[1000];
      for (int k = 0; k < 1000; k++) {
        z[k] = Double.parseDouble(r.get("c" + k));
      }
      logits[Integer.parseInt(r.get("video"))][Integer.parseInt(r.get("frame"))] = z;
    }
    PerturbationResult noise = Perturbations.evaluate("gaussian_noise", logits, 1);
    PerturbationResult tilt = Perturbations.evaluate("tilt", logits, 1);
    CSVRecord oracle = RealResults.csv("oracles/metrics/imagenet_p/p_metrics.csv").stream()
        .filter(r -> r.get("num_classes").equals("1000") && r.get("noise_perturbation").equals("1")).findFirst()
        .orElseThrow();
    assertEquals(Double.parseDouble(oracle.get("flip_prob")), noise.flipProbability(), 1e-12);
    Map<String, Double> fp = new LinkedHashMap<>();
    Map<String, Double> fpAlex = new LinkedHashMap<>();
    Map<String, Double> t5 = new LinkedHashMap<>();
    Map<String, Double> t5Alex = new LinkedHashMap<>();
    double exampleMfr = Double.NaN;
    for (CSVRecord r : RealResults.csv("oracles/metrics/imagenet_p/mfr_mt5d_example.csv")) {
      if (r.get("perturbation").equals("MEAN")) {
        exampleMfr = Double.parseDouble(r.get("FR"));
        continue;
      }
      fp.put(r.get("perturbation"), Double.parseDouble(r.get("model_FP")));
      fpAlex.put(r.get("perturbation"), Double.parseDouble(r.get("alexnet_FP_madeup")));
      t5.put(r.get("perturbation"), Double.parseDouble(r.get("model_T5D")));
      t5Alex.put(r.get("perturbation"), Double.parseDouble(r.get("alexnet_T5D_madeup")));
    }
    NormalisedMean mfr = Perturbations.normalisedMean("mFR", fp, fpAlex);
    NormalisedMean mt5d = Perturbations.normalisedMean("mT5D", t5, t5Alex);
    assertEquals(exampleMfr, mfr.value(), 1e-12);
    ResultTable t = PerturbationTable.of("ImageNet-P (metrics)", "oracle logits", List.of(noise, tilt), mfr, mt5d,
        "ImageNet-P");
    assertEquals(2, t.rowCount());
    assertEquals(noise.flipProbability(), t.table().doubleColumn("FP").getDouble(0));
    assertEquals(mfr.ratios().get("tilt"), t.table().doubleColumn("FR").getDouble(1));
    assertEquals(Double.toString(mfr.value()), t.conventions().get("mFR"));
    assertTrue(t.conventions().get("protocol").contains("gaussian_noise: AGAINST_FIRST_FRAME"),
        t.conventions().get("protocol"));
    roundTrips(t, dir.resolve("pm.csv"));
  }

  @Test
  void calibrationTableFromTheCalibrationOracle() {
    List<CalibrationTable.Row> rows = new ArrayList<>();
    for (CSVRecord r : RealResults.csv("oracles/metrics/calibration/calibration_measures.csv")) {
      if (r.get("ref_aurra").startsWith("ERROR") || r.get("nonref_ece_equal_width_15").startsWith("ERROR")) {
        continue;
      }
      rows.add(new CalibrationTable.Row("oracle", r.get("case"), Integer.parseInt(r.get("n")), Double.NaN,
          Double.parseDouble(r.get("nonref_ece_equal_width_15")), 15,
          num(r.get("nonref_rms_all_bins_included")), num(r.get("nonref_mad_all_bins_included")), Double.NaN, Double.NaN, Double.NaN,
          Double.parseDouble(r.get("ref_aurra")), Double.NaN));
    }
    assertTrue(rows.size() >= 5, "calibration oracle rows: " + rows.size());
    ResultTable t = CalibrationTable.of("Calibration oracle cases", rows, "adaptive bins of 100, all bins");
    assertEquals(rows.size(), t.rowCount());
    assertEquals(ColumnType.INTEGER, t.schema().get("eceBins"));
    assertTrue(t.conventions().containsKey("aurc"));
    roundTrips(t, dir.resolve("cal.csv"));
  }

  @Test
  void calibrationRowsComputedByTheMetricsPackageMatchTheOracle() {
    CSVRecord o = RealResults.csv("oracles/metrics/calibration/calibration_measures.csv").stream()
        .filter(r -> r.get("case").equals("n1000_overconfident")).findFirst().orElseThrow();
    List<CSVRecord> rows = RealResults.csv("oracles/metrics/calibration/cases/n1000_overconfident.csv");
    double[] conf = new double[rows.size()];
    boolean[] correct = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      conf[i] = Double.parseDouble(rows.get(i).get("confidence"));
      correct[i] = rows.get(i).get("correct").equals("1");
    }
    CalibrationTable.Row all = CalibrationTable.row("m", "d", conf, correct, 15, AdaptiveBinning.DEFAULT);
    assertEquals(Double.parseDouble(o.get("nonref_ece_equal_width_15")), all.ece(), 1e-12);
    assertEquals(Double.parseDouble(o.get("nonref_rms_all_bins_included")), all.rmsCalibrationError(), 1e-12);
    assertEquals(Double.parseDouble(o.get("nonref_mad_all_bins_included")), all.madCalibrationError(), 1e-12);
    assertEquals(Double.parseDouble(o.get("ref_aurra")), all.aurra(), 1e-12);
    assertEquals(1 - all.aurra(), all.aurc(), 1e-12);
    assertTrue(Double.isNaN(all.nll()));
    CalibrationTable.Row legacy = CalibrationTable.row("m", "d", conf, correct, 15, AdaptiveBinning.LEGACY);
    assertEquals(Double.parseDouble(o.get("ref_rms_calib_err")), legacy.rmsCalibrationError(), 1e-12);
    assertEquals(Double.parseDouble(o.get("ref_max_calib_err")), legacy.maxCalibrationError(), 1e-12);

    double[][] logits = RealResults.matrix("oracles/metrics/ood_scores/val_logits.csv");
    int[] labels = new int[logits.length];
    for (int i = 0; i < logits.length; i++) {
      labels[i] = i % 10;
    }
    CalibrationTable.Row fromLogits = CalibrationTable.row("m", "val_logits", logits, labels, 15,
        AdaptiveBinning.DEFAULT);
    assertEquals(400, fromLogits.n());
    assertTrue(Double.isFinite(fromLogits.nll()) && fromLogits.nll() > 0);
    assertTrue(fromLogits.brier() >= 0 && fromLogits.brier() <= 2);
    roundTrips(CalibrationTable.of("computed", List.of(all, legacy, fromLogits), "15 equal-width; adaptive 100"),
        dir.resolve("calc.csv"));
  }

  @Test
  void effectiveRobustnessTableFromTheTestbed() {
    ChartsFromResultsTest.TestbedFit f = ChartsFromResultsTest.testbedFit();
    ResultTable t = EffectiveRobustnessTable.of("Effective robustness on ImageNetV2", f.table(), f.fit(), 50_000,
        10_000, 0.005);
    assertEquals(f.rows().size(), t.rowCount());
    assertEquals(ColumnType.BOOLEAN, t.schema().get("baseline"));
    assertTrue(t.conventions().get("fit").startsWith("logit(ood) = "), t.conventions().toString());
    Table tt = t.table();
    for (int r = 0; r < tt.rowCount(); r++) {
      assertEquals(tt.doubleColumn("oodAccuracy").getDouble(r) - tt.doubleColumn("predictedOodAccuracy").getDouble(r),
          tt.doubleColumn("effectiveRobustness").getDouble(r), 1e-15);
      assertTrue(tt.doubleColumn("oodLow").getDouble(r) <= tt.doubleColumn("oodAccuracy").getDouble(r));
      assertTrue(tt.doubleColumn("idHigh").getDouble(r) >= tt.doubleColumn("idAccuracy").getDouble(r));
    }
    roundTrips(t, dir.resolve("er.csv"));
  }
}
