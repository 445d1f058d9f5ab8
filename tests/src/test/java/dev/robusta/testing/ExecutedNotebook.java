package dev.robusta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notebook executed headless through {@code ./robusta run}, with its outputs and assertions on them
 * (tables, Plotly figures, PNGs, printed lines). Shared by the notebook suites.
 *
 * @param name the notebook's file name without {@code .ipynb}
 * @param outputs every cell output of the executed copy, in order
 * @param nanos wall time of the run
 */
public record ExecutedNotebook(String name, List<JsonNode> outputs, long nanos) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Skips the calling test class, with the reason, when Debian's Jupyter or {@code ../shared} is absent. */
  public static void assumeJupyterAndShared() throws IOException, InterruptedException {
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

  /**
   * Runs {@code notebooks/NAME.ipynb} with a per-cell timeout of {@code cellTimeoutSeconds}; fails when the
   * run does not exit 0, takes longer than {@code cellTimeoutSeconds + 50} s, or holds an error output.
   */
  public static ExecutedNotebook run(String name, Path out, int cellTimeoutSeconds)
      throws IOException, InterruptedException {
    Path nbFile = Shared.repo().resolve("notebooks/" + name + ".ipynb");
    Path log = Files.createTempFile("nb-" + name, ".log");
    long limit = cellTimeoutSeconds + 50L;
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("bash", Shared.repo().resolve("robusta").toString(), "run", nbFile.toString(),
        "--out", out.toString(), "--timeout", Integer.toString(cellTimeoutSeconds))
        .directory(Shared.repo().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(limit, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(name + " did not finish in " + limit + " s:\n" + Files.readString(log));
    }
    long nanos = System.nanoTime() - t0;
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
    return new ExecutedNotebook(name, all, nanos);
  }

  /** nbformat stores multi-line strings either as one string or as a list of lines. */
  public static String text(JsonNode n) {
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

  /** @return every text/html output */
  public List<String> html() {
    List<String> h = new ArrayList<>();
    outputs.forEach(o -> { if (o.path("data").has("text/html")) h.add(text(o.path("data").get("text/html"))); });
    return h;
  }

  /** @return everything the cells printed */
  public String streams() {
    StringBuilder b = new StringBuilder();
    outputs.forEach(o -> { if ("stream".equals(o.path("output_type").asText())) b.append(text(o.get("text"))); });
    return b.toString();
  }

  public void assertHtmlTable(String title, String content) {
    assertTrue(html().stream().anyMatch(h -> h.contains(title) && h.contains("<table") && h.contains(content)),
        name + ": no text/html table titled '" + title + "' containing " + content);
  }

  public void assertPlotly(String title) {
    assertTrue(html().stream().anyMatch(h -> h.contains(title) && h.contains("Plotly.newPlot")),
        name + ": no Plotly figure titled '" + title + "'");
  }

  public void assertPng() {
    assertTrue(outputs.stream().anyMatch(o -> o.path("data").has("image/png")), name + ": no image/png output");
  }

  public void assertStream(String text) {
    assertTrue(streams().contains(text), name + ": printed output lacks '" + text + "':\n" + streams());
  }

  /** @return the first group of the first match of {@code regex} in the printed output, as a number */
  public double number(String regex) {
    Matcher m = Pattern.compile(regex).matcher(streams());
    assertTrue(m.find(), name + ": printed output lacks /" + regex + "/:\n" + streams());
    return Double.parseDouble(m.group(1));
  }
}
