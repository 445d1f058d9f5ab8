package dev.robusta.kernel;

import java.util.List;

/**
 * A cell (or script snippet) that did not complete: it failed to compile, threw, or was
 * interrupted. The kernel reports it as a Jupyter error (so headless execution fails on it) and
 * {@link ScriptRunner} as one line plus a non-zero exit status.
 */
public abstract class CellException extends RuntimeException {
  private final String where;

  CellException(String message, String where) {
    super(message);
    this.where = where;
  }

  /** @return the location, e.g. {@code cell[3]:2} or {@code snippets/x.jsh:14} */
  public String where() {
    return where;
  }

  /** @return one line: location, then what went wrong */
  public String oneLine() {
    return where + ": " + getMessage();
  }

  /** @return the lines shown as the Jupyter traceback (no stack frames of the kernel itself) */
  public abstract List<String> report();

  /** Compilation failed (JShell rejected a snippet). */
  public static final class CompileException extends CellException {
    private final List<String> details;

    CompileException(String message, String where, List<String> details) {
      super(message, where);
      this.details = List.copyOf(details);
    }

    @Override
    public List<String> report() {
      return details;
    }
  }

  /** The cell's code threw; the message is the exception's class name and message. */
  public static final class ThrownException extends CellException {
    private final String exceptionClass;
    private final List<String> trace;

    ThrownException(String exceptionClass, String message, String where, List<String> trace) {
      super(message == null ? exceptionClass : exceptionClass + ": " + message, where);
      this.exceptionClass = exceptionClass;
      this.trace = List.copyOf(trace);
    }

    /** @return the fully qualified class name of what the user code threw */
    public String exceptionClass() {
      return exceptionClass;
    }

    @Override
    public List<String> report() {
      return trace;
    }
  }

  /** The cell was interrupted (Jupyter's interrupt button, or {@code JShell.stop}). */
  public static final class InterruptedCellException extends CellException {
    InterruptedCellException(String where) {
      super("interrupted", where);
    }

    @Override
    public List<String> report() {
      return List.of(oneLine());
    }
  }
}
