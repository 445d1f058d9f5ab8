package dev.robusta.kernel;

import dev.robusta.data.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/** Builds the MIME bundles Jupyter shows ({@code text/plain} always, rich types when known). */
final class MimeBundle {
  static final String TEXT = "text/plain";
  static final String HTML = "text/html";
  static final String MARKDOWN = "text/markdown";
  static final String PNG = "image/png";
  /** HTML longer than this is not echoed on a text console. */
  static final int MAX_ECHOED_HTML = 2000;
  /** Tables are shown up to this many rows as HTML. */
  static final int MAX_HTML_ROWS = 200;

  private MimeBundle() {}

  /**
   * The bundle for a value: {@link Displayable}'s own bundle, a PNG for a {@link BufferedImage} or a
   * Robusta {@link Image} (text: its {@code toString}), HTML for a Tablesaw {@link Table}, otherwise
   * {@code String.valueOf(value)} as text.
   *
   * @throws IllegalArgumentException when a {@link Displayable}'s bundle lacks {@code text/plain}
   */
  static Map<String, String> of(Object value) {
    if (value instanceof Displayable) {
      return checked((Displayable) value);
    }
    if (value instanceof BufferedImage) {
      return image((BufferedImage) value);
    }
    if (value instanceof Image) {
      Map<String, String> b = new LinkedHashMap<>(image(((Image) value).toBufferedImage()));
      b.put(TEXT, value.toString());
      return b;
    }
    if (value instanceof Table) {
      return table((Table) value);
    }
    return Map.of(TEXT, String.valueOf(value));
  }

  /**
   * The bundle for a cell's last expression: rich when the value is of a known kind, else JShell's
   * rendering {@code text} (strings quoted, arrays expanded).
   */
  static Map<String, String> ofResult(Object value, String text) {
    if (value instanceof Displayable || value instanceof BufferedImage || value instanceof Image
        || value instanceof Table) {
      return of(value);
    }
    return Map.of(TEXT, text == null ? String.valueOf(value) : text);
  }

  static Map<String, String> html(String html) {
    String text = html.length() <= MAX_ECHOED_HTML ? html
        : "[HTML, " + html.length() + " characters: shown as rich output in the Robusta Jupyter kernel]";
    return bundle(text, HTML, html);
  }

  static Map<String, String> markdown(String markdown) {
    return bundle(markdown, MARKDOWN, markdown);
  }

  /** @throws IllegalArgumentException when the bytes are not a readable PNG */
  static Map<String, String> png(byte[] png) {
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      img = null;
    }
    if (img == null || png.length < 8 || (png[0] & 0xff) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
      throw new IllegalArgumentException("png(byte[]) needs the bytes of a PNG file (got " + png.length
          + " bytes that do not decode as PNG); for a decoded picture call image(BufferedImage)");
    }
    return bundle(describe(img), PNG, Base64.getEncoder().encodeToString(png));
  }

  static Map<String, String> image(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, "png", out)) {
        throw new IllegalArgumentException("this BufferedImage type (" + img.getType() + ") cannot be written as PNG");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bundle(describe(img), PNG, Base64.getEncoder().encodeToString(out.toByteArray()));
  }

  static Map<String, String> table(Table t) {
    Table shown = t.rowCount() > MAX_HTML_ROWS ? t.first(MAX_HTML_ROWS) : t;
    StringWriter w = new StringWriter();
    try {
      new HtmlWriter().write(shown, HtmlWriteOptions.builder(w).escapeText(true).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String html = w.toString();
    if (shown != t) {
      html += "<p>(first " + MAX_HTML_ROWS + " of " + t.rowCount() + " rows)</p>";
    }
    return bundle(t.print(), HTML, html);
  }

  private static String describe(BufferedImage img) {
    return "[PNG image " + img.getWidth() + "x" + img.getHeight() + "]";
  }

  private static Map<String, String> checked(Displayable d) {
    Map<String, String> b = d.mimeBundle();
    if (b == null || b.get(TEXT) == null) {
      throw new IllegalArgumentException(d.getClass().getName() + ".mimeBundle() has no text/plain entry;"
          + " every Displayable must provide one (it is what JShell and the command line print)");
    }
    return b;
  }

  private static Map<String, String> bundle(String text, String mime, String content) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TEXT, text);
    m.put(mime, content);
    return m;
  }
}
