package dev.robusta.report;

import dev.robusta.metrics.OodDetectionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * OOD-detection results, one row per (OOD set, score): AUROC, AUPR-In, AUPR-Out, FPR95 and detection error,
 * with the convention columns that fix their meaning.
 *
 * <p>Conventions (also printed with the table): AUPR-In treats in-distribution as the positive class,
 * AUPR-Out the OOD set; AUROC does not depend on the choice. {@code fpr95Positive} says which side is
 * positive for FPR95 (the recall of 95% is taken on that side, the false positives on the other), and
 * {@code fpr95Rule} the threshold rule (hendrycks' "closest recall" or "first TPR &gt;= 0.95"). Detection
 * error is min over thresholds of 0.5 (1 - TPR) + 0.5 FPR (ODIN). Every value is a fraction in [0, 1];
 * NaN (written empty) marks an undefined value, e.g. a one-class input.
 */
public final class OodTable {
  private OodTable() {}

  /**
   * One (OOD set, score) result.
   *
   * @param idSet the in-distribution test set
   * @param oodSet the OOD set
   * @param score the score's name (e.g. {@code msp}, {@code maxLogit}, {@code energy})
   * @param scoreOrientation {@code HIGHER_IS_MORE_ID} or {@code HIGHER_IS_MORE_OOD}
   * @param fpr95Positive the positive class for FPR95: {@code ID} or {@code OOD}
   * @param fpr95Rule the threshold rule for FPR95
   * @param nId number of in-distribution samples
   * @param nOod number of OOD samples
   */
  public record Row(String idSet, String oodSet, String score, String scoreOrientation, double auroc,
      double auprIn, double auprOut, double fpr95, String fpr95Positive, String fpr95Rule,
      double detectionError, int nId, int nOod) {}

  /**
   * @return the row of one metrics result, with its score, orientation, convention and set sizes
   */
  public static Row row(String idSet, String oodSet, OodDetectionResult r) {
    return new Row(idSet, oodSet, r.score(), r.orientation().name(), r.auroc(), r.auprIn(), r.auprOut(),
        r.fpr95(), r.convention().positive().name(), r.convention().rule().name(), r.detectionError(), r.nId(),
        r.nOod());
  }

  /**
   * The table of metrics results, one row per (OOD set, score), the protocol taken from the results.
   *
   * @param byOodSet OOD set id to the results of each score on it, in row order
   */
  public static ResultTable of(String title, String idSet, Map<String, List<OodDetectionResult>> byOodSet) {
    List<Row> rows = new ArrayList<>();
    Set<String> protocols = new LinkedHashSet<>();
    byOodSet.forEach((ood, results) -> results.forEach(r -> {
      rows.add(row(idSet, ood, r));
      protocols.add(r.protocol());
    }));
    return of(title, rows, String.join("; ", protocols));
  }

  /**
   * @param title what the table shows
   * @param rows one per (OOD set, score)
   * @param protocol the evaluation protocol (e.g. "Hendrycks ImageNet-O, full sets") for the conventions
   * @return the table with columns {@code idSet, oodSet, score, auroc, auprIn, auprOut, fpr95,
   *     detectionError, scoreOrientation, fpr95Positive, fpr95Rule, nId, nOod}
   */
  public static ResultTable of(String title, List<Row> rows, String protocol) {
    Table t = Table.create(title,
        StringColumn.create("idSet"), StringColumn.create("oodSet"), StringColumn.create("score"),
        DoubleColumn.create("auroc"), DoubleColumn.create("auprIn"), DoubleColumn.create("auprOut"),
        DoubleColumn.create("fpr95"), DoubleColumn.create("detectionError"),
        StringColumn.create("scoreOrientation"), StringColumn.create("fpr95Positive"),
        StringColumn.create("fpr95Rule"), IntColumn.create("nId"), IntColumn.create("nOod"));
    for (Row r : rows) {
      t.stringColumn("idSet").append(r.idSet());
      t.stringColumn("oodSet").append(r.oodSet());
      t.stringColumn("score").append(r.score());
      t.doubleColumn("auroc").append(r.auroc());
      t.doubleColumn("auprIn").append(r.auprIn());
      t.doubleColumn("auprOut").append(r.auprOut());
      t.doubleColumn("fpr95").append(r.fpr95());
      t.doubleColumn("detectionError").append(r.detectionError());
      t.stringColumn("scoreOrientation").append(r.scoreOrientation());
      t.stringColumn("fpr95Positive").append(r.fpr95Positive());
      t.stringColumn("fpr95Rule").append(r.fpr95Rule());
      t.intColumn("nId").append(r.nId());
      t.intColumn("nOod").append(r.nOod());
    }
    Map<String, String> c = new LinkedHashMap<>();
    c.put("protocol", protocol);
    c.put("values", "fractions in [0, 1]; empty = undefined (NaN)");
    c.put("auprIn", "in-distribution is the positive class");
    c.put("auprOut", "the OOD set is the positive class");
    c.put("fpr95", "false-positive rate at 95% recall of the fpr95Positive class, threshold by fpr95Rule");
    c.put("detectionError", "min over thresholds of 0.5*(1-TPR) + 0.5*FPR (Liang et al., ODIN)");
    c.put("reference", "hendrycks/outlier-exposure utils/display_results.py get_measures; scikit-learn AUROC/AP");
    return ResultTable.of(title, t, c);
  }
}
