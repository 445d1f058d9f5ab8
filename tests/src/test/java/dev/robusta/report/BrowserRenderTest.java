package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Headless chromium, networking off, opens Robusta pages from file: URLs: the plots are drawn (Plotly's SVG
 * with the title text), in a report, in a standalone figure page (screenshot pixels), and in nbconvert's HTML
 * export of a notebook whose outputs are the figures' display bundles.
 */
@Isolated
class BrowserRenderTest {
  @TempDir Path dir;

  @BeforeAll
  static void needsChromium() {
    Chromium.require();
  }

  private static Chart chart(String title) {
    return Chart.builder(title).xAxis("False positive rate").yAxis("True positive rate")
        .line("msp", new double[] {0, 0.1, 0.4, 1}, new double[] {0, 0.6, 0.9, 1})
        .dashedLine("chance", new double[] {0, 1}, new double[] {0, 1}).build();
  }

  /** Titles of the drawn plots: the text of Plotly's {@code gtitle} elements. */
  private static List<String> drawnTitles(String dom) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("class=\"gtitle\"[^>]*>([^<]*)<").matcher(dom);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void reportDrawsItsPlotsWithTitlesOffline() throws Exception {
    Path report = Report.of("Smoke report", ResultTableFixtures.ood(), chart("ROC of MSP"), chart("Second plot"))
        .title("Browser smoke").config("seed", "0").write(dir.resolve("report.html"));
    String dom = Chromium.dumpDom(report, dir);
    assertEquals(2, count(dom, "class=\"plot-container plotly\""), "two drawn plots");
    assertTrue(count(dom, "<svg class=\"main-svg\"") >= 2, "Plotly drew SVG");
    List<String> titles = drawnTitles(dom);
    assertTrue(titles.contains("ROC of MSP") && titles.contains("Second plot"), titles.toString());
    assertTrue(dom.contains("False positive rate"), "axis title drawn");
    assertTrue(dom.contains("fpr95Positive"), "table present");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void screenshotOfAFigurePageShowsADrawnPlot() throws Exception {
    Path page = chart("Screenshot plot").write(dir.resolve("fig.html"));
    BufferedImage shot = ImageIO.read(Chromium.screenshot(page, dir).toFile());
    // the plot area of the 760x480 figure: count pixels that are neither white nor the grid's light grey
    int coloured = 0;
    for (int y = 100; y < 420; y++) {
      for (int x = 80; x < 600; x++) {
        int rgb = shot.getRGB(x, y);
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          coloured++;
        }
      }
    }
    assertTrue(coloured > 300, "coloured (trace) pixels in the plot area: " + coloured);
    // title row: dark text pixels above the plot area
    int dark = 0;
    for (int y = 0; y < 80; y++) {
      for (int x = 0; x < 760; x++) {
        if ((shot.getRGB(x, y) & 0xff) < 100) {
          dark++;
        }
      }
    }
    assertTrue(dark > 50, "title text pixels: " + dark);
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void nbconvertHtmlExportOfDisplayBundlesDrawsEveryPlotOffline() throws Exception {
    Path jupyter = Path.of("/usr/bin/jupyter");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jupyter),
        "skipped: /usr/bin/jupyter is absent (environment/install.sh installs jupyter-nbconvert)");
    PlotlyJs.resetNotebook();
    ObjectMapper m = new ObjectMapper();
    ObjectNode nb = m.createObjectNode();
    nb.put("nbformat", 4);
    nb.put("nbformat_minor", 5);
    nb.putObject("metadata").putObject("kernelspec").put("name", "robusta").put("display_name", "Robusta")
        .put("language", "java");
    ArrayNode cells = nb.putArray("cells");
    int i = 0;
    for (Chart c : List.of(chart("First notebook plot"), chart("Second notebook plot"))) {
      ObjectNode cell = cells.addObject();
      cell.put("cell_type", "code");
      cell.put("id", "cell" + i);
      cell.put("execution_count", ++i);
      cell.putObject("metadata");
      cell.put("source", "show(chart)");
      ObjectNode out = cell.putArray("outputs").addObject();
      out.put("output_type", "display_data");
      out.putObject("metadata");
      ObjectNode data = out.putObject("data");
      for (Map.Entry<String, String> e : c.mimeBundle().entrySet()) {
        data.put(e.getKey(), e.getValue());
      }
    }
    PlotlyJs.resetNotebook();
    Path ipynb = dir.resolve("export.ipynb");
    m.writeValue(ipynb.toFile(), nb);
    Process p = new ProcessBuilder(jupyter.toString(), "nbconvert", "--to", "html", ipynb.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("nbconvert.log").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nbconvert finished");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("nbconvert.log")));
    Path html = dir.resolve("export.html");
    String exported = Files.readString(html);
    assertEquals(1, count(exported, "window.__robustaAmd=window.define"), "plotly.js inlined once");
    String dom = Chromium.dumpDom(html, dir);
    List<String> titles = drawnTitles(dom);
    assertTrue(titles.contains("First notebook plot") && titles.contains("Second notebook plot"), titles.toString());
  }
}
