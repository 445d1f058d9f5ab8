package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** Display bundles (plotly.js once per notebook), the offline plotly.js locator, JShell/CLI output. */
@Isolated
class DisplayTest {
  @TempDir Path dir;

  private static Chart oneTrace() {
    return Chart.builder("One trace").xAxis("x").yAxis("y").line("t", new double[] {0, 1}, new double[] {1, 0})
        .build();
  }

  @BeforeEach
  @AfterEach
  void reset() {
    PlotlyJs.resetNotebook();
  }

  @Test
  void oneTraceFigureBundleHasHtmlAndPlainText() {
    Map<String, String> b = oneTrace().mimeBundle();
    assertEquals(2, b.size(), b.keySet().toString());
    assertTrue(b.get("text/plain").startsWith("Chart \"One trace\" (x: x; y: y)"), b.get("text/plain"));
    assertTrue(b.get("text/plain").contains("scatter t [2 points]"));
    String html = b.get("text/html");
    assertTrue(html.contains("class=\"robusta-chart\""));
    assertTrue(html.contains("Plotly.newPlot"));
    String figure = html.substring(html.lastIndexOf("window.define=window.__robustaAmd;</script>") + 1);
    assertFalse(figure.contains("http"), "the figure loads nothing: " + figure);
    assertFalse(html.contains("<script src="), "no external script");
  }

  @Test
  void plotlyJsTravelsWithTheFirstFigureOnlyUntilReset() {
    String first = oneTrace().mimeBundle().get("text/html");
    String second = oneTrace().mimeBundle().get("text/html");
    assertTrue(first.length() > 3_000_000, "first bundle carries plotly.js: " + first.length());
    assertTrue(first.startsWith("<script>window.__robustaAmd=window.define;window.define=undefined;</script>"));
    assertTrue(first.contains("<script>window.define=window.__robustaAmd;</script>"));
    assertTrue(second.length() < 10_000, "second bundle is the figure only: " + second.length());
    Reports.resetNotebook();
    assertTrue(oneTrace().mimeBundle().get("text/html").length() > 3_000_000);
  }

  @Test
  void plotlyJsIsVersion2() {
    assertTrue(PlotlyJs.version().startsWith("2."), PlotlyJs.version());
  }

  @Test
  void missingPlotlyJsNamesTheNpmCommand() {
    Map<String, String> env = new HashMap<>();
    env.put("ROBUSTA_ENV_CACHE", dir.resolve("empty").toString());
    PlotlyJsNotFoundException e = assertThrows(PlotlyJsNotFoundException.class,
        () -> PlotlyJs.locate(env, "/nonexistent"));
    assertTrue(e.getMessage().contains("npm install --prefix " + dir.resolve("empty").resolve("npm")
        + " plotly.js-dist-min@2.35.3"), e.getMessage());
    env.put("ROBUSTA_PLOTLY_JS", dir.resolve("nope.js").toString());
    e = assertThrows(PlotlyJsNotFoundException.class, () -> PlotlyJs.locate(env, "/nonexistent"));
    assertTrue(e.getMessage().contains("ROBUSTA_PLOTLY_JS"), e.getMessage());
  }

  @Test
  void plotlyJs3IsRefusedBecauseItDropsTitles() {
    PlotlyJsNotFoundException e = assertThrows(PlotlyJsNotFoundException.class,
        () -> PlotlyJs.checkVersion(Path.of("p.js"), "/** plotly.js v3.0.1 */ var x;"));
    assertTrue(e.getMessage().contains("drop the figure and axis titles"), e.getMessage());
    PlotlyJs.checkVersion(Path.of("p.js"), "/** plotly.js v2.35.3 */");
  }

  @Test
  void titlesAreEscapedInHtmlAndScript() {
    Chart c = Chart.builder("a </script><b> & 'q'").line("x</script>", new double[] {1}, new double[] {2}).build();
    String frag = c.htmlFragment();
    assertFalse(frag.contains("</script><b>"), frag);
    assertTrue(c.json().contains("a </script><b> & 'q'"), "JSON keeps the text itself");
  }

  @Test
  void inJshellAChartIsWrittenToAFileWhosePathIsPrinted() throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    Path file;
    try {
      file = Reports.show(oneTrace());
      Reports.show(ResultTableFixtures.ood());
    } finally {
      System.setOut(old);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("figure: " + file.toAbsolutePath()), printed);
    assertTrue(Files.size(file) > 3_000_000);
    assertTrue(Files.readString(file).contains("Plotly.newPlot"));
    assertTrue(printed.contains("fpr95Positive"), printed);
    assertTrue(printed.contains("auprIn: in-distribution is the positive class"), printed);
    Files.delete(file);
  }
}
