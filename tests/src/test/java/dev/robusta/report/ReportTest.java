package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Reports;
import dev.robusta.data.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The self-contained HTML report: configuration, conventions, every item, citations, plotly.js once. */
class ReportTest {
  @TempDir Path dir;

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void oneFileWithConfigConventionsItemsAndCitations() throws Exception {
    Chart roc = Chart.builder("ROC").line("msp", new double[] {0, 1}, new double[] {0, 1}).build();
    Chart pr = Chart.builder("PR").line("msp", new double[] {0, 1}, new double[] {1, 0.5}).build();
    Table acc = Table.create("acc", StringColumn.create("model", "resnet50"),
        StringColumn.create("dataset", "imagenetv2-matched-frequency"), DoubleColumn.create("top1", 0.63));
    ImageGrid grid = ImageGrid.of("grid", List.of("r"), List.of("c"),
        List.of(List.of(Image.wrap(2, 2, 1, new byte[] {0, 1, 2, 3}))), 32);
    Report r = Reports.report(ResultTableFixtures.ood(), roc, pr, acc, grid, "A note on the run.")
        .title("Run 7").config(Map.of("model", "resnet50.tv_in1k")).config("seed", "0").cite("imagenet-c");
    assertEquals(Set.of("imagenet-c", "imagenet", "imagenet-o", "imagenetv2-matched-frequency"), r.datasets());
    Path file = r.write(dir.resolve("sub/report.html"));
    String html = Files.readString(file);
    assertEquals(1, count(html, "window.__robustaAmd=window.define;"), "plotly.js inlined exactly once");
    assertEquals(2, count(html, "window.Plotly.newPlot(d,f.data,f.layout"));
    assertTrue(html.contains("<th>model</th><td>resnet50.tv_in1k</td>"));
    assertTrue(html.contains("<th>seed</th><td>0</td>"));
    assertTrue(html.contains("<h2>Conventions</h2>"));
    assertTrue(html.contains("<b>fpr95Positive</b>") || html.contains("<th>fpr95Positive</th>"));
    assertTrue(html.contains("<b>auprIn</b>: in-distribution is the positive class"));
    assertTrue(html.contains("data:image/png;base64,"));
    assertTrue(html.contains("A note on the run."));
    assertTrue(html.contains("Hendrycks, D. and Dietterich, T. Benchmarking Neural Network Robustness"));
    assertTrue(html.contains("Recht, B., Roelofs, R., Schmidt, L. and Shankar, V."));
    assertTrue(html.contains("Natural Adversarial Examples"));
    assertTrue(!html.contains("<script src="), "self-contained: no external scripts");
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertEquals(List.of(file), s.toList(), "no temporary file left beside the report");
    }
    System.out.println("report size: " + Files.size(file) + " bytes");
  }

  @Test
  void reportWithoutFiguresNeedsNoPlotlyAndSaysUnknownDatasets() {
    String html = Report.of(ResultTableFixtures.ood()).cite("my-private-set").toHtml();
    assertEquals(0, count(html, "__robustaAmd"));
    assertTrue(html.contains("<b>my-private-set</b>: no citation registered for this dataset id"));
    assertTrue(html.contains("(no configuration recorded)"));
  }

  @Test
  void unsupportedItemsAreRefusedByClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Report.of(42));
    assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
  }

  @Test
  void citationsMatchSettingNamesByPrefix() {
    assertTrue(Citations.of("imagenet-c.fog.3_on-disk").orElseThrow().contains("Common Corruptions"));
    assertTrue(Citations.of("imagenet-r").orElseThrow().contains("Many Faces"));
    assertTrue(Citations.of("ImageNetV2-matched-frequency").orElseThrow().contains("Recht"));
    assertTrue(Citations.of("imagenet-sketch").orElseThrow().contains("Wang"));
    assertTrue(Citations.of("nothing-like-this").isEmpty());
  }
}
