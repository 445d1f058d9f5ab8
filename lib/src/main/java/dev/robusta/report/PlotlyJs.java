package dev.robusta.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline copy of plotly.js that every Robusta page and notebook inlines, never a CDN.
 *
 * <p>Where it is looked for, first hit wins: the file named by the environment variable
 * {@code ROBUSTA_PLOTLY_JS}; then {@code $ROBUSTA_ENV_CACHE/npm/node_modules/plotly.js-dist-min/plotly.min.js},
 * where {@code ROBUSTA_ENV_CACHE} defaults to {@code $XDG_CACHE_HOME/robusta-env} and then
 * {@code ~/.cache/robusta-env} (the place {@code environment/install.sh} fills with
 * {@code npm install plotly.js-dist-min@2.35.3}). Only plotly.js 2.x is accepted: 3.x silently drops the
 * {@code title: 'text'} strings Tablesaw writes.
 *
 * <p>Inside Jupyter the page already has require.js, so plotly's UMD wrapper would register an AMD module
 * and leave {@code window.Plotly} undefined; {@link #scriptTags()} hides {@code window.define} while
 * plotly.js loads. A notebook needs the 4.5 MB script once: {@link #claimNotebookInline()} hands it to the
 * first figure displayed, and {@link #resetNotebook()} (called by the kernel when a session starts) makes the
 * next figure carry it again.
 */
public final class PlotlyJs {
  /** The npm package and version Robusta expects. */
  public static final String NPM_PACKAGE = "plotly.js-dist-min@2.35.3";

  private static final AtomicBoolean NOTEBOOK_HAS_PLOTLY = new AtomicBoolean(false);
  private static final Pattern VERSION = Pattern.compile("plotly\\.js v(\\d+)\\.(\\d+)\\.(\\d+)");
  private static volatile Cached cached;

  private record Cached(Path path, long modified, String source) {}

  private PlotlyJs() {}

  /**
   * @return the plotly.js file that would be inlined
   * @throws PlotlyJsNotFoundException when it is absent (the message gives the npm command)
   */
  public static Path locate() {
    return locate(System.getenv(), System.getProperty("user.home"));
  }

  static Path locate(Map<String, String> env, String home) {
    String override = env.get("ROBUSTA_PLOTLY_JS");
    if (override != null && !override.isBlank()) {
      Path p = Path.of(override);
      if (!Files.isRegularFile(p)) {
        throw new PlotlyJsNotFoundException("ROBUSTA_PLOTLY_JS names " + p + ", which is not a file; point it at"
            + " plotly.min.js from " + NPM_PACKAGE + " or unset it to use the cache under ~/.cache/robusta-env");
      }
      return p;
    }
    Path cache = cacheDir(env, home);
    Path p = cache.resolve("npm/node_modules/plotly.js-dist-min/plotly.min.js");
    if (!Files.isRegularFile(p)) {
      throw new PlotlyJsNotFoundException("plotly.js is not installed: " + p + " is missing. Fetch it (4.5 MB, once)"
          + " with: npm install --prefix " + cache.resolve("npm") + " " + NPM_PACKAGE
          + "   (or run environment/install.sh; or set ROBUSTA_PLOTLY_JS to a plotly.min.js 2.x file)");
    }
    return p;
  }

  private static Path cacheDir(Map<String, String> env, String home) {
    String c = env.get("ROBUSTA_ENV_CACHE");
    if (c != null && !c.isBlank()) {
      return Path.of(c);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("robusta-env");
  }

  /**
   * @return the plotly.js source text (read once and kept while the file is unchanged)
   * @throws PlotlyJsNotFoundException when the file is absent or is not plotly.js 2.x
   */
  public static String source() {
    Path p = locate();
    try {
      long modified = Files.getLastModifiedTime(p).toMillis();
      Cached c = cached;
      if (c == null || !c.path().equals(p) || c.modified() != modified) {
        String src = Files.readString(p, StandardCharsets.UTF_8);
        checkVersion(p, src);
        c = new Cached(p, modified, src);
        cached = c;
      }
      return c.source();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plotly.js at " + p, e);
    }
  }

  static void checkVersion(Path p, String src) {
    Matcher m = VERSION.matcher(src.substring(0, Math.min(src.length(), 2000)));
    if (!m.find()) {
      throw new PlotlyJsNotFoundException(p + " does not look like plotly.js (no 'plotly.js vX.Y.Z' banner);"
          + " install it with: npm install " + NPM_PACKAGE);
    }
    if (!m.group(1).equals("2")) {
      throw new PlotlyJsNotFoundException(p + " is plotly.js " + m.group(1) + "." + m.group(2) + "." + m.group(3)
          + ", but 3.x and later drop the figure and axis titles Tablesaw writes; install " + NPM_PACKAGE);
    }
  }

  /** @return the version banner of the plotly.js that would be inlined, e.g. {@code 2.35.3} */
  public static String version() {
    Matcher m = VERSION.matcher(source().substring(0, 2000));
    return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : "unknown";
  }

  /**
   * @return three {@code <script>} elements: hide {@code window.define}, plotly.js itself, restore
   *     {@code window.define}; safe with and without require.js on the page
   */
  public static String scriptTags() {
    return "<script>window.__robustaAmd=window.define;window.define=undefined;</script>\n<script>"
        + source().replace("</script", "<\\/script")
        + "</script>\n<script>window.define=window.__robustaAmd;</script>\n";
  }

  /**
   * Claims the job of carrying plotly.js for the current notebook.
   *
   * @return true exactly once after start-up or after {@link #resetNotebook()}: the caller then inlines
   *     {@link #scriptTags()} in its output
   */
  public static boolean claimNotebookInline() {
    return NOTEBOOK_HAS_PLOTLY.compareAndSet(false, true);
  }

  /** Forgets that plotly.js was sent to the notebook; the kernel calls this when a new session starts. */
  public static void resetNotebook() {
    NOTEBOOK_HAS_PLOTLY.set(false);
  }
}
