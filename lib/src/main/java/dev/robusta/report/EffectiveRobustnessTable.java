package dev.robusta.report;

import dev.robusta.metrics.AccuracyTable;
import dev.robusta.metrics.ClopperPearson;
import dev.robusta.metrics.Interval;
import dev.robusta.metrics.RobustnessFit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.OptionalDouble;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Effective robustness per model (Taori et al., NeurIPS 2020; modestyachts/imagenet-testbed): the OOD
 * accuracy minus the OOD accuracy that the baseline fit predicts from the model's ID accuracy, in accuracy
 * fractions. The fit is linear in the transformed space (logit by default) over the baseline models only.
 * The numbers come from the metrics package; this class only lays them out.
 */
public final class EffectiveRobustnessTable {
  private EffectiveRobustnessTable() {}

  /**
   * @param idAccuracy ID top-1 accuracy in [0, 1]
   * @param idLow lower Clopper-Pearson bound of the ID accuracy
   * @param idHigh upper Clopper-Pearson bound of the ID accuracy
   * @param oodAccuracy OOD top-1 accuracy in [0, 1]
   * @param oodLow lower Clopper-Pearson bound of the OOD accuracy
   * @param oodHigh upper Clopper-Pearson bound of the OOD accuracy
   * @param predictedOodAccuracy the baseline fit's prediction at {@code idAccuracy}
   * @param effectiveRobustness {@code oodAccuracy - predictedOodAccuracy}
   * @param baseline whether the model is one of those the line was fitted to
   */
  public record Row(String model, double idAccuracy, double idLow, double idHigh, double oodAccuracy, double oodLow, double oodHigh,
      double predictedOodAccuracy, double effectiveRobustness, boolean baseline) {}

  /**
   * Rows for every model of {@code table} that has both of the fit's settings: accuracies as fractions,
   * Clopper-Pearson intervals from the metrics package, the fit's prediction and effective robustness.
   *
   * @param nId size of the ID evaluation set (e.g. 50,000 for ImageNet val), for the intervals
   * @param nOod size of the OOD set (e.g. 10,000 for ImageNetV2)
   * @param alpha interval alpha (the testbed uses 0.005)
   */
  public static List<Row> rows(AccuracyTable table, RobustnessFit fit, int nId, int nOod, double alpha) {
    List<Row> rows = new ArrayList<>();
    for (String m : table.models()) {
      OptionalDouble x = table.accuracy(m, fit.idSetting());
      OptionalDouble y = table.accuracy(m, fit.oodSetting());
      if (x.isEmpty() || y.isEmpty()) {
        continue;
      }
      Interval ci = ClopperPearson.forAccuracy(x.getAsDouble() / 100, nId, 1 - alpha);
      Interval co = ClopperPearson.forAccuracy(y.getAsDouble() / 100, nOod, 1 - alpha);
      double predicted = fit.predictedOod(x.getAsDouble()) / 100;
      rows.add(new Row(m, x.getAsDouble() / 100, ci.lower(), ci.upper(), y.getAsDouble() / 100, co.lower(),
          co.upper(), predicted, y.getAsDouble() / 100 - predicted, fit.baselineModels().contains(m)));
    }
    return rows;
  }

  /** The table of {@link #rows} under the metrics package's fit. */
  public static ResultTable of(String title, AccuracyTable table, RobustnessFit fit, int nId, int nOod, double alpha) {
    return of(title, fit.idSetting(), fit.oodSetting(), rows(table, fit, nId, nOod, alpha),
        fit.transform().name().toLowerCase(java.util.Locale.ROOT), fit.slope(), fit.intercept(), alpha);
  }

  /**
   * @param transform the axis transform of the fit ({@code logit}, {@code probit} or {@code linear})
   * @param slope the fitted slope in transformed space
   * @param intercept the fitted intercept in transformed space
   * @param alpha the Clopper-Pearson alpha (the testbed uses 0.005)
   * @return columns {@code model, idAccuracy, idLow, idHigh, oodAccuracy, oodLow, oodHigh, predictedOodAccuracy,
   *     effectiveRobustness, baseline}
   */
  public static ResultTable of(String title, String idSet, String oodSet, List<Row> rows, String transform,
      double slope, double intercept, double alpha) {
    Table t = Table.create(title, StringColumn.create("model"), DoubleColumn.create("idAccuracy"),
        DoubleColumn.create("idLow"), DoubleColumn.create("idHigh"),
        DoubleColumn.create("oodAccuracy"), DoubleColumn.create("oodLow"), DoubleColumn.create("oodHigh"),
        DoubleColumn.create("predictedOodAccuracy"), DoubleColumn.create("effectiveRobustness"),
        BooleanColumn.create("baseline"));
    for (Row r : rows) {
      t.stringColumn("model").append(r.model());
      t.doubleColumn("idAccuracy").append(r.idAccuracy());
      t.doubleColumn("idLow").append(r.idLow());
      t.doubleColumn("idHigh").append(r.idHigh());
      t.doubleColumn("oodAccuracy").append(r.oodAccuracy());
      t.doubleColumn("oodLow").append(r.oodLow());
      t.doubleColumn("oodHigh").append(r.oodHigh());
      t.doubleColumn("predictedOodAccuracy").append(r.predictedOodAccuracy());
      t.doubleColumn("effectiveRobustness").append(r.effectiveRobustness());
      t.booleanColumn("baseline").append(r.baseline());
    }
    Map<String, String> c = new LinkedHashMap<>();
    c.put("idSet", idSet);
    c.put("oodSet", oodSet);
    c.put("accuracy", "top-1 fractions in [0, 1]");
    c.put("fit", transform + "(ood) = " + slope + " * " + transform + "(id) + " + intercept
        + ", accuracies in percent, fitted on the baseline models only");
    c.put("effectiveRobustness", "oodAccuracy - predictedOodAccuracy (accuracy fraction)");
    c.put("low/high", "Clopper-Pearson interval, alpha = " + alpha);
    c.put("reference", "Taori et al., NeurIPS 2020 (modestyachts/imagenet-testbed)");
    return ResultTable.of(title, t, c);
  }
}
