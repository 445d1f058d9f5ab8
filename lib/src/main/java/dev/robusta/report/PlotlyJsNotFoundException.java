package dev.robusta.report;

/**
 * plotly.js (the {@code plotly.js-dist-min} 2.35.x npm package) is not where Robusta looks for it, or it is
 * the wrong major version. The message names the path that was tried and the npm command that fetches it.
 * Robusta never falls back to a CDN: figures must render offline.
 */
public final class PlotlyJsNotFoundException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  PlotlyJsNotFoundException(String message) {
    super(message);
  }
}
