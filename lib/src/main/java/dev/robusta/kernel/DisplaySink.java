package dev.robusta.kernel;

import java.io.PrintStream;
import java.util.Map;

/** Where {@link Display} sends a MIME bundle: the running Jupyter kernel, or a text console. */
interface DisplaySink {
  /** @param bundle MIME type to content, {@code text/plain} always present */
  void display(Map<String, String> bundle);

  /** Prints the {@code text/plain} entry (JShell, scripts, the command line). */
  static DisplaySink console(PrintStream out) {
    return bundle -> out.println(bundle.get(MimeBundle.TEXT));
  }
}
