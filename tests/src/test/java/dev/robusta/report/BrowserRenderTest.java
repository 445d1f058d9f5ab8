package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless chromium, networking off, opens a standalone figure page from a file: URL and its screenshot shows
 * a drawn plot and title. (The report is checked by {@link FullReportTest}, the notebook export by
 * {@link NotebookExportTest}.)
 */
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
}
