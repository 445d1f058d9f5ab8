package dev.robusta.report;

import dev.robusta.metrics.AdaptiveBinning;
import dev.robusta.metrics.Calibration;
import dev.robusta.metrics.SelectivePrediction;
import dev.robusta.metrics.Softmax;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Calibration and selective prediction per (model, dataset): accuracy, ECE (equal-width bins), RMS and MAD
 * calibration error (adaptive bins of 100, hendrycks/natural-adv-examples calibration_tools.py), maximum
 * calibration error, NLL, Brier score, AURRA and AURC. The numbers come from the metrics package; this
 * class only lays them out.
 */
public final class CalibrationTable {
  private CalibrationTable() {}

  /**
   * @param n number of samples
   * @param accuracy top-1 accuracy in [0, 1]
   * @param ece expected calibration error with {@code eceBins} equal-width bins, in [0, 1]
   * @param rmsCalibrationError RMS calibration error, adaptive bins, in [0, 1]
   * @param madCalibrationError mean-absolute (adaptive-bin ECE), in [0, 1]
   * @param maxCalibrationError max over bins, in [0, 1]
   * @param nll mean negative log-likelihood in nats (NaN when only confidences are known)
   * @param brier Brier score, in [0, 2]
   * @param aurra area under the response-rate accuracy curve, in [0, 1] (higher is better)
   * @param aurc area under the risk-coverage curve, in [0, 1] (lower is better)
   */
  public record Row(String model, String dataset, int n, double accuracy, double ece, int eceBins,
      double rmsCalibrationError, double madCalibrationError, double maxCalibrationError, double nll,
      double brier, double aurra, double aurc) {}

  /**
   * One row computed by the metrics package from confidences alone: ECE on {@code eceBins} equal-width bins,
   * RMS / MAD / max calibration error on {@code binning}, AURRA and AURC; NLL and Brier need logits, so they
   * are NaN here.
   *
   * @param confidence max softmax probability per sample, in [0, 1]
   * @param correct whether the top-1 prediction was right
   * @throws IllegalArgumentException as the metrics do (lengths differ, fewer samples than one adaptive bin)
   */
  public static Row row(String model, String dataset, double[] confidence, boolean[] correct, int eceBins,
      AdaptiveBinning binning) {
    int hits = 0;
    for (boolean c : correct) {
      hits += c ? 1 : 0;
    }
    return new Row(model, dataset, confidence.length, hits / (double) confidence.length,
        Calibration.ece(confidence, correct, eceBins).value(), eceBins,
        Calibration.rms(confidence, correct, binning).value(), Calibration.mad(confidence, correct, binning).value(),
        Calibration.maxAdaptive(confidence, correct, binning).value(), Double.NaN, Double.NaN,
        SelectivePrediction.aurra(confidence, correct), SelectivePrediction.aurc(confidence, correct));
  }

  /**
   * One row computed by the metrics package from logits {@code [N, C]} and labels: confidence = max softmax,
   * correct = argmax equals the label (first index wins ties), plus NLL (nats) and Brier score.
   */
  public static Row row(String model, String dataset, double[][] logits, int[] labels, int eceBins,
      AdaptiveBinning binning) {
    ChartBuilder.sameLength("logits rows", logits.length, "labels", labels.length);
    double[] confidence = new double[logits.length];
    boolean[] correct = new boolean[logits.length];
    for (int i = 0; i < logits.length; i++) {
      confidence[i] = Softmax.max(Softmax.probabilities(logits[i]));
      correct[i] = Softmax.argmax(logits[i]) == labels[i];
    }
    Row r = row(model, dataset, confidence, correct, eceBins, binning);
    return new Row(model, dataset, r.n(), r.accuracy(), r.ece(), eceBins, r.rmsCalibrationError(),
        r.madCalibrationError(), r.maxCalibrationError(), Calibration.nll(logits, labels),
        Calibration.brier(logits, labels), r.aurra(), r.aurc());
  }

  /** @return one row per (model, dataset) with the columns named as the record components */
  public static ResultTable of(String title, List<Row> rows, String binning) {
    Table t = Table.create(title, StringColumn.create("model"), StringColumn.create("dataset"),
        IntColumn.create("n"), DoubleColumn.create("accuracy"), DoubleColumn.create("ece"),
        IntColumn.create("eceBins"), DoubleColumn.create("rmsCalibrationError"),
        DoubleColumn.create("madCalibrationError"), DoubleColumn.create("maxCalibrationError"),
        DoubleColumn.create("nll"), DoubleColumn.create("brier"), DoubleColumn.create("aurra"),
        DoubleColumn.create("aurc"));
    for (Row r : rows) {
      t.stringColumn("model").append(r.model());
      t.stringColumn("dataset").append(r.dataset());
      t.intColumn("n").append(r.n());
      t.doubleColumn("accuracy").append(r.accuracy());
      t.doubleColumn("ece").append(r.ece());
      t.intColumn("eceBins").append(r.eceBins());
      t.doubleColumn("rmsCalibrationError").append(r.rmsCalibrationError());
      t.doubleColumn("madCalibrationError").append(r.madCalibrationError());
      t.doubleColumn("maxCalibrationError").append(r.maxCalibrationError());
      t.doubleColumn("nll").append(r.nll());
      t.doubleColumn("brier").append(r.brier());
      t.doubleColumn("aurra").append(r.aurra());
      t.doubleColumn("aurc").append(r.aurc());
    }
    Map<String, String> c = new LinkedHashMap<>();
    c.put("binning", binning);
    c.put("ece", "equal-width confidence bins, bins closed on the right, 0.0 in the first bin");
    c.put("rms/mad/max", "adaptive bins of 100 samples sorted by confidence (hendrycks calibration_tools.py)");
    c.put("confidence", "max softmax probability");
    c.put("aurra", "mean accuracy over response rates, most confident first (higher is better)");
    c.put("aurc", "area under the risk-coverage curve (lower is better)");
    return ResultTable.of(title, t, c);
  }
}
