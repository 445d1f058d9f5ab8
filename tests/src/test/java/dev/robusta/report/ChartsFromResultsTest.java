package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.Metrics;
import dev.robusta.metrics.AccuracyTable;
import dev.robusta.metrics.AccuracyTransform;
import dev.robusta.metrics.ClopperPearson;
import dev.robusta.metrics.CorruptionErrors;
import dev.robusta.metrics.CorruptionMetrics;
import dev.robusta.metrics.CorruptionResult;
import dev.robusta.metrics.EffectiveRobustness;
import dev.robusta.metrics.FitBand;
import dev.robusta.metrics.Interval;
import dev.robusta.metrics.ResultTables;
import dev.robusta.metrics.RobustnessFit;
import dev.robusta.testing.Shared;
import dev.robusta.metrics.ReliabilityDiagram;
import dev.robusta.metrics.RiskCoverageCurve;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Every figure type, drawn from real results and oracle arrays; the assertions read the Plotly JSON. */
class ChartsFromResultsTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static JsonNode json(Chart c) throws Exception {
    return M.readTree(c.json());
  }

  private static List<String> names(JsonNode fig) {
    List<String> n = new ArrayList<>();
    fig.get("data").forEach(t -> n.add(t.get("name").asText()));
    return n;
  }

  private static JsonNode trace(JsonNode fig, String nameStart) {
    for (JsonNode t : fig.get("data")) {
      if (t.get("name").asText().startsWith(nameStart)) {
        return t;
      }
    }
    throw new AssertionError("no trace named " + nameStart + "... in " + names(fig));
  }

  private static String axisTitle(JsonNode fig, String axis) {
    return fig.get("layout").get(axis).get("title").get("text").asText();
  }

  @Test
  void rocAndPrCurvesForSeveralScoresFromOracleArrays() throws Exception {
    Map<String, Double> auroc = new LinkedHashMap<>();
    Map<String, Double> auprOut = new LinkedHashMap<>();
    for (CSVRecord r : RealResults.csv("oracles/metrics/ood/ood_measures.csv")) {
      auroc.put(r.get("case"), r.get("ref_auroc").isEmpty() ? Double.NaN : Double.parseDouble(r.get("ref_auroc")));
      auprOut.put(r.get("case"), r.get("ref_aupr").isEmpty() ? Double.NaN : Double.parseDouble(r.get("ref_aupr")));
    }
    Map<String, Curve> curves = new LinkedHashMap<>();
    Map<String, Curve> prCurves = new LinkedHashMap<>();
    for (String c : List.of("ties_int", "imbalanced_few_neg", "n10")) {
      double[] pos = RealResults.column("oracles/metrics/ood/cases/" + c + "_pos.csv");
      double[] neg = RealResults.column("oracles/metrics/ood/cases/" + c + "_neg.csv");
      curves.put(c, RealResults.roc(pos, neg, auroc.get(c)));
      prCurves.put(c, RealResults.pr(pos, neg, auprOut.get(c)));
    }
    JsonNode roc = json(OodCharts.roc("ROC curves", curves, "OOD positive"));
    assertEquals(List.of("ties_int (AUROC 0.6180)", "imbalanced_few_neg (AUROC " + String.format("%.4f",
        auroc.get("imbalanced_few_neg")) + ")", "n10 (AUROC " + String.format("%.4f", auroc.get("n10")) + ")", "chance"),
        names(roc));
    assertEquals("False positive rate (OOD positive)", axisTitle(roc, "xaxis"));
    assertEquals("True positive rate (OOD positive)", axisTitle(roc, "yaxis"));
    assertEquals("ROC curves", roc.get("layout").get("title").get("text").asText());
    JsonNode t = trace(roc, "ties_int");
    assertEquals(curves.get("ties_int").x().length, t.get("x").size());
    assertEquals(1.0, t.get("x").get(t.get("x").size() - 1).asDouble());
    assertEquals("lines", t.get("mode").asText());

    JsonNode pr = json(OodCharts.pr("PR curves", prCurves, "OOD positive (AUPR-Out)", 0.4));
    assertEquals(String.format("ties_int (AUPR %.4f)", auprOut.get("ties_int")), names(pr).get(0));
    assertEquals(0.0, trace(pr, "ties_int").get("x").get(0).asDouble());
    assertEquals("Recall (OOD positive (AUPR-Out))", axisTitle(pr, "xaxis"));
    assertEquals("Precision (OOD positive (AUPR-Out))", axisTitle(pr, "yaxis"));
    assertEquals(0.4, trace(pr, "random detector").get("y").get(0).asDouble());
  }

  @Test
  void idVsOodScoreHistogramsFromOracleArrays() throws Exception {
    double[] id = RealResults.column("oracles/metrics/ood/cases/imbalanced_few_neg_pos.csv");
    double[] ood = RealResults.column("oracles/metrics/ood/cases/imbalanced_few_neg_neg.csv");
    JsonNode h = json(OodCharts.scoreHistograms("MSP on ID and OOD", "MSP (higher = more ID)", "cifar10", id,
        "svhn", ood, 30));
    assertEquals(List.of("cifar10 (ID, n=" + id.length + ")", "svhn (OOD, n=" + ood.length + ")"), names(h));
    for (JsonNode t : h.get("data")) {
      assertEquals("histogram", t.get("type").asText());
      assertEquals("probability density", t.get("histnorm").asText());
    }
    assertEquals(id.length, h.get("data").get(0).get("x").size());
    assertEquals("overlay", h.get("layout").get("barmode").asText());
    assertEquals("MSP (higher = more ID)", axisTitle(h, "xaxis"));
    assertEquals("Density", axisTitle(h, "yaxis"));
    assertThrows(IllegalArgumentException.class,
        () -> OodCharts.scoreHistograms("x", "s", "a", new double[0], "b", ood, 10));
  }

  @Test
  void reliabilityDiagramWithConfidenceHistogramFromOracleArrays() throws Exception {
    List<CSVRecord> rows = RealResults.csv("oracles/metrics/calibration/cases/n1000_overconfident.csv");
    double[] confidence = new double[rows.size()];
    boolean[] correct = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      confidence[i] = Double.parseDouble(rows.get(i).get("confidence"));
      correct[i] = rows.get(i).get("correct").equals("1");
    }
    ReliabilityDiagram d = Metrics.reliability(confidence, correct);
    // the oracle's equal-width 15-bin ECE for this case
    assertEquals(0.10796007354808115, d.ece(), 1e-12);
    JsonNode f = json(CalibrationCharts.reliability("Reliability", d));
    assertEquals("Reliability (ECE 0.1080)", f.get("layout").get("title").get("text").asText());
    assertEquals(List.of("accuracy per bin", "mean confidence per bin", "perfect calibration", "samples per bin"),
        names(f));
    assertEquals("Confidence (max softmax probability)", axisTitle(f, "xaxis"));
    assertEquals("Accuracy", axisTitle(f, "yaxis"));
    assertEquals("Samples", axisTitle(f, "yaxis2"));
    assertEquals("[0.0,0.22]", f.get("layout").get("yaxis2").get("domain").toString(), "histogram panel below");
    JsonNode hist = trace(f, "samples per bin");
    assertEquals("bar", hist.get("type").asText());
    assertEquals("y2", hist.get("yaxis").asText());
    assertEquals(15, hist.get("y").size());
    double total = 0;
    for (JsonNode v : hist.get("y")) {
      total += v.asDouble();
    }
    assertEquals(rows.size(), total);
    JsonNode acc = trace(f, "accuracy per bin");
    for (int b = 0; b < 15; b++) {
      if (d.count()[b] == 0) {
        assertTrue(acc.get("y").get(b).isNull(), "an empty bin is a gap, never a NaN token");
      } else {
        assertEquals(d.accuracy()[b], acc.get("y").get(b).asDouble());
      }
    }
  }

  @Test
  void riskCoverageCurvesFromOracleArrays() throws Exception {
    Map<String, RiskCoverageCurve> curves = new LinkedHashMap<>();
    for (String c : List.of("n1000_overconfident", "n1000_calibrated")) {
      List<CSVRecord> rows = RealResults.csv("oracles/metrics/calibration/cases/" + c + ".csv");
      double[] confidence = new double[rows.size()];
      boolean[] correct = new boolean[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        confidence[i] = Double.parseDouble(rows.get(i).get("confidence"));
        correct[i] = rows.get(i).get("correct").equals("1");
      }
      curves.put(c, Metrics.riskCoverage(confidence, correct));
    }
    JsonNode f = json(CalibrationCharts.riskCoverage("Selective prediction", curves));
    assertEquals(2, f.get("data").size());
    assertEquals(String.format("n1000_overconfident (AURC %.4f)", curves.get("n1000_overconfident").aurc()),
        names(f).get(0));
    assertEquals(1000, f.get("data").get(0).get("x").size());
    assertEquals("Risk (error rate among accepted)", axisTitle(f, "yaxis"));
    assertTrue(axisTitle(f, "xaxis").startsWith("Coverage"));
  }

  /** The oracle model's errors with CE / mCE computed by the metrics package (checked against the oracle). */
  static CorruptionTable.Grid oracleGrid(String model) {
    CorruptionErrors.Builder b = CorruptionErrors.builder(model);
    for (CSVRecord r : RealResults.csv("oracles/metrics/mce/model_errors.csv")) {
      if (r.get("model").equals(model)) {
        b.clean(Double.parseDouble(r.get("clean_error")));
        double[] e = new double[5];
        for (int s = 0; s < 5; s++) {
          e[s] = Double.parseDouble(r.get("s" + (s + 1)));
        }
        b.add(r.get("corruption"), e);
      }
    }
    CorruptionErrors errors = b.build();
    CorruptionResult result = CorruptionMetrics.mce(errors);
    CSVRecord res = RealResults.csv("oracles/metrics/mce/mce_results.csv").stream()
        .filter(r -> r.get("model").equals(model)).findFirst().orElseThrow();
    assertEquals(Double.parseDouble(res.get("mCE_15")), result.mce(), 1e-12);
    assertEquals(Double.parseDouble(res.get("relative_mCE_15")), result.relativeMce(), 1e-12);
    return CorruptionTable.Grid.of(errors, result);
  }

  @Test
  void corruptionHeatmapSeverityCurvesAndMceBarsFromOracleResults() throws Exception {
    CorruptionTable.Grid a = oracleGrid("modelA");
    CorruptionTable.Grid b = oracleGrid("modelB");
    assertEquals(19, a.errors().size());

    JsonNode heat = json(CorruptionCharts.heatmap("ImageNet-C top-1 error", a));
    JsonNode h = heat.get("data").get(0);
    assertEquals("heatmap", h.get("type").asText());
    assertEquals(19, h.get("z").size());
    assertEquals(5, h.get("z").get(0).size());
    assertEquals(a.errors().get("gaussian_noise")[2], h.get("z").get(0).get(2).asDouble());
    assertEquals("gaussian_noise", h.get("y").get(0).asText());
    assertEquals("Severity", axisTitle(heat, "xaxis"));
    assertEquals("Corruption", axisTitle(heat, "yaxis"));
    assertEquals("top-1 error", h.get("colorbar").get("title").get("text").asText());

    Map<String, CorruptionTable.Grid> grids = new LinkedHashMap<>();
    grids.put("modelA", a);
    grids.put("modelB", b);
    JsonNode curves = json(CorruptionCharts.severityCurves("Accuracy by severity", grids));
    assertEquals(List.of("modelA", "modelB"), names(curves));
    assertEquals(1 - 0.2385, trace(curves, "modelA").get("y").get(0).asDouble(), 1e-12);
    assertEquals(6, trace(curves, "modelB").get("x").size());
    assertEquals("Severity (0 = clean)", axisTitle(curves, "xaxis"));
    assertEquals("Top-1 accuracy", axisTitle(curves, "yaxis"));
    JsonNode byC = json(CorruptionCharts.severityCurvesByCorruption("modelA by corruption", a));
    assertEquals(19, byC.get("data").size());

    JsonNode bars = json(CorruptionCharts.mceBars("Corruption error vs AlexNet", a));
    assertTrue(bars.get("layout").get("title").get("text").asText().contains(String.format("mCE %.1f%%",
        100 * a.mce())));
    JsonNode bar = trace(bars, "modelA");
    assertEquals("bar", bar.get("type").asText());
    assertEquals(15, bar.get("x").size(), "CE bars for the 15 benchmark corruptions");
    assertEquals(100 * a.ce().get("fog"), bar.get("y").get(9).asDouble(), 1e-12);
    assertEquals("fog", bar.get("x").get(9).asText());
    JsonNode alex = trace(bars, "AlexNet");
    assertEquals(100.0, alex.get("y").get(0).asDouble());
    assertEquals(bar.get("x"), alex.get("x"), "the AlexNet line runs over the same categories (no extra ticks)");
    assertEquals("Corruption error CE (% of AlexNet)", axisTitle(bars, "yaxis"));
  }

  @Test
  void corruptionHeatmapFromTheTestbed() throws Exception {
    Map<String, Double> r50 = RealResults.testbed().get("resnet50");
    Map<String, double[]> errors = new LinkedHashMap<>();
    r50.forEach((k, v) -> {
      if (k.startsWith("imagenet-c.") && k.endsWith("_on-disk")) {
        String[] parts = k.substring("imagenet-c.".length(), k.length() - "_on-disk".length()).split("\\.");
        errors.computeIfAbsent(parts[0], x -> new double[5])[Integer.parseInt(parts[1]) - 1] = 1 - v / 100;
      }
    });
    assertTrue(errors.size() >= 15, "testbed corruptions for resnet50: " + errors.keySet());
    CorruptionTable.Grid g = new CorruptionTable.Grid("resnet50", 1 - r50.get("val") / 100, errors, Map.of(),
        Map.of(), Double.NaN, Double.NaN, "not normalised");
    JsonNode heat = json(CorruptionCharts.heatmap("resnet50 on ImageNet-C (testbed)", g));
    assertEquals(errors.size(), heat.get("data").get(0).get("z").size());
    assertThrows(IllegalArgumentException.class, () -> CorruptionCharts.mceBars("no CE", g));
  }

  @Test
  void flipProbabilityCurvesFromOraclePredictions() throws Exception {
    List<CSVRecord> rows = RealResults.csv("oracles/metrics/imagenet_p/predictions_K10.csv");
    int[][] preds = new int[rows.size()][];
    for (int v = 0; v < rows.size(); v++) {
      preds[v] = new int[rows.get(v).size() - 1];
      for (int f = 0; f < preds[v].length; f++) {
        preds[v][f] = Integer.parseInt(rows.get(v).get("f" + f));
      }
    }
    double[] noise = PerturbationCharts.flipCurve(preds, true);
    double[] consecutive = PerturbationCharts.flipCurve(preds, false);
    assertEquals(30, noise.length);
    // video 3 never flips, video 0 flips at frames 2 and 14 only: frame 1 compares f1 with f0
    int flipsAtFrame1 = 0;
    for (int[] p : preds) {
      flipsAtFrame1 += p[1] != p[0] ? 1 : 0;
    }
    assertEquals(flipsAtFrame1 / 6.0, noise[0]);
    assertEquals(noise[0], consecutive[0]);
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("gaussian_noise (vs first frame)", noise);
    curves.put("translate (consecutive frames)", consecutive);
    JsonNode f = json(PerturbationCharts.flipCurves("Flip probability over frames", curves));
    assertEquals(List.of("gaussian_noise (vs first frame)", "translate (consecutive frames)"), names(f));
    assertEquals(1.0, f.get("data").get(0).get("x").get(0).asDouble());
    assertEquals("Frame", axisTitle(f, "xaxis"));
    assertEquals("Flip probability", axisTitle(f, "yaxis"));
    assertThrows(IllegalArgumentException.class, () -> PerturbationCharts.flipCurve(new int[][] {{1, 2}, {1}}, true));
  }

  /** The testbed's val vs ImageNetV2 fit, band and rows, all from the metrics package. */
  record TestbedFit(AccuracyTable table, RobustnessFit fit, FitBand band, List<EffectiveRobustnessTable.Row> rows) {}

  static TestbedFit testbedFit() {
    AccuracyTable tb = ResultTables.readTestbed(Shared.path("data/results/imagenet-testbed/robustness_top1s.csv"));
    List<String> both = new ArrayList<>();
    for (String m : tb.models()) {
      if (tb.accuracy(m, "val").isPresent() && tb.accuracy(m, "imagenetv2-matched-frequency").isPresent()) {
        both.add(m);
      }
    }
    RobustnessFit fit = EffectiveRobustness.fit(tb, "val", "imagenetv2-matched-frequency", both,
        AccuracyTransform.LOGIT);
    double[] grid = new double[40];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = 50 + 45.0 * i / (grid.length - 1);
    }
    FitBand band = EffectiveRobustness.bootstrapBand(tb, fit, grid, 200, 0, 0.95);
    return new TestbedFit(tb, fit, band, EffectiveRobustnessTable.rows(tb, fit, 50_000, 10_000, 0.005));
  }

  @Test
  void effectiveRobustnessScatterFromTheTestbed() throws Exception {
    TestbedFit t = testbedFit();
    List<EffectiveRobustnessTable.Row> rows = t.rows();
    assertTrue(rows.size() > 150, "models with val and V2: " + rows.size());
    JsonNode f = json(EffectiveRobustnessChart.scatter("Effective robustness, ImageNetV2", "ImageNet val",
        "ImageNetV2 matched-frequency", rows, EffectiveRobustnessChart.Fit.of(t.fit(), t.band())));
    List<String> n = names(f);
    assertEquals("95% bootstrap band of the fit (lower)", n.get(0));
    assertEquals("95% bootstrap band of the fit", n.get(1));
    assertEquals(String.format("baseline fit: logit(ood) = %.3f logit(id) %+.3f", t.fit().slope(),
        t.fit().intercept()), n.get(2));
    assertEquals("y = x", n.get(3));
    assertEquals("baseline models (n=" + rows.size() + ")", n.get(4));
    assertEquals("ID top-1 accuracy, ImageNet val (logit scale)", axisTitle(f, "xaxis"));
    assertEquals("OOD top-1 accuracy, ImageNetV2 matched-frequency (logit scale)", axisTitle(f, "yaxis"));
    JsonNode pts = f.get("data").get(4);
    assertEquals(rows.size(), pts.get("x").size());
    assertEquals(RealResults.logit(rows.get(0).idAccuracy()), pts.get("x").get(0).asDouble(), 1e-12);
    assertEquals(rows.size(), pts.get("error_y").get("array").size());
    assertEquals(rows.size(), pts.get("error_x").get("arrayminus").size());
    // Clopper-Pearson bar (alpha 0.005) of the first model, in logit units
    Interval ci = ClopperPearson.forAccuracy(rows.get(0).oodAccuracy(), 10_000, 0.995);
    assertEquals(RealResults.logit(ci.upper()) - RealResults.logit(rows.get(0).oodAccuracy()),
        pts.get("error_y").get("array").get(0).asDouble(), 1e-12);
    // the band drawn is the metrics package's band
    assertEquals(RealResults.logit(t.band().upper()[3] / 100), f.get("data").get(1).get("y").get(3).asDouble(), 1e-12);
    assertEquals("tonexty", f.get("data").get(1).get("fill").asText());
    JsonNode ticks = f.get("layout").get("xaxis").get("ticktext");
    List<String> tt = new ArrayList<>();
    ticks.forEach(x -> tt.add(x.asText()));
    assertTrue(tt.contains("70%"), tt.toString());
    assertEquals(RealResults.logit(0.7), f.get("layout").get("xaxis").get("tickvals").get(tt.indexOf("70%")).asDouble(),
        1e-12);
    // per-model effective robustness agrees with the metrics package (points vs fractions)
    Map<String, Double> er = EffectiveRobustness.perModel(t.table(), t.fit());
    for (EffectiveRobustnessTable.Row r : rows) {
      assertEquals(er.get(r.model()) / 100, r.effectiveRobustness(), 1e-12, r.model());
    }
  }

  @Test
  void effectiveRobustnessScatterFromTimmCsvs() throws Exception {
    AccuracyTable timm = ResultTables.readTimm(Shared.path("data/results/timm/results-imagenet.csv"), "imagenet")
        .join(ResultTables.readTimm(Shared.path("data/results/timm/results-imagenet-a.csv"), "imagenet-a"));
    Map<String, String> pretrain = new LinkedHashMap<>();
    RealResults.csv("data/results/timm/model_metadata-in1k.csv").forEach(r -> pretrain.put(r.get("model"),
        r.get("pretrain")));
    List<String> baseline = new ArrayList<>();
    for (String m : timm.models()) {
      String arch = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
      boolean usable = timm.accuracy(m, "imagenet-a").orElse(0) > 0 && timm.accuracy(m, "imagenet").orElse(100) < 100;
      if (usable && ("in1k".equals(pretrain.get(arch)) || "in1k".equals(pretrain.get(m)))) {
        baseline.add(m);
      }
    }
    assertTrue(baseline.size() > 50, "in1k-only timm models: " + baseline.size());
    RobustnessFit fit = EffectiveRobustness.fit(timm, "imagenet", "imagenet-a", baseline, AccuracyTransform.LOGIT);
    FitBand band = EffectiveRobustness.bootstrapBand(timm, fit, new double[] {60, 70, 80, 85, 90}, 100, 1, 0.95);
    List<EffectiveRobustnessTable.Row> rows = new ArrayList<>(EffectiveRobustnessTable.rows(timm, fit, 50_000,
        7_500, 0.005));
    rows.removeIf(r -> r.oodAccuracy() <= 0 || r.idAccuracy() >= 1);
    JsonNode f = json(EffectiveRobustnessChart.scatter("timm: ImageNet-A vs ImageNet", "ImageNet", "ImageNet-A",
        rows, EffectiveRobustnessChart.Fit.of(fit, band)));
    List<String> n = names(f);
    assertEquals("baseline models (n=" + baseline.size() + ")", n.get(4), n.toString());
    assertTrue(n.get(5).startsWith("other models (n="), n.toString());
    assertTrue(f.get("data").get(5).get("text").get(0).asText().contains("effective robustness"));
  }

  @Test
  void probitAxesFollowTheFitTransform() throws Exception {
    TestbedFit t = testbedFit();
    RobustnessFit probit = EffectiveRobustness.fit(t.table(), "val", "imagenetv2-matched-frequency",
        t.fit().baselineModels(), AccuracyTransform.PROBIT);
    FitBand band = EffectiveRobustness.bootstrapBand(t.table(), probit, new double[] {60, 80}, 50, 0, 0.95);
    JsonNode f = json(EffectiveRobustnessChart.scatter("probit", "val", "v2",
        EffectiveRobustnessTable.rows(t.table(), probit, 50_000, 10_000, 0.005),
        EffectiveRobustnessChart.Fit.of(probit, band)));
    assertEquals("ID top-1 accuracy, val (probit scale)", axisTitle(f, "xaxis"));
    assertTrue(names(f).get(2).startsWith("baseline fit: probit(ood) = "));
    assertEquals(AccuracyTransform.PROBIT.apply(t.rows().get(0).idAccuracy() * 100),
        f.get("data").get(4).get("x").get(0).asDouble(), 1e-12);
  }
}
