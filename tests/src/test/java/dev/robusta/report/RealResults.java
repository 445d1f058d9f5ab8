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

  /**
   * ROC points of (positive scores, negative scores), higher = more positive, one point per distinct
   * threshold: a test fixture to have curve arrays to draw (the library takes them from the metrics package).
   */
  static Curve roc(double[] pos, double[] neg, double area) {
    List<double[]> all = new ArrayList<>();
    for (double v : pos) {
      all.add(new double[] {v, 1});
    }
    for (double v : neg) {
      all.add(new double[] {v, 0});
    }
    all.sort((a, b) -> Double.compare(b[0], a[0]));
    List<Double> fpr = new ArrayList<>(List.of(0.0));
    List<Double> tpr = new ArrayList<>(List.of(0.0));
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i)[1] == 1) {
        tp++;
      } else {
        fp++;
      }
      if (i == all.size() - 1 || all.get(i + 1)[0] != all.get(i)[0]) {
        fpr.add(fp / (double) neg.length);
        tpr.add(tp / (double) pos.length);
      }
    }
    return new Curve(fpr.stream().mapToDouble(Double::doubleValue).toArray(),
        tpr.stream().mapToDouble(Double::doubleValue).toArray(), area);
  }

  /** Precision-recall points (x = recall, y = precision) per distinct threshold, from (0, 1): a fixture. */
  static Curve pr(double[] pos, double[] neg, double area) {
    Curve roc = roc(pos, neg, area);
    List<Double> rec = new ArrayList<>(List.of(0.0));
    List<Double> prec = new ArrayList<>(List.of(1.0));
    for (int i = 1; i < roc.x().length; i++) {
      double tp = roc.y()[i] * pos.length;
      double fp = roc.x()[i] * neg.length;
      rec.add(roc.y()[i]);
      prec.add(tp / (tp + fp));
    }
    return new Curve(rec.stream().mapToDouble(Double::doubleValue).toArray(),
        prec.stream().mapToDouble(Double::doubleValue).toArray(), area);
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
