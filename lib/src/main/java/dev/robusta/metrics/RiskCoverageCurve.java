package dev.robusta.metrics;

import java.util.Locale;

/**
 * Selective prediction: samples are accepted in order of decreasing confidence; after accepting k of
 * N samples, coverage is k/N and risk the error rate among the accepted. Ties in confidence are taken
 * in descending index order (the order of hendrycks' reversed argsort when numpy's sort is stable).
 *
 * @param coverage k/N for k = 1..N, shape {@code [N]}
 * @param risk error rate of the k most confident samples, shape {@code [N]}
 * @param aurc area under the risk-coverage curve = mean of {@code risk} (Geifman et al. 2019, discrete form)
 * @param aurra area under the response-rate accuracy curve = mean of (1 - risk)
 *     ({@code natural-adv-examples · calibration_tools.py::aurra}); AURRA = 1 - AURC
 */
public record RiskCoverageCurve(double[] coverage, double[] risk, double aurc, double aurra) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Risk-coverage curve: N=%d, AURC %.6f, AURRA %.6f "
        + "(accept by decreasing confidence; ties by descending index)", coverage.length, aurc, aurra);
  }
}
