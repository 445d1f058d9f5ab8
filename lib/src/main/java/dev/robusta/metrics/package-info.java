/**
 * Robustness, calibration and OOD-detection metrics on plain arrays (no DJL types), each result a
 * record that carries and prints its convention.
 *
 * <ul>
 *   <li>Classification: {@link dev.robusta.metrics.Classification}, {@link dev.robusta.metrics.LabelSpace},
 *       {@link dev.robusta.metrics.ClopperPearson}.
 *   <li>OOD detection: {@link dev.robusta.metrics.OodDetection} with {@link dev.robusta.metrics.Scores},
 *       {@link dev.robusta.metrics.Orientation}, {@link dev.robusta.metrics.OodConvention}.
 *   <li>Calibration and selective prediction: {@link dev.robusta.metrics.Calibration},
 *       {@link dev.robusta.metrics.TemperatureScaling}, {@link dev.robusta.metrics.SelectivePrediction}.
 * </ul>
 * Reference values: {@code ../shared/oracles/metrics/} (see its README §4); conventions: field survey §3.
 */
package dev.robusta.metrics;
