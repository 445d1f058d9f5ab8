package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Metrics;
import dev.robusta.data.Image;
import dev.robusta.metrics.OodConvention;
import dev.robusta.metrics.OodDetectionResult;
import dev.robusta.metrics.Scores;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A report with a table or figure of every kind, from real results, written to
 * {@code tests/target/report-demo/report.html} (kept for inspection) and opened by chromium with networking
 * off: every plot is drawn with its title.
 */
class FullReportTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyFigureKindIsDrawnInTheReport() throws Exception {
    Chromium.require();
    List<Object> items = new ArrayList<>();
    List<String> expectedTitles = new ArrayList<>();

    // OOD: metrics results on oracle arrays, their table, ROC / PR / histograms
    Map<String, List<OodDetectionResult>> byOod = new LinkedHashMap<>();
    Map<String, Curve> roc = new LinkedHashMap<>();
    Map<String, Curve> prc = new LinkedHashMap<>();
    double[] idScores = null;
    double[] oodScores = null;
    for (String c : List.of("ties_int", "imbalanced_few_neg")) {
      double[] pos = RealResults.column("oracles/metrics/ood/cases/" + c + "_pos.csv");
      double[] neg = RealResults.column("oracles/metrics/ood/cases/" + c + "_neg.csv");
      OodDetectionResult r = Metrics.ood(Scores.higherIsOod(c, neg), Scores.higherIsOod(c, pos),
          OodConvention.HENDRYCKS);
      byOod.put(c, List.of(r));
      roc.put(c, RealResults.roc(pos, neg, r.auroc()));
      prc.put(c, RealResults.pr(pos, neg, r.auprOut()));
      idScores = neg;
      oodScores = pos;
    }
    items.add(OodTable.of("OOD detection (oracle cases)", "oracle-id", byOod));
    items.add(OodCharts.roc("ROC curves", roc, "OOD positive"));
    items.add(OodCharts.pr("PR curves", prc, "OOD positive (AUPR-Out)", 0.5));
    items.add(OodCharts.scoreHistograms("Score histograms", "score (higher = more OOD)", "id", idScores, "ood",
        oodScores, 25));
    expectedTitles.addAll(List.of("ROC curves", "PR curves", "Score histograms"));

    // calibration and selective prediction
    List<org.apache.commons.csv.CSVRecord> rows = RealResults.csv("oracles/metrics/calibration/cases/n1000_overconfident.csv");
    double[] conf = new double[rows.size()];
    boolean[] correct = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      conf[i] = Double.parseDouble(rows.get(i).get("confidence"));
      correct[i] = rows.get(i).get("correct").equals("1");
    }
    items.add(CalibrationTable.of("Calibration", List.of(CalibrationTable.row("oracle", "n1000_overconfident", conf,
        correct, 15, dev.robusta.metrics.AdaptiveBinning.DEFAULT)), "15 equal-width; adaptive 100"));
    Chart rel = CalibrationCharts.reliability("Reliability diagram", Metrics.reliability(conf, correct));
    items.add(rel);
    items.add(CalibrationCharts.riskCoverage("Risk-coverage", Map.of("oracle", Metrics.riskCoverage(conf, correct))));
    expectedTitles.addAll(List.of(rel.title(), "Risk-coverage"));

    // ImageNet-C
    CorruptionTable.Grid a = ChartsFromResultsTest.oracleGrid("modelA");
    items.add(CorruptionTable.of("ImageNet-C errors, modelA (oracle)", a, "oracle"));
    Chart bars = CorruptionCharts.mceBars("CE vs AlexNet", a);
    items.add(CorruptionCharts.heatmap("Corruption x severity", a));
    items.add(CorruptionCharts.severityCurves("Accuracy by severity", Map.of("modelA", a)));
    items.add(bars);
    expectedTitles.addAll(List.of("Corruption x severity", "Accuracy by severity", bars.title()));

    // ImageNet-P
    List<org.apache.commons.csv.CSVRecord> p = RealResults.csv("oracles/metrics/imagenet_p/predictions_K10.csv");
    int[][] preds = new int[p.size()][];
    for (int v = 0; v < p.size(); v++) {
      preds[v] = new int[p.get(v).size() - 1];
      for (int f = 0; f < preds[v].length; f++) {
        preds[v][f] = Integer.parseInt(p.get(v).get("f" + f));
      }
    }
    items.add(PerturbationCharts.flipCurves("Flip probability", Map.of("noise", PerturbationCharts.flipCurve(preds, true))));
    expectedTitles.add("Flip probability");

    // effective robustness (testbed), fitted by the metrics package
    ChartsFromResultsTest.TestbedFit er = ChartsFromResultsTest.testbedFit();
    items.add(EffectiveRobustnessTable.of("Effective robustness (testbed)", er.table(), er.fit(), 50_000, 10_000,
        0.005));
    items.add(EffectiveRobustnessChart.scatter("Effective robustness scatter", "ImageNet val", "ImageNetV2", er.rows(),
        EffectiveRobustnessChart.Fit.of(er.fit(), er.band())));
    expectedTitles.add("Effective robustness scatter");

    // pictures
    Path folder = Shared.path("oracles/corruptions/dog224");
    Image clean = Image.of(ImageIO.read(Shared.path("oracles/corruptions/clean/dog224.png").toFile()));
    items.add(ImageGrid.corruptions("dog224: 3 corruptions x 5 severities", clean,
        List.of("fog", "snow", "pixelate"), (c, s) -> {
          try {
            Path f = Files.list(folder).filter(x -> x.getFileName().toString().startsWith(c + "_s" + s + "_"))
                .sorted().findFirst().orElseThrow();
            return Image.of(ImageIO.read(f.toFile()));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }, 96));

    Path out = Shared.repo().resolve("tests/target/report-demo/report.html");
    Report.of(items).title("Robusta report (real results)").config("source", "../shared oracles, testbed, timm")
        .cite("imagenet-c", "imagenet-testbed").write(out);
    String dom = Chromium.dumpDom(out, Files.createDirectories(out.getParent().resolve("chromium")));
    List<String> drawn = new ArrayList<>();
    Matcher m = Pattern.compile("class=\"gtitle\"[^>]*>([^<]*)<").matcher(dom);
    while (m.find()) {
      drawn.add(m.group(1).replace("&amp;", "&"));
    }
    assertEquals(expectedTitles, drawn);
    assertTrue(dom.contains("data:image/png;base64,"), "the image grid is inlined");
    System.out.println("full report: " + out + " (" + Files.size(out) + " bytes, " + drawn.size() + " plots)");
  }
}
