package dev.robusta;

import dev.robusta.report.Chart;
import dev.robusta.report.ImageGrid;
import dev.robusta.report.PlotlyJs;
import dev.robusta.report.Report;
import dev.robusta.report.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One-liners for result tables, figures and reports (package {@code dev.robusta.report}).
 */
public final class Reports {
  private Reports() {}

  /**
   * Long form: {@code Report.of(results)}.
   *
   * @see Report#of(Object...)
   */
  public static Report report(Object... results) {
    return Report.of(results);
  }

  /**
   * Long form: {@code ResultTable.readCsv(file)}: reads a table written by {@link ResultTable#writeCsv}
   * with its recorded column types and conventions.
   */
  public static ResultTable readCsv(Path file) {
    return ResultTable.readCsv(file);
  }

  /**
   * Shows a result in JShell or on the command line: a {@link ResultTable} (or anything else) prints as
   * text; a {@link Chart} is written to an HTML page and an {@link ImageGrid} to a PNG file, whose path is
   * printed.
   *
   * @return the file written, or null when the value was printed
   */
  public static Path show(Object result) {
    if (result instanceof Chart c) {
      return c.show();
    }
    if (result instanceof ImageGrid g) {
      try {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "robusta-figures"));
        Path file = g.write(Files.createTempFile(dir, "grid-", ".png"));
        System.out.println("image: " + file.toAbsolutePath());
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the image grid", e);
      }
    }
    System.out.println(result);
    return null;
  }

  /** Long form: {@code PlotlyJs.resetNotebook()}: the next figure shown carries plotly.js again. */
  public static void resetNotebook() {
    PlotlyJs.resetNotebook();
  }
}
