package dev.robusta.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curated notebooks 01-09 execute headless through {@code ./robusta run} on the real data in
 * {@code ../shared} with no failing cell, and their executed copies hold the tables (text/html with the
 * expected header), figures (a Plotly div) and printed comparison lines each notebook is about. Skips with
 * the reason when Jupyter or {@code ../shared} is absent. The total time is printed at the end.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class Part1NotebooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static long totalNanos;

  @TempDir static Path out;

  @BeforeAll
  static void needsJupyterAndShared() throws Exception {
    Shared.path("data");
    boolean present = Files.isExecutable(Path.of("/usr/bin/python3"));
    if (present) {
      Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import nbclient, nbconvert, jupyter_client, notebook")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
    assumeTrue(present, "skipped: Debian's Jupyter is not installed (needs /usr/bin/python3 with nbclient,"
        + " nbconvert, jupyter_client, notebook; ./robusta test installs them when run as root)");
  }

  @AfterAll
  static void reportTime() {
    System.out.printf("Part 1 notebooks: total run time %.1f s%n", totalNanos / 1e9);
  }

  @Test
  void quickstart() throws Exception {
    Executed nb = run("01-quickstart");
    nb.assertHtmlTable("ResNet-20 on CIFAR-10: reproduced vs published", "<th>top-1 (%)</th>");
    nb.assertPlotly("Reliability diagram: ResNet-20 on CIFAR-10");
    nb.assertPng();
    nb.assertStream("reproduced top-1 ");
    nb.assertStream("report written: ");
  }

  @Test
  void commonCorruptions() throws Exception {
    Executed nb = run("03-common-corruptions");
    nb.assertHtmlTable("ImageNet-C mCE: reproduced from RobustBench", "<th>mCE (RobustBench)</th>");
    // the mCE recomputed from RobustBench's per-cell accuracies equals RobustBench's own (rounded to 0.01)
    nb.assertStream("ImageNet-C [Standard_R50]: mCE 0.7637, relative mCE 1.0626");
    nb.assertPlotly("ImageNet-C CE per corruption");
    nb.assertPng();
    nb.assertHtmlTable("Live: MobileNetV2-int8 top-1 error", "<th>CE vs AlexNet (%)</th>");
    nb.assertHtmlTable("Live: ImageNet-P metrics", "<th>flip probability</th>");
  }

  @Test
  void effectiveRobustness() throws Exception {
    Executed nb = run("05-effective-robustness");
    nb.assertHtmlTable("Baseline fits on logit axes", "<th>slope</th>");
    nb.assertHtmlTable("Mean effective robustness (accuracy points) by family", "<th>ImageNet-R</th>");
    nb.assertPlotly("Effective robustness: ImageNet vs ImageNet-R");
    nb.assertStream("CLIP zero-shot ViT-B/32 effective robustness on ImageNet-R: +");
  }

  @Test
  void architecturesAndClip() throws Exception {
    Executed nb = run("08-architectures-and-clip");
    nb.assertHtmlTable("Mean top-1 (%) by architecture family", "<th>imagenet-r</th>");
    nb.assertHtmlTable("Effective robustness on ImageNet-R by family and pre-training", "<th>mean ER on ImageNet-R</th>");
    nb.assertPlotly("ImageNet-R top-1 against model size");
    nb.assertStream("mean effective robustness on ImageNet-R, CLIP / image-text pre-training: +");
  }

  // ---------------------------------------------------------------------------------------------

  /** An executed notebook's outputs. */
  record Executed(String name, List<JsonNode> outputs) {
    List<String> html() {
      List<String> h = new ArrayList<>();
      outputs.forEach(o -> { if (o.path("data").has("text/html")) h.add(text(o.path("data").get("text/html"))); });
      return h;
    }

    String streams() {
      StringBuilder b = new StringBuilder();
      outputs.forEach(o -> { if ("stream".equals(o.path("output_type").asText())) b.append(text(o.get("text"))); });
      return b.toString();
    }

    void assertHtmlTable(String title, String header) {
      assertTrue(html().stream().anyMatch(h -> h.contains(title) && h.contains("<table") && h.contains(header)),
          name + ": no text/html table titled '" + title + "' with " + header);
    }

    void assertPlotly(String title) {
      assertTrue(html().stream().anyMatch(h -> h.contains(title) && h.contains("Plotly.newPlot")),
          name + ": no Plotly figure titled '" + title + "'");
    }

    void assertPng() {
      assertTrue(outputs.stream().anyMatch(o -> o.path("data").has("image/png")), name + ": no image/png output");
    }

    void assertStream(String line) {
      assertTrue(streams().contains(line), name + ": printed output lacks '" + line + "':\n" + streams());
    }
  }

  static Executed run(String name) throws IOException, InterruptedException {
    Path nbFile = Shared.repo().resolve("notebooks/" + name + ".ipynb");
    Path log = Files.createTempFile("nb-" + name, ".log");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("bash", Shared.repo().resolve("robusta").toString(), "run", nbFile.toString(),
        "--out", out.toString(), "--timeout", "240")
        .directory(Shared.repo().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(290, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(name + " did not finish in 290 s:\n" + Files.readString(log));
    }
    long nanos = System.nanoTime() - t0;
    totalNanos += nanos;
    String logText = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    System.out.printf("%s: %.1f s%n", name, nanos / 1e9);
    assertEquals(0, p.exitValue(), name + " failed:\n" + logText);
    JsonNode nb = JSON.readTree(out.resolve(name + ".ipynb").toFile());
    List<JsonNode> all = new ArrayList<>();
    nb.get("cells").forEach(c -> c.path("outputs").forEach(o -> {
      assertTrue(!"error".equals(o.path("output_type").asText()), name + ": error output " + o);
      all.add(o);
    }));
    return new Executed(name, all);
  }

  static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "";
    }
    if (n.isArray()) {
      StringBuilder b = new StringBuilder();
      n.forEach(x -> b.append(x.asText()));
      return b.toString();
    }
    return n.asText();
  }
}
