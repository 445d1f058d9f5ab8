package dev.robusta.report;

import java.util.Map;

/** ImageNet-P figures: flip probability over the frames of the perturbation sequences. */
public final class PerturbationCharts {
  private PerturbationCharts() {}

  /**
   * The fraction of sequences whose top-1 prediction at frame {@code t} differs from the reference frame:
   * the first frame for noise perturbations (as ImageNet-P's FP does for them), the previous frame
   * otherwise. Frame 0 has no reference; the result has {@code frames - 1} values, for frames 1.. .
   *
   * @param predictions top-1 predictions, {@code [videos][frames]}, all of the same length (at least 2)
   * @param noise true for noise perturbations
   * @throws IllegalArgumentException for ragged or too short sequences
   */
  public static double[] flipCurve(int[][] predictions, boolean noise) {
    if (predictions.length == 0) {
      throw new IllegalArgumentException("no sequences");
    }
    int frames = predictions[0].length;
    for (int[] p : predictions) {
      if (p.length != frames || frames < 2) {
        throw new IllegalArgumentException("every sequence needs the same number (>= 2) of frames; found "
            + p.length + " and " + frames);
      }
    }
    double[] out = new double[frames - 1];
    for (int t = 1; t < frames; t++) {
      int flips = 0;
      for (int[] p : predictions) {
        if (p[t] != p[noise ? 0 : t - 1]) {
          flips++;
        }
      }
      out[t - 1] = flips / (double) predictions.length;
    }
    return out;
  }

  /**
   * One line per perturbation: flip probability at each frame (frames numbered from 1).
   *
   * @param curves perturbation name to per-frame flip probability, e.g. from {@link #flipCurve}
   */
  public static Chart flipCurves(String title, Map<String, double[]> curves) {
    ChartBuilder b = Chart.builder(title).xAxis("Frame").yAxis("Flip probability").yRange(0, 1);
    curves.forEach((name, c) -> {
      double[] x = new double[c.length];
      for (int i = 0; i < c.length; i++) {
        x[i] = i + 1;
      }
      b.lineMarkers(name, x, c);
    });
    return b.build();
  }
}
