package dev.robusta.kernel;

import java.util.Map;

/**
 * Something that knows how to show itself as rich output: in the Robusta Jupyter kernel, as the
 * cell's display bundle; in JShell and on the command line, through its {@code text/plain} entry
 * (and an HTML file for figures).
 */
public interface Displayable {

  /**
   * @return MIME type to content: {@code text/plain} is required; {@code text/html},
   *     {@code text/markdown} and {@code image/png} (base64, no line breaks) are optional
   */
  Map<String, String> mimeBundle();
}
