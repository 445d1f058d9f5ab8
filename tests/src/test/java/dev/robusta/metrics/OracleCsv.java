package dev.robusta.metrics;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads an oracle CSV (header row) from ../shared into maps, by path; nothing is copied. */
final class OracleCsv {
  private OracleCsv() {}

  static List<Map<String, String>> read(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        Map<String, String> m = new LinkedHashMap<>(rec.toMap());
        rows.add(m);
      }
    }
    return rows;
  }

  /** @return the numeric matrix of a header-less CSV of doubles */
  static double[][] matrix(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> java.util.Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
  }
}
