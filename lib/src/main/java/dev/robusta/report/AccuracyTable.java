package dev.robusta.report;

import dev.robusta.metrics.AccuracyResult;
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
 * Top-1 / top-5 accuracy per model and dataset, with the label-space policy of each number (full 1000-way
 * argmax, argmax restricted to the dataset's 200-class subset as for ImageNet-A/R, map-any-of as for
 * ObjectNet). Accuracies are fractions in [0, 1].
 */
public final class AccuracyTable {
  private AccuracyTable() {}

  /**
   * @param model the model's name
   * @param dataset the evaluation set id
   * @param labelSpace the label-space policy, e.g. {@code FULL_1000}, {@code SUBSET_200}, {@code MAP_ANY_OF}
   * @param n number of images scored
   * @param top1 top-1 accuracy in [0, 1]
   * @param top5 top-5 accuracy in [0, 1] (NaN when not measured)
   */
  public record Row(String model, String dataset, String labelSpace, int n, double top1, double top5) {
    /** @return the row of a metrics result (its label space, n, top-1 and top-5) */
    public static Row of(String model, String dataset, AccuracyResult r) {
      return new Row(model, dataset, r.labelSpace(), r.n(), r.top1(), r.top5());
    }
  }

  /**
   * @return the long table {@code model, dataset, labelSpace, n, top1, top5}, one row per entry
   */
  public static ResultTable of(String title, List<Row> rows, String protocol) {
    Table t = Table.create(title, StringColumn.create("model"), StringColumn.create("dataset"),
        StringColumn.create("labelSpace"), IntColumn.create("n"), DoubleColumn.create("top1"),
        DoubleColumn.create("top5"));
    for (Row r : rows) {
      t.stringColumn("model").append(r.model());
      t.stringColumn("dataset").append(r.dataset());
      t.stringColumn("labelSpace").append(r.labelSpace());
      t.intColumn("n").append(r.n());
      t.doubleColumn("top1").append(r.top1());
      t.doubleColumn("top5").append(r.top5());
    }
    return ResultTable.of(title, t, conventions(protocol));
  }

  /**
   * @return the wide table: one row per model, one top-1 column per dataset, named
   *     {@code dataset [labelSpace]} so the policy travels with the column; NaN (empty) where a model was
   *     not evaluated on a dataset
   */
  public static ResultTable wide(String title, List<Row> rows, String protocol) {
    Set<String> models = new LinkedHashSet<>();
    Set<String> columns = new LinkedHashSet<>();
    Map<String, Double> cell = new LinkedHashMap<>();
    for (Row r : rows) {
      String col = r.dataset() + " [" + r.labelSpace() + "]";
      models.add(r.model());
      columns.add(col);
      if (cell.put(r.model() + "\u0000" + col, r.top1()) != null) {
        throw new IllegalArgumentException("two results for model " + r.model() + " on " + col);
      }
    }
    Table t = Table.create(title, StringColumn.create("model", new ArrayList<>(models)));
    for (String col : columns) {
      DoubleColumn d = DoubleColumn.create(col);
      for (String m : models) {
        Double v = cell.get(m + "\u0000" + col);
        d.append(v == null ? Double.NaN : v);
      }
      t.addColumns(d);
    }
    Map<String, String> c = conventions(protocol);
    c.put("cells", "top-1 accuracy; column = dataset [label-space policy]");
    return ResultTable.of(title, t, c);
  }

  private static Map<String, String> conventions(String protocol) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("protocol", protocol);
    c.put("accuracy", "fraction correct in [0, 1]");
    c.put("labelSpace", "FULL_1000 = argmax over all classes; SUBSET_k = argmax over the dataset's k classes;"
        + " MAP_ANY_OF = a hit when the argmax is any class mapped to the label");
    return c;
  }
}
