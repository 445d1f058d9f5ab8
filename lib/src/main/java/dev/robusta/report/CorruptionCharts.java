package dev.robusta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ImageNet-C figures: the corruption x severity error heatmap, per-severity accuracy curves and CE bars
 * against AlexNet. They draw {@link CorruptionTable.Grid}s computed by the metrics package.
 */
public final class CorruptionCharts {
  private static final List<String> SEVERITIES = List.of("1", "2", "3", "4", "5");

  private CorruptionCharts() {}

  /** Top-1 error per corruption (rows) and severity (columns), one colour cell each. */
  public static Chart heatmap(String title, CorruptionTable.Grid g) {
    List<String> names = new ArrayList<>(g.errors().keySet());
    double[][] z = new double[names.size()][];
    for (int i = 0; i < names.size(); i++) {
      z[i] = g.errors().get(names.get(i)).clone();
    }
    return Chart.builder(title).xAxis("Severity").yAxis("Corruption").size(680, 140 + 26 * names.size()).leftMargin(150)
        .heatmap(g.model(), SEVERITIES, names, z, "top-1 error", "Viridis").build();
  }

  /**
   * Accuracy against severity (0 = clean), one line per model, averaged over the grid's corruptions.
   *
   * @param grids model name to its grid, in legend order
   */
  public static Chart severityCurves(String title, Map<String, CorruptionTable.Grid> grids) {
    ChartBuilder b = Chart.builder(title).xAxis("Severity (0 = clean)").yAxis("Top-1 accuracy").yRange(0, 1);
    grids.forEach((name, g) -> {
      double[] acc = new double[6];
      acc[0] = 1 - g.cleanError();
      for (int s = 0; s < 5; s++) {
        double sum = 0;
        for (double[] e : g.errors().values()) {
          sum += e[s];
        }
        acc[s + 1] = 1 - sum / g.errors().size();
      }
      b.lineMarkers(name, new double[] {0, 1, 2, 3, 4, 5}, acc);
    });
    return b.build();
  }

  /** Accuracy against severity for one model, one line per corruption (severity 0 = clean). */
  public static Chart severityCurvesByCorruption(String title, CorruptionTable.Grid g) {
    ChartBuilder b = Chart.builder(title).xAxis("Severity (0 = clean)").yAxis("Top-1 accuracy").yRange(0, 1)
        .size(760, 560);
    g.errors().forEach((name, e) -> {
      double[] acc = new double[6];
      acc[0] = 1 - g.cleanError();
      for (int s = 0; s < 5; s++) {
        acc[s + 1] = 1 - e[s];
      }
      b.lineMarkers(name, new double[] {0, 1, 2, 3, 4, 5}, acc);
    });
    return b.build();
  }

  private static double[] hundreds(int n) {
    double[] h = new double[n];
    java.util.Arrays.fill(h, 100);
    return h;
  }

  /**
   * Corruption error per corruption in percent of AlexNet's (CE x 100), as bars, with AlexNet's 100 as a
   * dashed line; the title carries the mCE.
   */
  public static Chart mceBars(String title, CorruptionTable.Grid g) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    g.errors().keySet().forEach(name -> {
      Double ce = g.ce().get(name);
      if (ce != null && Double.isFinite(ce)) {
        names.add(name);
        values.add(100 * ce);
      }
    });
    if (names.isEmpty()) {
      throw new IllegalArgumentException("model " + g.model() + " has no CE values to draw; compute CE first");
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    String full = String.format("%s (%s: mCE %.1f%%, relative mCE %.1f%%)", title, g.model(), 100 * g.mce(),
        100 * g.relativeMce());
    return Chart.builder(full).xAxis("Corruption").yAxis("Corruption error CE (% of AlexNet)").size(860, 480)
        .bars(g.model(), names, v)
        .dashedLine("AlexNet = 100", names, hundreds(names.size()))
        .build();
  }
}
