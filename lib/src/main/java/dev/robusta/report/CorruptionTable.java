package dev.robusta.report;

import dev.robusta.metrics.CorruptionErrors;
import dev.robusta.metrics.CorruptionResult;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The ImageNet-C corruption x severity top-1 error grid of one model, with CE and relative CE per corruption
 * and mCE / relative mCE in the conventions (Hendrycks &amp; Dietterich, ICLR 2019: CE_c = sum_s E_{c,s} /
 * sum_s E^AlexNet_{c,s}; relative CE_c = sum_s (E_{c,s} - E_clean) / sum_s (E^AlexNet_{c,s} -
 * E^AlexNet_clean); mCE = mean of CE_c over the 15 benchmark corruptions). Errors are fractions in [0, 1];
 * CE values are ratios (1.0 = AlexNet). The numbers come from the metrics package; this class only lays
 * them out.
 */
public final class CorruptionTable {
  private CorruptionTable() {}

  /**
   * One model's corruption results.
   *
   * @param model the model's name
   * @param cleanError top-1 error on the clean set, in [0, 1]
   * @param errors corruption name to its 5 per-severity errors (severity 1..5), in display order
   * @param ce corruption name to CE (NaN or absent when not normalised)
   * @param relativeCe corruption name to relative CE
   * @param mce mCE over the 15 benchmark corruptions (NaN when not computed)
   * @param relativeMce relative mCE over the 15
   * @param normaliser what CE is normalised by, e.g. "AlexNet, errors from hendrycks/robustness issue #10,
   *     clean error 0.43478"
   */
  public record Grid(String model, double cleanError, Map<String, double[]> errors, Map<String, Double> ce,
      Map<String, Double> relativeCe, double mce, double relativeMce, String normaliser) {
    /**
     * @param errors the model's per-severity errors (every corruption is shown)
     * @param result the metrics package's CE / mCE over its corruption set (others get no CE)
     */
    public static Grid of(CorruptionErrors errors, CorruptionResult result) {
      return new Grid(errors.model(), errors.cleanError(), errors.bySeverity(), result.ce(), result.relativeCe(),
          result.mce(), result.relativeMce(), "AlexNet per-corruption errors (hendrycks/robustness), AlexNet clean"
          + " error " + result.alexnetCleanError() + "; mCE over " + result.set() + " (" + result.set().names().size()
          + " corruptions)");
    }
  }

  /**
   * @return columns {@code corruption, s1..s5, meanError, CE, relativeCE}, one row per corruption
   * @throws IllegalArgumentException when a corruption does not have exactly 5 severities
   */
  public static ResultTable of(String title, Grid g, String protocol) {
    Table t = Table.create(title, StringColumn.create("corruption"));
    DoubleColumn[] sev = new DoubleColumn[5];
    for (int s = 0; s < 5; s++) {
      sev[s] = DoubleColumn.create("s" + (s + 1));
      t.addColumns(sev[s]);
    }
    DoubleColumn mean = DoubleColumn.create("meanError");
    DoubleColumn ce = DoubleColumn.create("CE");
    DoubleColumn rel = DoubleColumn.create("relativeCE");
    t.addColumns(mean, ce, rel);
    g.errors().forEach((name, e) -> {
      if (e.length != 5) {
        throw new IllegalArgumentException("corruption " + name + " has " + e.length + " severities, needs 5 (1..5)");
      }
      t.stringColumn("corruption").append(name);
      double sum = 0;
      for (int s = 0; s < 5; s++) {
        sev[s].append(e[s]);
        sum += e[s];
      }
      mean.append(sum / 5);
      ce.append(g.ce().getOrDefault(name, Double.NaN));
      rel.append(g.relativeCe().getOrDefault(name, Double.NaN));
    });
    Map<String, String> c = new LinkedHashMap<>();
    c.put("protocol", protocol);
    c.put("model", g.model());
    c.put("cleanError", Double.toString(g.cleanError()));
    c.put("mCE", Double.toString(g.mce()));
    c.put("relativeMce", Double.toString(g.relativeMce()));
    c.put("errors", "top-1 error fractions in [0, 1] per severity 1..5");
    c.put("CE", "sum_s E(c,s) / sum_s E_AlexNet(c,s); mCE = mean over the 15 benchmark corruptions");
    c.put("relativeCE", "sum_s (E(c,s) - E_clean) / sum_s (E_AlexNet(c,s) - E_AlexNet_clean)");
    c.put("normaliser", g.normaliser());
    c.put("reference", "Hendrycks & Dietterich, ICLR 2019 (hendrycks/robustness)");
    return ResultTable.of(title, t, c);
  }
}
