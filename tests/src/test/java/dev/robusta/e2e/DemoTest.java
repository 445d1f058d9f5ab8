package dev.robusta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.robusta.report.ResultTable;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code ./robusta demo} end to end through the launcher, as the README runs it (with {@code --limit 100}
 * images per corruption cell to keep CI short; the default is 500).
 */
class DemoTest {

  @Test
  @Timeout(value = 1500, unit = TimeUnit.SECONDS)
  void demoPrintsTablesAndWritesTheReport(@TempDir Path out) throws Exception {
    assumeTrue(Files.exists(Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")),
        "skipped: Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    Path log = out.resolve("demo.log");
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", Shared.repo().resolve("robusta").toString(), "demo",
        "--limit", "100", "--out", out.resolve("demo").toString()));
    Path frost = Shared.root().resolve("data/datasets/imagenet-c-frost");
    boolean withFrost = Files.isRegularFile(frost.resolve("frost1.png"));
    if (withFrost) {
      cmd.addAll(List.of("--frost", frost.toString()));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(1450, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String text = Files.readString(log);
    assertTrue(done, "the demo did not finish:\n" + tail(text));
    assertEquals(0, p.exitValue(), "demo failed:\n" + tail(text));
    assertTrue(text.contains("Report: "), tail(text));
    Path report = out.resolve("demo/report.html");
    assertTrue(Files.size(report) > 100_000, "the report inlines plotly.js and the figures");
    String html = Files.readString(report);
    for (String part : List.of("Reliability diagram", "corruption x severity", "Energy score", "OOD detection", "ROC, ")) {
      assertTrue(html.contains(part), "report lacks " + part);
    }
    // the conventions are printed with the OOD table
    assertTrue(text.contains("fpr95Positive") && text.contains("HIGHER_IS_MORE_ID"), tail(text));

    Table acc = table(out.resolve("demo"), "clean-accuracy");
    assertTrue(acc.doubleColumn("top1").get(0) >= 0.90, "clean accuracy " + acc.doubleColumn("top1").get(0));
    Table grid = table(out.resolve("demo"), "top-1-error-per-corruption");
    long missing = text.lines().filter(l -> l.contains("is unavailable and left out")).count();
    assertEquals(15 - missing, grid.rowCount(), "one row per available benchmark corruption; missing ones are named");
    if (withFrost) {
      assertEquals(15, grid.rowCount(), "with the frost textures all 15 benchmark corruptions run:\n" + tail(text));
    }
    Table ood = table(out.resolve("demo"), "ood-detection");
    assertTrue(ood.rowCount() >= 16, "4 synthetic sets x 4 scores at least, got " + ood.rowCount());
    for (double v : ood.doubleColumn("auroc").asDoubleArray()) {
      assertTrue(v >= 0 && v <= 1, "AUROC in [0, 1]: " + v);
    }
    Table cal = table(out.resolve("demo"), "calibration-and-selective-prediction");
    assertEquals(6, cal.rowCount(), "clean + 5 severities");
  }

  static Table table(Path dir, String prefix) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      Path f = s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + prefix + "*.csv in " + dir));
      return ResultTable.readCsv(f).table();
    }
  }

  static String tail(String s) {
    return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
  }
}
