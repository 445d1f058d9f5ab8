package dev.robusta.report;

import dev.robusta.metrics.ReliabilityDiagram;
import dev.robusta.metrics.RiskCoverageCurve;
import java.util.Map;

/**
 * Calibration figures: the reliability diagram with the confidence histogram. The bin statistics come from
 * the metrics package; this class only draws them.
 */
public final class CalibrationCharts {
  private CalibrationCharts() {}

  /**
   * Reliability-diagram data, one entry per confidence bin.
   *
   * @param lower bin lower edges in [0, 1]
   * @param upper bin upper edges
   * @param meanConfidence mean confidence of the samples in each bin (NaN for an empty bin)
   * @param accuracy accuracy of the samples in each bin (NaN for an empty bin)
   * @param count number of samples in each bin
   */
  public record Bins(double[] lower, double[] upper, double[] meanConfidence, double[] accuracy, double[] count) {
    /** @throws IllegalArgumentException when the arrays differ in length */
    public Bins {
      ChartBuilder.sameLength("bin lower edges", lower.length, "upper edges", upper.length);
      ChartBuilder.sameLength("bin lower edges", lower.length, "mean confidences", meanConfidence.length);
      ChartBuilder.sameLength("bin lower edges", lower.length, "accuracies", accuracy.length);
      ChartBuilder.sameLength("bin lower edges", lower.length, "counts", count.length);
    }
  }

  /**
   * The reliability diagram of a metrics result (equal-width bins), titled with its ECE.
   */
  public static Chart reliability(String title, ReliabilityDiagram d) {
    double[] count = new double[d.bins()];
    for (int i = 0; i < count.length; i++) {
      count[i] = d.count()[i];
    }
    return reliability(title, new Bins(d.lower(), d.upper(), d.meanConfidence(), d.accuracy(), count), d.ece());
  }

  /**
   * Selective prediction: risk (error rate among the accepted samples) against coverage, one line per model,
   * with AURC in the legend.
   *
   * @param curves model name to its risk-coverage curve from the metrics package
   */
  public static Chart riskCoverage(String title, Map<String, RiskCoverageCurve> curves) {
    ChartBuilder b = Chart.builder(title).xAxis("Coverage (fraction accepted, most confident first)")
        .yAxis("Risk (error rate among accepted)").xRange(0, 1);
    curves.forEach((name, c) -> b.line(OodCharts.label(name, "AURC", c.aurc()), c.coverage(), c.risk()));
    return b.build();
  }

  /**
   * Accuracy per confidence bin as bars, the gap to the mean confidence as markers, the diagonal of perfect
   * calibration, and the number of samples per bin as a histogram in a panel below.
   *
   * @param ece the calibration error shown in the title (NaN to omit)
   */
  public static Chart reliability(String title, Bins bins, double ece) {
    int n = bins.lower().length;
    double[] centre = new double[n];
    double width = 1;
    for (int i = 0; i < n; i++) {
      centre[i] = (bins.lower()[i] + bins.upper()[i]) / 2;
      width = Math.min(width, bins.upper()[i] - bins.lower()[i]);
    }
    String full = Double.isNaN(ece) ? title : String.format("%s (ECE %.4f)", title, ece);
    return Chart.builder(full).xAxis("Confidence (max softmax probability)").yAxis("Accuracy")
        .xRange(0, 1).yRange(0, 1).size(640, 680)
        .bars("accuracy per bin", centre, bins.accuracy(), width * 0.95)
        .markers("mean confidence per bin", centre, bins.meanConfidence(), null)
        .dashedLine("perfect calibration", new double[] {0, 1}, new double[] {0, 1})
        .bars("samples per bin", centre, bins.count(), width * 0.95).opacity(0.6).lowerPanel("Samples")
        .build();
  }
}
