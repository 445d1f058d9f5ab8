package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * notebooks/00-report-smoke.ipynb executed headless in the Robusta kernel ({@code ./robusta run}): the
 * one-trace figure's output is a display bundle with text/html and text/plain, and chromium with networking
 * off draws both figures of the notebook's HTML export, titles included.
 */
class NotebookExportTest {
  @TempDir Path dir;

  private static String joined(JsonNode n) {
    if (n.isArray()) {
      StringBuilder sb = new StringBuilder();
      n.forEach(x -> sb.append(x.asText()));
      return sb.toString();
    }
    return n.asText();
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void executedNotebookExportDrawsItsPlotsOffline() throws Exception {
    Chromium.require();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/jupyter")),
        "skipped: /usr/bin/jupyter is absent (environment/install.sh installs Jupyter)");
    Path nb = Shared.repo().resolve("notebooks/00-report-smoke.ipynb");
    Process p = new ProcessBuilder(Shared.repo().resolve("robusta").toString(), "run", nb.toString(), "--out",
        dir.toString(), "--timeout", "120").redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile())
        .start();
    if (!p.waitFor(200, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("./robusta run did not finish in 200 s: " + Files.readString(dir.resolve("run.log")));
    }
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("run.log")));

    JsonNode executed = new ObjectMapper().readTree(dir.resolve("00-report-smoke.ipynb").toFile());
    JsonNode figureCell = executed.get("cells").get(2);
    JsonNode out = figureCell.get("outputs").get(0);
    assertTrue(out.get("data").has("text/html") && out.get("data").has("text/plain"), out.get("data").toString()
        .substring(0, 200));
    assertTrue(joined(out.get("data").get("text/plain")).startsWith("Chart \"Notebook plot one\""));
    assertTrue(joined(out.get("data").get("text/html")).contains("window.__robustaAmd=window.define"),
        "the first figure carries plotly.js");
    String second = joined(executed.get("cells").get(3).get("outputs").get(0).get("data").get("text/html"));
    assertTrue(second.length() < 10_000, "the second figure does not repeat plotly.js: " + second.length());

    String dom = Chromium.dumpDom(dir.resolve("00-report-smoke.html"), dir);
    List<String> titles = new ArrayList<>();
    Matcher m = Pattern.compile("class=\"gtitle\"[^>]*>([^<]*)<").matcher(dom);
    while (m.find()) {
      titles.add(m.group(1));
    }
    assertEquals(List.of("Notebook plot one", "Notebook plot two"), titles);
    assertTrue(dom.contains("fpr95Positive"), "the result table is in the export");
  }
}
