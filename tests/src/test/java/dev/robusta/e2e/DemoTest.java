package dev.robusta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code ./robusta demo} end to end through the launcher, as the README runs it (with {@code --limit 100}
 * images per corruption cell to keep CI short; the default is 500), then once more: the warm run reads every
 * cell from the logits cache and computes none.
 */
class DemoTest {

  @Test
  @Timeout(value = 1500, unit = TimeUnit.SECONDS)
  void demoPrintsTablesAndWritesTheReport(@TempDir Path out) throws Exception {
    assumeTrue(Files.exists(Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")),
        "skipped: Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    Path log = out.resolve("demo.log");
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", Shared.repo().resolve("robusta").toString(), "demo",
        "--limit", "100", "--out", out.resolve("demo").toString(), "--cache", out.resolve("logits").toString()));
    Path frost = Shared.root().resolve("data/datasets/imagenet-c-frost");
    boolean withFrost = Files.isRegularFile(frost.resolve("frost1.png"));
    if (withFrost) {
      cmd.addAll(List.of("--frost", frost.toString()));
    }
    String text = launch(cmd, log, 1200);
    assertTrue(text.contains("channel policy: 1-channel model on a greyscale source: channel 0"), tail(text));
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
    int cells = 1 + 5 * grid.rowCount() + ood.rowCount() / 4;
    assertTrue(text.contains("0 cells read from the logits cache") && text.contains(", " + cells + " computed"),
        "a cold run computes every cell (" + cells + "):\n" + tail(text));

    // a warm run reads every cell back from the logits cache and prints the same tables
    String warm = launch(cmd, out.resolve("warm.log"), 300);
    assertTrue(warm.contains(cells + " cells read from the logits cache") && warm.contains(", 0 computed"),
        "a warm run computes nothing:\n" + tail(warm));
    assertEquals(acc.doubleColumn("top1").get(0), table(out.resolve("demo"), "clean-accuracy").doubleColumn("top1")
        .get(0));
    assertEquals(grid.doubleColumn("s5").asList(), table(out.resolve("demo"), "top-1-error-per-corruption")
        .doubleColumn("s5").asList());
  }

  private static String launch(List<String> cmd, Path log, int seconds) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String text = Files.readString(log);
    assertTrue(done, "the demo did not finish:\n" + tail(text));
    assertEquals(0, p.exitValue(), "demo failed:\n" + tail(text));
    return text;
  }

  private static Table table(Path dir, String prefix) throws Exception {
    return EvalRuns.table(dir, prefix);
  }

  private static String tail(String s) {
    return EvalRuns.tail(s);
  }
}
