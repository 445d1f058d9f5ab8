/**
 * Result tables, Plotly figures that render offline, notebook display and the HTML report.
 *
 * <p>Tables: {@link dev.robusta.report.ResultTable} (a Tablesaw table plus its conventions, CSV with recorded
 * column types), built per metric family by {@link dev.robusta.report.AccuracyTable},
 * {@link dev.robusta.report.CorruptionTable}, {@link dev.robusta.report.PerturbationTable},
 * {@link dev.robusta.report.OodTable}, {@link dev.robusta.report.CalibrationTable} and
 * {@link dev.robusta.report.EffectiveRobustnessTable}. Figures: {@link dev.robusta.report.Chart} (a Tablesaw
 * jsplot figure with real Plotly JSON) from {@link dev.robusta.report.OodCharts},
 * {@link dev.robusta.report.CalibrationCharts}, {@link dev.robusta.report.CorruptionCharts},
 * {@link dev.robusta.report.PerturbationCharts}, {@link dev.robusta.report.EffectiveRobustnessChart}, and
 * {@link dev.robusta.report.ImageGrid} for pictures. plotly.js comes from the npm cache
 * ({@link dev.robusta.report.PlotlyJs}), never a CDN. {@link dev.robusta.report.Report} writes one
 * self-contained HTML file. The numbers come from {@code dev.robusta.metrics}; this package lays them out.
 */
package dev.robusta.report;
