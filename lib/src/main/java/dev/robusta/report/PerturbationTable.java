package dev.robusta.report;

import dev.robusta.metrics.NormalisedMean;
import dev.robusta.metrics.PerturbationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * ImageNet-P results per perturbation: flip probability FP, FR = FP / FP^AlexNet, top-5 distance T5D and
 * T5D / T5D^AlexNet, with mFR and mT5D (their means over perturbations) in the conventions. Noise
 * perturbations compare every frame with the first; the others compare frames {@code difficulty} apart
 * (Hendrycks &amp; Dietterich, ICLR 2019; hendrycks/robustness ImageNet-P/test.py). The numbers come from
 * the metrics package; this class only lays them out.
 */
public final class PerturbationTable {
  private PerturbationTable() {}

  /**
   * @param perturbation the perturbation's name
   * @param flipProbability FP in [0, 1]
   * @param flipRate FR = FP / FP of AlexNet (NaN without a normaliser)
   * @param top5Distance T5D (mean top-5 distance, in [0, 15])
   * @param top5DistanceRatio T5D / T5D of AlexNet
   */
  public record Row(String perturbation, double flipProbability, double flipRate, double top5Distance,
      double top5DistanceRatio) {}

  /**
   * The table of metrics results: FP and T5D per perturbation, FR and T5D ratio from the normalised means
   * (NaN for a perturbation they do not cover).
   *
   * @param mfr {@code Perturbations.normalisedMean("mFR", ...)}
   * @param mt5d {@code Perturbations.normalisedMean("mT5D", ...)}
   */
  public static ResultTable of(String title, String model, List<PerturbationResult> results, NormalisedMean mfr,
      NormalisedMean mt5d, String protocol) {
    List<Row> rows = new ArrayList<>();
    StringBuilder rules = new StringBuilder();
    for (PerturbationResult r : results) {
      rows.add(new Row(r.perturbation(), r.flipProbability(), mfr.ratios().getOrDefault(r.perturbation(), Double.NaN),
          r.top5Distance(), mt5d.ratios().getOrDefault(r.perturbation(), Double.NaN)));
      rules.append(rules.length() == 0 ? "" : ", ").append(r.perturbation()).append(": ").append(r.rule())
          .append(" d=").append(r.difficulty());
    }
    return of(title, model, rows, mfr.value(), mt5d.value(), "AlexNet values: " + mfr.normalisers() + " (FP), "
        + mt5d.normalisers() + " (T5D)", protocol + "; frame rules: " + rules);
  }

  /**
   * @param mfr mean of {@code flipRate} over the rows (from the metrics package)
   * @param mt5d mean of {@code top5DistanceRatio}
   * @param normaliser where the AlexNet FP / T5D values come from
   * @return columns {@code perturbation, FP, FR, T5D, T5Dratio}
   */
  public static ResultTable of(String title, String model, List<Row> rows, double mfr, double mt5d,
      String normaliser, String protocol) {
    Table t = Table.create(title, StringColumn.create("perturbation"), DoubleColumn.create("FP"),
        DoubleColumn.create("FR"), DoubleColumn.create("T5D"), DoubleColumn.create("T5Dratio"));
    for (Row r : rows) {
      t.stringColumn("perturbation").append(r.perturbation());
      t.doubleColumn("FP").append(r.flipProbability());
      t.doubleColumn("FR").append(r.flipRate());
      t.doubleColumn("T5D").append(r.top5Distance());
      t.doubleColumn("T5Dratio").append(r.top5DistanceRatio());
    }
    Map<String, String> c = new LinkedHashMap<>();
    c.put("protocol", protocol);
    c.put("model", model);
    c.put("mFR", Double.toString(mfr));
    c.put("mT5D", Double.toString(mt5d));
    c.put("FP", "flip probability: noise perturbations vs the first frame, others frames 'difficulty' apart");
    c.put("FR", "FP / FP_AlexNet; mFR = mean over perturbations");
    c.put("T5D", "top-5 distance between consecutive compared frames; T5Dratio = T5D / T5D_AlexNet");
    c.put("normaliser", normaliser);
    c.put("reference", "Hendrycks & Dietterich, ICLR 2019 (hendrycks/robustness ImageNet-P/test.py)");
    return ResultTable.of(title, t, c);
  }
}
