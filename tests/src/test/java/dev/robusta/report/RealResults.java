package dev.robusta.report;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the real result files and oracle arrays in ../shared for the figure tests (no copies kept). */
final class RealResults {
  private RealResults() {}

  static List<CSVRecord> csv(String relative) {
    Path p = Shared.path(relative);
    try (Reader r = Files.newBufferedReader(p)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] column(String relative) {
    try {
      return Files.readAllLines(Shared.path(relative)).stream().filter(s -> !s.isBlank())
          .mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A header-less CSV of numbers, one row per line. */
  static double[][] matrix(String relative) {
    try {
      return Files.readAllLines(Shared.path(relative)).stream().filter(l -> !l.isBlank())
          .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
          .toArray(double[][]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The testbed table: model to (setting to top-1 percent), empty cells left out. */
  static Map<String, Map<String, Double>> testbed() {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (CSVRecord r : csv("data/results/imagenet-testbed/robustness_top1s.csv")) {
      Map<String, Double> m = new LinkedHashMap<>();
      r.toMap().forEach((k, v) -> {
        if (!k.equals("model") && v != null && !v.isBlank()) {
          m.put(k, Double.parseDouble(v));
        }
      });
      out.put(r.get("model"), m);
    }
    return out;
  }

  /** timm results file: model to top-1 percent. */
  static Map<String, Double> timmTop1(String file) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (CSVRecord r : csv("data/results/timm/" + file)) {
      out.put(r.get("model"), Double.parseDouble(r.get("top1")));
    }
    return out;
  }

  /** ROC curve of (positive = OOD scores, negative = ID scores), higher = more OOD, from the metrics package. */
  static Curve roc(double[] pos, double[] neg, double area) {
    return Curve.roc(points(pos, neg), area);
  }

  /** Precision-recall curve of the same split, from the metrics package. */
  static Curve pr(double[] pos, double[] neg, double area) {
    return Curve.pr(points(pos, neg), area);
  }

  private static dev.robusta.metrics.OperatingPoints points(double[] pos, double[] neg) {
    return dev.robusta.metrics.OperatingPoints.of(dev.robusta.metrics.Scores.higherIsOod("s", neg),
        dev.robusta.metrics.Scores.higherIsOod("s", pos), dev.robusta.metrics.PositiveClass.OOD);
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
