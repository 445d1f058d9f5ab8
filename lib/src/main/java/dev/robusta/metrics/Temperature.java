package dev.robusta.metrics;

import java.util.Locale;

/**
 * A fitted softmax temperature (Guo et al. 2017, "On Calibration of Modern Neural Networks"):
 * calibrated probabilities are softmax(z / T).
 *
 * @param temperature T &gt; 0 (T &gt; 1 softens over-confident predictions)
 * @param nllBefore held-out NLL at T = 1, nats
 * @param nllAfter held-out NLL at the fitted T, nats (never above {@code nllBefore})
 * @param n number of held-out samples it was fitted on
 */
public record Temperature(double temperature, double nllBefore, double nllAfter, int n) {

  /** @return {@code logits / T}, shape {@code [N, C]} kept (a new array) */
  public double[][] apply(double[][] logits) {
    double[][] out = new double[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      out[i] = new double[logits[i].length];
      for (int k = 0; k < out[i].length; k++) out[i][k] = logits[i][k] / temperature;
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Temperature scaling: T = %.5f fitted on %d held-out samples (NLL %.5f -> %.5f nats)",
        temperature, n, nllBefore, nllAfter);
  }
}
