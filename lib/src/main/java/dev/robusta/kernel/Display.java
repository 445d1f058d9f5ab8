package dev.robusta.kernel;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * Rich output from notebook cells, reports and scripts. Inside the Robusta Jupyter kernel each call
 * adds a {@code display_data} output to the running cell; elsewhere (JShell, scripts, the command
 * line) it prints the {@code text/plain} form to standard output.
 *
 * <p>In the kernel and in {@code ./robusta jshell} these methods are statically imported, so a cell
 * can say {@code html("<b>done</b>")} or {@code show(table)}.
 */
public final class Display {
  private static volatile DisplaySink sink;

  private Display() {}

  /**
   * Shows a value: a {@link Displayable} with its whole MIME bundle, a {@link BufferedImage} or a
   * {@code dev.robusta.data.Image} as PNG, a Tablesaw {@code Table} as HTML (first 200 rows),
   * anything else as {@code String.valueOf}.
   *
   * @param value the value, {@code null} shows {@code "null"}
   * @throws IllegalArgumentException when a {@link Displayable} bundle has no {@code text/plain}
   */
  public static void show(Object value) {
    send(MimeBundle.of(value));
  }

  /**
   * Shows an HTML fragment. On a console it prints the HTML itself when it is short (at most 2000
   * characters), else a one-line note.
   */
  public static void html(String html) {
    send(MimeBundle.html(Objects.requireNonNull(html, "html")));
  }

  /** Shows Markdown (the console prints the Markdown source). */
  public static void markdown(String markdown) {
    send(MimeBundle.markdown(Objects.requireNonNull(markdown, "markdown")));
  }

  /**
   * Shows an encoded PNG file.
   *
   * @param png the PNG file's bytes
   * @throws IllegalArgumentException when the bytes do not decode as a PNG
   */
  public static void png(byte[] png) {
    send(MimeBundle.png(Objects.requireNonNull(png, "png")));
  }

  /** Shows a picture, encoded as PNG (the console prints {@code [PNG image WxH]}). */
  public static void image(BufferedImage image) {
    send(MimeBundle.image(Objects.requireNonNull(image, "image")));
  }

  /** @return whether output currently goes to a Jupyter kernel */
  public static boolean inKernel() {
    return sink != null;
  }

  /** Routes output to the kernel ({@code null}: back to the console). */
  static void route(DisplaySink kernelSink) {
    sink = kernelSink;
  }

  private static void send(Map<String, String> bundle) {
    DisplaySink s = sink;
    (s != null ? s : DisplaySink.console(consoleStream())).display(bundle);
  }

  private static PrintStream consoleStream() {
    return System.out;
  }
}
