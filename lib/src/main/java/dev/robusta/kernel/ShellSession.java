package dev.robusta.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * One JShell state evaluated in this JVM: cells (or script files) are split into snippets and run
 * one by one, state carries over, and the first failure stops the cell with a {@link CellException}.
 *
 * <p>The compiler sees this JVM's class path ({@code java.class.path}); classes are shared with the
 * kernel, so {@link Display} calls from a cell reach the running kernel. The imports listed in the
 * resource {@code dev/robusta/kernel/imports.jsh} are evaluated at start.
 */
final class ShellSession implements AutoCloseable {
  /** The pre-loaded imports (resource path). */
  static final String IMPORTS = "dev/robusta/kernel/imports.jsh";

  private final JShell shell;
  private final CapturingExecutionControl control;
  /** snippet id to where its source starts: name of the cell or file, and its first line (1-based). */
  private final Map<String, Location> locations = new HashMap<>();

  private record Location(String source, int firstLine) {}

  private ShellSession(JShell shell, CapturingExecutionControl control) {
    this.shell = shell;
    this.control = control;
  }

  /**
   * Starts a JShell on this JVM's class path and evaluates the pre-loaded imports.
   *
   * @throws IllegalStateException when an import fails to compile (a package listed in
   *     {@code imports.jsh} is missing from the class path)
   */
  static ShellSession start() {
    CapturingExecutionControl.Provider provider = new CapturingExecutionControl.Provider();
    JShell shell = JShell.builder().executionEngine(provider, Map.of()).build();
    ShellSession s = new ShellSession(shell, provider.control());
    shell.addToClasspath(System.getProperty("java.class.path"));
    try {
      s.eval(imports(), "imports.jsh");
    } catch (CellException e) {
      s.close();
      throw new IllegalStateException("the pre-loaded imports failed: " + e.oneLine()
          + " (fix " + IMPORTS + " in lib/src/main/resources)", e);
    }
    return s;
  }

  /** @return the text of {@code imports.jsh} */
  static String imports() {
    try (InputStream in = ShellSession.class.getClassLoader().getResourceAsStream(IMPORTS)) {
      if (in == null) {
        throw new IllegalStateException("resource " + IMPORTS + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Evaluates a cell or a whole script.
   *
   * @param code Java source: statements, expressions, declarations, imports (JShell syntax)
   * @param source where it comes from, used in error locations ({@code cell[3]}, a file name)
   * @return the value of the last snippet when it is an expression, else {@link CellValue#NONE}
   * @throws CellException.CompileException when a snippet does not compile (later ones are not run)
   * @throws CellException.ThrownException when a snippet throws
   * @throws CellException.InterruptedCellException when {@link #stop()} interrupted it
   */
  CellValue eval(String code, String source) {
    control.resetCancel();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = code;
    CellValue last = CellValue.NONE;
    while (!rest.isBlank()) {
      int offset = code.length() - rest.length();
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      int codeLine = lineOf(code, offset + leadingBlankOrComment(rest));
      if (!info.completeness().isComplete()) {
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
          break;
        }
        String where = source + ":" + codeLine;
        throw new CellException.CompileException("incomplete code (a missing brace, parenthesis or"
            + " quote?)", where, List.of(where + ": incomplete code: " + firstLineOf(rest.strip())));
      }
      // JShell numbers stack-frame lines correctly only when the snippet starts with code.
      String snippet = info.source().substring(Math.min(info.source().length(),
          leadingBlankOrComment(info.source())));
      if (!snippet.isBlank()) {
        last = evalSnippet(snippet, source, codeLine);
      }
      rest = info.remaining();
    }
    return last;
  }

  /** @param codeLine the cell line of the snippet's first character (compiler and frame lines count from it) */
  private CellValue evalSnippet(String snippetSource, String source, int codeLine) {
    if (control.cancelled()) {
      throw new CellException.InterruptedCellException(source + ":" + codeLine);
    }
    control.clearLastValue();
    List<SnippetEvent> events = shell.eval(snippetSource);
    if (control.cancelled()) {
      throw new CellException.InterruptedCellException(source + ":" + codeLine);
    }
    CellValue value = CellValue.NONE;
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) {
        continue;
      }
      Snippet sn = e.snippet();
      locations.put(sn.id(), new Location(source, codeLine));
      if (e.status() == Snippet.Status.REJECTED) {
        throw compileError(sn, source, codeLine);
      }
      if (e.exception() != null) {
        throw thrown(e.exception(), source, codeLine);
      }
      if (isExpression(sn) && e.status().isActive()) {
        Object v = control.lastValue();
        value = new CellValue(true, v == CapturingExecutionControl.NO_VALUE ? null : v, e.value());
      }
    }
    return value;
  }

  private static boolean isExpression(Snippet sn) {
    return sn.kind() == Snippet.Kind.EXPRESSION
        || (sn instanceof VarSnippet && sn.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
  }

  private CellException compileError(Snippet sn, String source, int firstLine) {
    List<String> lines = new ArrayList<>();
    String first = null;
    String code = sn.source();
    for (Diag d : (Iterable<Diag>) shell.diagnostics(sn)::iterator) {
      if (!d.isError()) {
        continue;
      }
      int pos = (int) Math.max(0, Math.min(d.getPosition(), code.length()));
      int line = firstLine + lineOf(code, pos) - 1;
      String msg = clean(d.getMessage(Locale.ROOT));
      if (first == null) {
        first = source + ":" + line + ": " + msg;
      }
      lines.add(source + ":" + line + ": error: " + msg);
      int ls = code.lastIndexOf('\n', pos - 1) + 1;
      int le = code.indexOf('\n', pos);
      lines.add("    " + code.substring(ls, le < 0 ? code.length() : le));
      lines.add("    " + " ".repeat(pos - ls) + "^");
    }
    if (first == null) {
      first = source + ":" + firstLine + ": rejected: " + firstLineOf(code);
      lines.add(first);
    }
    String where = first.substring(0, first.indexOf(": "));
    return new CellException.CompileException(first.substring(where.length() + 2), where, lines);
  }

  private CellException thrown(JShellException ex, String source, int firstLine) {
    String cls;
    if (ex instanceof EvalException) {
      cls = ((EvalException) ex).getExceptionClassName();
    } else if (ex instanceof UnresolvedReferenceException) {
      Snippet s = ((UnresolvedReferenceException) ex).getSnippet();
      String where = source + ":" + firstLine;
      String msg = "uses " + s.kind().toString().toLowerCase(Locale.ROOT) + " '" + firstLineOf(s.source())
          + "', which cannot run until everything it refers to is declared";
      return new CellException.CompileException(msg, where, List.of(where + ": " + msg));
    } else {
      cls = ex.getClass().getName();
    }
    List<String> trace = new ArrayList<>();
    String where = source + ":" + firstLine;
    boolean located = false;
    Throwable t = ex;
    boolean firstException = true;
    while (t != null) {
      String name = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
      String head = t.getMessage() == null ? name : name + ": " + internalNames(t.getMessage());
      trace.add(firstException ? head : "Caused by: " + head);
      for (StackTraceElement el : t.getStackTrace()) {
        String cn = el.getClassName();
        if (cn.startsWith("jdk.internal.reflect.") || cn.startsWith("java.lang.reflect.Method")) {
          break;
        }
        String at = describe(el);
        if (firstException && !located && isUserFrame(el)) {
          where = at;
          located = true;
        }
        String method = el.getClassName().isEmpty() ? el.getMethodName() : el.getClassName() + "." + el.getMethodName();
        trace.add("    at " + method + "(" + at + ")");
      }
      firstException = false;
      t = t.getCause();
    }
    String msg = ex.getMessage() == null ? null : internalNames(ex.getMessage());
    return new CellException.ThrownException(cls, msg, where, trace);
  }

  private static boolean isUserFrame(StackTraceElement el) {
    return el.getFileName() != null && el.getFileName().startsWith("#");
  }

  /** Maps JShell's {@code #12:3} frame locations back to the cell or file and its line. */
  private String describe(StackTraceElement el) {
    String file = el.getFileName();
    if (file != null && file.startsWith("#")) {
      Location loc = locations.get(file.substring(1));
      if (loc != null && el.getLineNumber() > 0) {
        return loc.source() + ":" + (loc.firstLine() + el.getLineNumber() - 1);
      }
    }
    if (file == null) {
      return "Unknown Source";
    }
    return el.getLineNumber() > 0 ? file + ":" + el.getLineNumber() : file;
  }

  /** Completion candidates at a cursor: the replacements and the range of the cell they replace. */
  record Completion(List<String> candidates, int start, int end) {}

  /**
   * @param code the whole cell
   * @param cursor the cursor offset in {@code code}
   * @return the candidates JShell suggests for the snippet under the cursor
   */
  Completion complete(String code, int cursor) {
    int start = snippetStart(code, cursor);
    int[] anchor = new int[1];
    List<String> names = new ArrayList<>();
    for (SourceCodeAnalysis.Suggestion s : shell.sourceCodeAnalysis()
        .completionSuggestions(code.substring(start, cursor), cursor - start, anchor)) {
      if (!names.contains(s.continuation())) {
        names.add(s.continuation());
      }
    }
    return new Completion(names, start + anchor[0], cursor);
  }

  /**
   * @return {@code null} when the cell is complete, {@code ""} when it is clearly unfinished (an
   *     open brace), or a description of why it cannot compile
   */
  String incompleteness(String code) {
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
      switch (info.completeness()) {
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return "";
        case UNKNOWN:
          return "does not parse";
        case EMPTY:
          return null;
        default:
          rest = info.remaining();
      }
    }
    return null;
  }

  /** @return where the snippet containing {@code cursor} starts */
  private int snippetStart(String code, int cursor) {
    int start = 0;
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
      if (!info.completeness().isComplete()) {
        break;
      }
      int next = code.length() - info.remaining().length();
      if (next >= cursor || next <= start) {
        break;
      }
      start = next;
      rest = info.remaining();
    }
    return start;
  }

  /**
   * Interrupts the running cell (safe to call from another thread): the running snippet is stopped
   * and no further snippet of the cell starts, even when the request arrives while one compiles.
   */
  void stop() {
    control.cancel();
  }

  @Override
  public void close() {
    control.cancel();
    shell.close();
  }

  /** @return the offset of the first character that is neither blank nor inside a comment */
  static int leadingBlankOrComment(String s) {
    int i = 0;
    while (i < s.length()) {
      if (Character.isWhitespace(s.charAt(i))) {
        i++;
      } else if (s.startsWith("//", i)) {
        int nl = s.indexOf('\n', i);
        i = nl < 0 ? s.length() : nl + 1;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
      } else {
        break;
      }
    }
    return i;
  }

  /** Compiler messages on one line, without JShell's empty {@code location: class}. */
  private static String clean(String message) {
    StringBuilder b = new StringBuilder();
    for (String line : message.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.matches("location: class\\s*")) {
        continue;
      }
      b.append(b.length() == 0 ? "" : "; ").append(l.replaceAll("\\s+", " "));
    }
    return internalNames(b.toString());
  }

  /** Drops JShell's wrapper class names ({@code REPL.$JShell$28.o} becomes {@code o}). */
  private static String internalNames(String message) {
    return message.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Za-z]*\\.", "");
  }

  /** @return the 1-based line of a character offset */
  private static int lineOf(String s, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String firstLineOf(String s) {
    int nl = s.indexOf('\n');
    String l = nl < 0 ? s : s.substring(0, nl) + " ...";
    return l.length() > 80 ? l.substring(0, 77) + "..." : l;
  }
}
