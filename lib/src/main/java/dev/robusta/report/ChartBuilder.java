package dev.robusta.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Chart}: axis settings by name, then traces in drawing order. Arrays are copied; a
 * non-finite value becomes a gap. Every method checks its lengths and throws
 * {@link IllegalArgumentException} naming both lengths when they differ.
 */
public final class ChartBuilder {
  private final String title;
  private final ObjectNode layout = Json.object();
  private final List<ObjectNode> traces = new ArrayList<>();

  ChartBuilder(String title) {
    this.title = Objects.requireNonNull(title, "title");
    layout.set("title", Json.title(title));
    layout.put("height", 480);
    layout.put("width", 760);
    layout.put("hovermode", "closest");
  }

  private ObjectNode axis(String key) {
    return layout.has(key) ? (ObjectNode) layout.get(key) : layout.putObject(key);
  }

  /** Sets the x axis title. */
  public ChartBuilder xAxis(String axisTitle) {
    axis("xaxis").set("title", Json.title(axisTitle));
    return this;
  }

  /** Sets the y axis title. */
  public ChartBuilder yAxis(String axisTitle) {
    axis("yaxis").set("title", Json.title(axisTitle));
    return this;
  }

  /** Fixes the x axis range (in data units, after any transform). */
  public ChartBuilder xRange(double lo, double hi) {
    axis("xaxis").set("range", Json.array(new double[] {lo, hi}));
    return this;
  }

  /** Fixes the y axis range. */
  public ChartBuilder yRange(double lo, double hi) {
    axis("yaxis").set("range", Json.array(new double[] {lo, hi}));
    return this;
  }

  /** Puts tick marks at {@code values} labelled {@code labels} on the x axis (e.g. accuracies on a logit axis). */
  public ChartBuilder xTicks(double[] values, String[] labels) {
    ticks(axis("xaxis"), values, labels);
    return this;
  }

  /** Same as {@link #xTicks} for the y axis. */
  public ChartBuilder yTicks(double[] values, String[] labels) {
    ticks(axis("yaxis"), values, labels);
    return this;
  }

  private static void ticks(ObjectNode ax, double[] values, String[] labels) {
    sameLength("tick values", values.length, "tick labels", labels.length);
    ax.put("tickmode", "array");
    ax.set("tickvals", Json.array(values));
    ax.set("ticktext", Json.array(labels));
  }

  /** Hides the lines Plotly draws at x = 0 and y = 0 (meaningless on transformed axes such as logit). */
  public ChartBuilder noZeroLines() {
    axis("xaxis").put("zeroline", false);
    axis("yaxis").put("zeroline", false);
    return this;
  }

  /** Makes the y axis share the x axis scale (square cells, e.g. for ROC curves). */
  public ChartBuilder squareAxes() {
    axis("yaxis").put("scaleanchor", "x");
    return this;
  }

  /** Sets the figure size in pixels. */
  public ChartBuilder size(int width, int height) {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException("figure size must be at least 100x100 px, was " + width + "x" + height);
    }
    layout.put("width", width);
    layout.put("height", height);
    return this;
  }

  /** Plotly's {@code barmode}: {@code group}, {@code overlay}, {@code stack}. */
  public ChartBuilder barMode(String mode) {
    layout.put("barmode", mode);
    return this;
  }

  /** A line through the points (x[i], y[i]). */
  public ChartBuilder line(String name, double[] x, double[] y) {
    return scatter(name, x, y, "lines");
  }

  /** A dashed line, for reference lines (a baseline, the diagonal, AlexNet = 100). */
  public ChartBuilder dashedLine(String name, double[] x, double[] y) {
    scatter(name, x, y, "lines").last().putObject("line").put("dash", "dash");
    return this;
  }

  /** A dashed reference line over categories (e.g. AlexNet = 100 across every corruption of a bar chart). */
  public ChartBuilder dashedLine(String name, List<String> categories, double[] y) {
    sameLength("categories", categories.size(), "y", y.length);
    ObjectNode t = trace("scatter", name);
    t.put("mode", "lines");
    t.set("x", Json.array(categories));
    t.set("y", Json.array(y));
    t.putObject("line").put("dash", "dash");
    return this;
  }

  /** A line with a marker at each point. */
  public ChartBuilder lineMarkers(String name, double[] x, double[] y) {
    return scatter(name, x, y, "lines+markers");
  }

  /** Points only; {@code hoverText} (nullable) labels each point. */
  public ChartBuilder markers(String name, double[] x, double[] y, String[] hoverText) {
    scatter(name, x, y, "markers");
    if (hoverText != null) {
      sameLength("x", x.length, "hover text", hoverText.length);
      last().set("text", Json.array(hoverText));
    }
    return this;
  }

  /**
   * Points with asymmetric error bars: the bar runs from {@code x - xMinus} to {@code x + xPlus} (arrays
   * of distances, nullable for no bar), likewise for y.
   */
  public ChartBuilder errorMarkers(String name, double[] x, double[] y, double[] xMinus, double[] xPlus,
      double[] yMinus, double[] yPlus, String[] hoverText) {
    markers(name, x, y, hoverText);
    if (xMinus != null) {
      last().set("error_x", errorBar(x.length, xMinus, xPlus));
    }
    if (yMinus != null) {
      last().set("error_y", errorBar(y.length, yMinus, yPlus));
    }
    return this;
  }

  private static ObjectNode errorBar(int n, double[] minus, double[] plus) {
    sameLength("points", n, "error bar (minus)", minus.length);
    sameLength("points", n, "error bar (plus)", plus.length);
    ObjectNode e = Json.object();
    e.put("type", "data");
    e.put("symmetric", false);
    e.set("array", Json.array(plus));
    e.set("arrayminus", Json.array(minus));
    e.put("thickness", 1);
    e.put("width", 0);
    return e;
  }

  /** A shaded band between {@code lo} and {@code hi} over x (two traces: the lower edge, then the fill). */
  public ChartBuilder band(String name, double[] x, double[] lo, double[] hi) {
    sameLength("x", x.length, "band upper edge", hi.length);
    scatter(name + " (lower)", x, lo, "lines");
    last().put("showlegend", false);
    last().putObject("line").put("width", 0);
    scatter(name, x, hi, "lines");
    last().put("fill", "tonexty");
    last().put("fillcolor", "rgba(100,100,100,0.25)");
    last().putObject("line").put("width", 0);
    return this;
  }

  /** Bars, one per category. */
  public ChartBuilder bars(String name, List<String> categories, double[] values) {
    sameLength("categories", categories.size(), "values", values.length);
    ObjectNode t = trace("bar", name);
    t.set("x", Json.array(categories));
    t.set("y", Json.array(values));
    return this;
  }

  /** Bars at numeric positions {@code x} with the given bar width (in x units). */
  public ChartBuilder bars(String name, double[] x, double[] values, double width) {
    sameLength("x", x.length, "values", values.length);
    ObjectNode t = trace("bar", name);
    t.set("x", Json.array(x));
    t.set("y", Json.array(values));
    t.put("width", width);
    return this;
  }

  /**
   * A histogram of {@code values}, binned by Plotly into {@code bins} bins between {@code lo} and
   * {@code hi}, normalised as {@code histnorm} ("" counts, {@code probability}, {@code probability density}).
   */
  public ChartBuilder histogram(String name, double[] values, double lo, double hi, int bins, String histnorm) {
    if (bins < 1 || !(hi > lo)) {
      throw new IllegalArgumentException("histogram needs bins >= 1 and hi > lo, was bins=" + bins
          + ", lo=" + lo + ", hi=" + hi);
    }
    ObjectNode t = trace("histogram", name);
    t.set("x", Json.array(values));
    t.put("histnorm", histnorm);
    t.put("opacity", 0.6);
    ObjectNode xb = t.putObject("xbins");
    xb.put("start", lo);
    xb.put("end", hi);
    xb.put("size", (hi - lo) / bins);
    t.put("autobinx", false);
    return this;
  }

  /** A heatmap: {@code z[row][col]} drawn at (x[col], y[row]), with a colour bar titled {@code zTitle}. */
  public ChartBuilder heatmap(String name, List<String> x, List<String> y, double[][] z, String zTitle,
      String colorscale) {
    sameLength("heatmap rows", z.length, "y labels", y.size());
    for (double[] row : z) {
      sameLength("heatmap row", row.length, "x labels", x.size());
    }
    ObjectNode t = trace("heatmap", name);
    t.set("x", Json.array(x));
    t.set("y", Json.array(y));
    t.set("z", Json.array(z));
    t.put("colorscale", colorscale);
    t.putObject("colorbar").set("title", Json.title(zTitle));
    return this;
  }

  /** Puts the last trace on a second y axis on the right, titled {@code axisTitle}. */
  public ChartBuilder onSecondYAxis(String axisTitle) {
    last().put("yaxis", "y2");
    ObjectNode y2 = axis("yaxis2");
    y2.set("title", Json.title(axisTitle));
    y2.put("overlaying", "y");
    y2.put("side", "right");
    y2.put("showgrid", false);
    return this;
  }

  /**
   * Moves the last trace to a lower panel with its own y axis titled {@code axisTitle} (the main plot takes
   * the upper 70% of the height), e.g. the confidence histogram under a reliability diagram.
   */
  public ChartBuilder lowerPanel(String axisTitle) {
    last().put("yaxis", "y2");
    axis("yaxis").set("domain", Json.array(new double[] {0.32, 1}));
    ObjectNode y2 = axis("yaxis2");
    y2.set("title", Json.title(axisTitle));
    y2.set("domain", Json.array(new double[] {0, 0.22}));
    y2.put("anchor", "x");
    axis("xaxis").put("anchor", "y2");
    return this;
  }

  /** Sets the left margin in pixels, for long category labels on the y axis. */
  public ChartBuilder leftMargin(int pixels) {
    layout.putObject("margin").put("l", pixels);
    return this;
  }

  /** Makes the last trace a bar trace drawn with the given opacity (e.g. a histogram behind a curve). */
  public ChartBuilder opacity(double opacity) {
    last().put("opacity", opacity);
    return this;
  }

  /** @return the immutable figure */
  public Chart build() {
    return new Chart(title, layout, traces);
  }

  private ChartBuilder scatter(String name, double[] x, double[] y, String mode) {
    sameLength("x", x.length, "y", y.length);
    ObjectNode t = trace("scatter", name);
    t.put("mode", mode);
    t.set("x", Json.array(x));
    t.set("y", Json.array(y));
    return this;
  }

  private ObjectNode trace(String type, String name) {
    ObjectNode t = Json.object();
    t.put("type", type);
    t.put("name", Objects.requireNonNull(name, "trace name"));
    traces.add(t);
    return t;
  }

  private ObjectNode last() {
    if (traces.isEmpty()) {
      throw new IllegalStateException("add a trace first");
    }
    return traces.get(traces.size() - 1);
  }

  static void sameLength(String a, int na, String b, int nb) {
    if (na != nb) {
      throw new IllegalArgumentException(a + " and " + b + " must have the same length, were " + na + " and " + nb);
    }
  }
}
