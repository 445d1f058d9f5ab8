package dev.robusta.report;

import dev.robusta.Robusta;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Figure;

/**
 * A self-contained HTML report: the run's configuration, the conventions of every table, every table and
 * figure, and the citations of the datasets that appear in them. plotly.js is inlined once, so the file
 * opens with no network. Immutable: the {@code title}, {@code config} and {@code cite} methods return a new
 * report.
 *
 * <pre>{@code
 * Report.of(oodTable, rocChart, corruptionTable).title("ResNet-50 robustness").config("seed", "0")
 *     .write(Path.of("report.html"));
 * }</pre>
 */
public final class Report {
  private final String title;
  private final List<Object> items;
  private final Map<String, String> config;
  private final Set<String> cited;

  private Report(String title, List<Object> items, Map<String, String> config, Set<String> cited) {
    this.title = title;
    this.items = List.copyOf(items);
    this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    this.cited = Collections.unmodifiableSet(new LinkedHashSet<>(cited));
  }

  /**
   * @param results {@link ResultTable}, {@link Chart}, {@link ImageGrid}, a Tablesaw {@link Table} or
   *     {@link Figure}, or a {@link String} (a paragraph of text), in report order
   * @throws IllegalArgumentException for anything else (naming its class)
   */
  public static Report of(Object... results) {
    return of(List.of(results));
  }

  /** Same as {@link #of(Object...)} for a list. */
  public static Report of(List<?> results) {
    for (Object o : results) {
      if (!(o instanceof ResultTable || o instanceof Figure || o instanceof ImageGrid || o instanceof Table
          || o instanceof String)) {
        throw new IllegalArgumentException("a report holds ResultTable, Chart, ImageGrid, Tablesaw Table or Figure,"
            + " and String items; got " + (o == null ? "null" : o.getClass().getName()));
      }
    }
    return new Report("Robusta report", new ArrayList<>(results), Map.of(), Set.of());
  }

  /** @return a copy with this title */
  public Report title(String newTitle) {
    return new Report(newTitle, items, config, cited);
  }

  /** @return a copy with one more configuration entry (model, checkpoint, preprocessing, seed, ...) */
  public Report config(String key, String value) {
    Map<String, String> c = new LinkedHashMap<>(config);
    c.put(key, value);
    return new Report(title, items, c, cited);
  }

  /** @return a copy with these configuration entries added */
  public Report config(Map<String, String> entries) {
    Map<String, String> c = new LinkedHashMap<>(config);
    c.putAll(entries);
    return new Report(title, items, c, cited);
  }

  /** @return a copy that also cites these datasets (those in the tables are found automatically) */
  public Report cite(String... datasetIds) {
    Set<String> s = new LinkedHashSet<>(cited);
    s.addAll(List.of(datasetIds));
    return new Report(title, items, config, s);
  }

  /** @return the dataset ids the report cites: the explicit ones, then those named in its tables */
  public Set<String> datasets() {
    Set<String> ids = new LinkedHashSet<>(cited);
    for (Object o : items) {
      Table t = o instanceof ResultTable r ? r.table() : o instanceof Table tt ? tt : null;
      if (t != null) {
        for (String col : List.of("dataset", "idSet", "oodSet")) {
          if (t.containsColumn(col)) {
            Column<?> c = t.column(col);
            for (int i = 0; i < c.size(); i++) {
              ids.add(c.getString(i));
            }
          }
        }
      }
      if (o instanceof ResultTable r) {
        for (String k : List.of("idSet", "oodSet")) {
          Optional.ofNullable(r.conventions().get(k)).ifPresent(ids::add);
        }
      }
    }
    ids.remove("");
    return ids;
  }

  /** @return the whole page */
  public String toHtml() {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title)).append("</title>\n<style>")
        .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:0.5em 0;font-size:13px}")
        .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f0f0f0}")
        .append("td:first-child{text-align:left}.robusta-conventions{font-size:12px;color:#444}")
        .append("</style>\n");
    boolean charts = items.stream().anyMatch(o -> o instanceof Figure);
    if (charts) {
      sb.append(PlotlyJs.scriptTags());
    }
    sb.append("</head><body>\n<h1>").append(Html.escape(title)).append("</h1>\n<p>Written by Robusta ")
        .append(Html.escape(Robusta.version())).append(" at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(charts ? "; plotly.js " + Html.escape(PlotlyJs.version()) + " inlined, no network needed" : "")
        .append(".</p>\n<h2>Configuration</h2>\n");
    if (config.isEmpty()) {
      sb.append("<p>(no configuration recorded)</p>\n");
    } else {
      sb.append("<table>");
      config.forEach((k, v) -> sb.append("<tr><th>").append(Html.escape(k)).append("</th><td>")
          .append(Html.escape(v)).append("</td></tr>"));
      sb.append("</table>\n");
    }
    sb.append("<h2>Conventions</h2>\n");
    boolean anyConventions = false;
    for (Object o : items) {
      if (o instanceof ResultTable r && !r.conventions().isEmpty()) {
        anyConventions = true;
        sb.append("<h4>").append(Html.escape(r.title())).append("</h4><ul class=\"robusta-conventions\">");
        r.conventions().forEach((k, v) -> sb.append("<li><b>").append(Html.escape(k)).append("</b>: ")
            .append(Html.escape(v)).append("</li>"));
        sb.append("</ul>\n");
      }
    }
    if (!anyConventions) {
      sb.append("<p>(no table states conventions)</p>\n");
    }
    sb.append("<h2>Results</h2>\n");
    for (Object o : items) {
      sb.append(itemHtml(o)).append('\n');
    }
    sb.append("<h2>Datasets and citations</h2>\n<ul>");
    for (String id : datasets()) {
      sb.append("<li><b>").append(Html.escape(id)).append("</b>: ")
          .append(Html.escape(Citations.of(id).orElse("no citation registered for this dataset id"))).append("</li>");
    }
    return sb.append("</ul>\n</body></html>\n").toString();
  }

  private static String itemHtml(Object o) {
    if (o instanceof ResultTable r) {
      return r.toHtml();
    }
    if (o instanceof Chart c) {
      return "<section class=\"robusta-figure\">" + c.htmlFragment() + "</section>";
    }
    if (o instanceof Figure f) {
      String id = "robusta-" + UUID.randomUUID();
      return "<section class=\"robusta-figure\">" + f.divString(id) + f.asJavascript(id) + "</section>";
    }
    if (o instanceof ImageGrid g) {
      return g.toHtml();
    }
    if (o instanceof Table t) {
      return ResultTable.of(t.name() == null ? "table" : t.name(), t, Map.of()).toHtml();
    }
    return "<p>" + Html.escape((String) o) + "</p>";
  }

  /**
   * Writes {@link #toHtml()} to {@code file} atomically.
   *
   * @return {@code file}
   * @throws UncheckedIOException when it cannot be written
   * @throws PlotlyJsNotFoundException when the report has figures and plotly.js is not installed
   */
  public Path write(Path file) {
    Html.writeAtomically(file, toHtml());
    return file;
  }

  @Override
  public String toString() {
    return "Report \"" + title + "\": " + items.size() + " items, " + config.size() + " configuration entries, "
        + datasets().size() + " datasets";
  }
}
