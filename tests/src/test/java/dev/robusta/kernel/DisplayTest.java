package dev.robusta.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@link Display}: the bundles it builds, and where they go inside and outside a kernel. */
class DisplayTest {
  private final List<Map<String, String>> shown = new ArrayList<>();

  @AfterEach
  void backToConsole() {
    Display.route(null);
  }

  private void captureAsKernel() {
    Display.route(shown::add);
  }

  @Test
  void outsideTheKernelTheTextFormIsPrinted() {
    assertFalse(Display.inKernel());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Display.html("<b>bold</b>");
      Display.markdown("# Title");
      Display.image(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
      Display.show(List.of(1, 2));
      Display.html("x".repeat(MimeBundle.MAX_ECHOED_HTML + 1));
    } finally {
      System.setOut(old);
    }
    assertEquals("<b>bold</b>\n# Title\n[PNG image 3x2]\n[1, 2]\n[HTML, 2001 characters: shown as rich output"
        + " in the Robusta Jupyter kernel]\n", buf.toString(StandardCharsets.UTF_8));
  }

  @Test
  void inTheKernelEachCallIsOneBundle() {
    captureAsKernel();
    assertTrue(Display.inKernel());
    Display.html("<i>x</i>");
    Display.markdown("*y*");
    assertEquals(List.of(Map.of("text/plain", "<i>x</i>", "text/html", "<i>x</i>"),
        Map.of("text/plain", "*y*", "text/markdown", "*y*")), shown);
  }

  @Test
  void imageBecomesABase64PngOfTheSamePixels() throws Exception {
    captureAsKernel();
    BufferedImage img = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
    img.setRGB(2, 3, 0x123456);
    Display.image(img);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(shown.get(0).get("image/png"))));
    assertEquals(5, back.getWidth());
    assertEquals(0x123456, back.getRGB(2, 3) & 0xffffff);
    assertEquals("[PNG image 5x4]", shown.get(0).get("text/plain"));
  }

  @Test
  void robustaImageShowsAsPngWithItsOwnText() throws Exception {
    byte[] hwc = new byte[2 * 3 * 3];
    hwc[(1 * 3 + 2) * 3] = (byte) 200;
    dev.robusta.data.Image img = new dev.robusta.data.Image(2, 3, 3, hwc);
    Map<String, String> b = MimeBundle.ofResult(img, "ignored");
    assertEquals(img.toString(), b.get("text/plain"));
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get("image/png"))));
    assertEquals(3, back.getWidth());
    assertEquals(2, back.getHeight());
    assertEquals(200 << 16, back.getRGB(2, 1) & 0xffffff, "pixel (y=1, x=2) red 200");
  }

  @Test
  void pngBytesPassThroughAndGarbageIsRejected() throws Exception {
    captureAsKernel();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(7, 1, BufferedImage.TYPE_BYTE_GRAY), "png", png);
    Display.png(png.toByteArray());
    assertEquals(Base64.getEncoder().encodeToString(png.toByteArray()), shown.get(0).get("image/png"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Display.png(new byte[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("image(BufferedImage)"), e.getMessage());
  }

  @Test
  void displayableShowsItsWholeBundle() {
    captureAsKernel();
    Displayable d = () -> Map.of("text/plain", "plain", "text/html", "<p>rich</p>", "text/markdown", "**md**");
    Display.show(d);
    assertEquals(d.mimeBundle(), shown.get(0));
    assertEquals(d.mimeBundle(), MimeBundle.ofResult(d, "ignored JShell text"));
  }

  @Test
  void displayableWithoutTextPlainIsRejected() {
    Displayable bad = () -> Map.of("text/html", "<p>only html</p>");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Display.show(bad));
    assertTrue(e.getMessage().contains("no text/plain entry"), e.getMessage());
  }

  @Test
  void tableShowsAsEscapedHtmlAndPrintedText() {
    Table t = Table.create("scores", StringColumn.create("model", "a<b", "c"), DoubleColumn.create("auroc", 0.5, 0.75));
    Map<String, String> b = MimeBundle.of(t);
    assertEquals(t.print(), b.get("text/plain"));
    assertTrue(b.get("text/html").contains("<th>auroc</th>"), b.get("text/html"));
    assertTrue(b.get("text/html").contains("a&lt;b"), "cell text is escaped: " + b.get("text/html"));
    Table big = Table.create("big", DoubleColumn.create("v", new double[MimeBundle.MAX_HTML_ROWS + 5]));
    assertTrue(MimeBundle.of(big).get("text/html").endsWith("<p>(first 200 of 205 rows)</p>"));
  }

  @Test
  void plainValuesKeepJShellsRendering() {
    assertEquals(Map.of("text/plain", "\"abc\""), MimeBundle.ofResult("abc", "\"abc\""));
    assertEquals(Map.of("text/plain", "null"), MimeBundle.of(null));
  }
}
