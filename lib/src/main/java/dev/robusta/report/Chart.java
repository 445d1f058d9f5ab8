package dev.robusta.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.robusta.kernel.Displayable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Plotly figure that renders offline: a Tablesaw jsplot {@link Figure} whose data and layout are real
 * Plotly JSON (Tablesaw's own templates quote numbers as strings, HTML-escape titles and have no error
 * bars, so Robusta's figures override {@link #asJavascript(String)}; anything that takes a Tablesaw figure
 * takes a {@code Chart}).
 *
 * <p>Shown as rich output: {@link #mimeBundle()} gives {@code text/html} (the first figure of a notebook
 * also carries plotly.js, see {@link PlotlyJs#claimNotebookInline()}) and a {@code text/plain} summary. In
 * JShell or on the command line, {@link #show()} writes a self-contained HTML page and prints its path.
 * Immutable; build one with {@link #builder(String)} or take one from {@link Charts}.
 */
public final class Chart extends Figure implements Displayable {
  private final String title;
  private final ObjectNode layout;
  private final List<ObjectNode> traces;

  Chart(String title, ObjectNode layout, List<ObjectNode> traces) {
    super(new Trace[0]);
    this.title = title;
    this.layout = layout.deepCopy();
    List<ObjectNode> copy = new ArrayList<>();
    traces.forEach(t -> copy.add(t.deepCopy()));
    this.traces = List.copyOf(copy);
  }

  /**
   * @param title the figure title, shown above the plot
   * @return a builder for a figure of your own
   */
  public static ChartBuilder builder(String title) {
    return new ChartBuilder(title);
  }

  /** @return the figure title */
  public String title() {
    return title;
  }

  /** @return the Plotly figure as JSON: {@code {"data": [traces...], "layout": {...}}} */
  public String json() {
    return Json.write(figureNode());
  }

  private ObjectNode figureNode() {
    ObjectNode fig = Json.object();
    fig.putArray("data").addAll(traces);
    fig.set("layout", layout);
    return fig;
  }

  /** @return the names of the traces, in drawing order (unnamed traces give "") */
  public List<String> traceNames() {
    List<String> names = new ArrayList<>();
    for (ObjectNode t : traces) {
      names.add(t.path("name").asText(""));
    }
    return names;
  }

  /** @return the x axis title, or "" when none */
  public String xTitle() {
    return layout.path("xaxis").path("title").path("text").asText("");
  }

  /** @return the y axis title, or "" when none */
  public String yTitle() {
    return layout.path("yaxis").path("title").path("text").asText("");
  }

  /**
   * The figure's script, without plotly.js: it draws into the element {@code divName} when plotly.js is on
   * the page, and otherwise writes a one-line explanation into that element.
   */
  @Override
  public String asJavascript(String divName) {
    String id = Json.forScript(Json.MAPPER.getNodeFactory().textNode(divName));
    return "<script>(function(){var d=document.getElementById(" + id + ");"
        + "if(typeof window.Plotly==='undefined'){d.textContent='plotly.js is not loaded on this page: "
        + "re-run the first figure cell (Robusta inlines plotly.js once per notebook)';return;}"
        + "var f=" + Json.forScript(figureNode()) + ";"
        + "window.Plotly.newPlot(d,f.data,f.layout,{responsive:true,displaylogo:false});})();</script>";
  }

  @Override
  public String divString(String divName) {
    int h = layout.path("height").asInt(480);
    return "<div id=\"" + Html.escape(divName) + "\" class=\"robusta-chart\" style=\"width:100%;max-width:"
        + layout.path("width").asInt(900) + "px;height:" + h + "px\"></div>";
  }

  /** @return a {@code <div>} and its script (no plotly.js), with a fresh element id */
  public String htmlFragment() {
    String id = "robusta-" + UUID.randomUUID();
    return divString(id) + "\n" + asJavascript(id);
  }

  /** @return a complete HTML page with plotly.js inlined: opens with no network */
  public String toHtmlPage() {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + "</title>\n"
        + PlotlyJs.scriptTags() + "</head><body>\n" + htmlFragment() + "\n</body></html>\n";
  }

  /**
   * Writes {@link #toHtmlPage()} to {@code file} (atomically: a temporary file then a move).
   *
   * @return {@code file}
   * @throws UncheckedIOException when it cannot be written
   */
  public Path write(Path file) {
    Html.writeAtomically(file, toHtmlPage());
    return file;
  }

  /**
   * For JShell and the command line: writes the page to a new file under
   * {@code ${java.io.tmpdir}/robusta-figures/} and prints {@code figure: <path>}.
   *
   * @return the file written
   */
  public Path show() {
    try {
      Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "robusta-figures"));
      Path file = Files.createTempFile(dir, Html.slug(title) + "-", ".html");
      write(file);
      System.out.println("figure: " + file.toAbsolutePath());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the figure page", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code text/html}: the figure's div and script, preceded by plotly.js when this is the first figure
   * since start-up or {@link PlotlyJs#resetNotebook()}; {@code text/plain}: {@link #toString()}.
   */
  @Override
  public Map<String, String> mimeBundle() {
    String html = htmlFragment();
    if (PlotlyJs.claimNotebookInline()) {
      try {
        html = PlotlyJs.scriptTags() + html;
      } catch (RuntimeException e) {
        PlotlyJs.resetNotebook();
        throw e;
      }
    }
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    m.put("text/html", html);
    return m;
  }

  /** @return title, axis titles and one line per trace with its type and number of points */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Chart \"" + title + "\"");
    if (!xTitle().isEmpty() || !yTitle().isEmpty()) {
      sb.append(" (x: ").append(xTitle()).append("; y: ").append(yTitle()).append(')');
    }
    for (ObjectNode t : traces) {
      JsonNode pts = t.has("x") ? t.get("x") : t.has("z") ? t.get("z") : t.path("y");
      sb.append("\n  ").append(t.path("type").asText("scatter")).append(' ')
          .append(t.path("name").asText("")).append(" [").append(pts.size()).append(" points]");
    }
    return sb.toString();
  }
}
