package dev.robusta.metrics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Readers for published result tables (Commons CSV), quirks handled:
 * <ul>
 *   <li>imagenet-testbed {@code robustness_top1s.csv} (Taori et al. 2020): {@code model} + one column per
 *       evaluation setting, top-1 in percent, empty cells where not evaluated (kept absent, not 0).
 *   <li>timm {@code results-*.csv}: {@code top1}, {@code top5} in percent; {@code param_count} may be
 *       quoted with a thousands separator ({@code "1,013.01"}); diffs carry explicit {@code +} signs.
 * </ul>
 */
public final class ResultTables {
  private ResultTables() {}

  /**
   * @param csv the testbed's {@code robustness_top1s.csv}
   * @return every non-empty cell, keyed by the column name (e.g. {@code val}, {@code imagenet-r})
   * @throws UncheckedIOException when the file cannot be read; IllegalArgumentException on a non-numeric cell
   */
  public static AccuracyTable readTestbed(Path csv) {
    Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(csv);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        Map<String, Double> row = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : rec.toMap().entrySet()) {
          if (e.getKey().equals("model") || e.getValue().isBlank()) continue;
          row.put(e.getKey(), number(e.getValue(), csv, rec.getRecordNumber(), e.getKey()));
        }
        cells.put(rec.get("model"), row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read testbed table " + csv, e);
    }
    return new AccuracyTable(csv.getFileName().toString(), cells);
  }

  /**
   * @param csv a timm {@code results-<dataset>.csv}
   * @param setting the name its top-1 gets in the table (e.g. {@code "imagenet"}, {@code "imagenet-r"});
   *     top-5 goes to {@code setting + ".top5"} and the parameter count (millions) to {@code "param_count"}
   */
  public static AccuracyTable readTimm(Path csv, String setting) {
    Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(csv);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put(setting, number(rec.get("top1"), csv, rec.getRecordNumber(), "top1"));
        row.put(setting + ".top5", number(rec.get("top5"), csv, rec.getRecordNumber(), "top5"));
        if (rec.isMapped("param_count") && !rec.get("param_count").isBlank()) {
          row.put("param_count", number(rec.get("param_count").replace(",", ""), csv, rec.getRecordNumber(), "param_count"));
        }
        cells.put(rec.get("model"), row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read timm results " + csv, e);
    }
    return new AccuracyTable(csv.getFileName().toString(), cells);
  }

  private static double number(String s, Path file, long record, String column) {
    try {
      return Double.parseDouble(s.trim().startsWith("+") ? s.trim().substring(1) : s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file.getFileName() + " record " + record + " column " + column
          + ": '" + s + "' is not a number", e);
    }
  }
}
