package dev.robusta.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a JShell script ({@code ./robusta jshell script.jsh}) with the pre-loaded imports, failing
 * loudly: unlike the {@code jshell} tool, which exits 0 after a compile error or an uncaught
 * exception, a failing snippet stops the script with exit status 1 and one line naming the file,
 * the line and what went wrong.
 *
 * <p>JShell commands are not Java: the only one allowed is a final {@code /exit [status]}; any other
 * line starting with {@code /} and a letter is rejected with a hint.
 */
public final class ScriptRunner {
  /** A JShell command line ({@code /exit}, {@code /open x}); {@code //} and {@code /*} do not match. */
  private static final Pattern COMMAND = Pattern.compile("(?m)^[ \\t]*/([a-z!?][^\\n]*)$");
  private static final Pattern EXIT = Pattern.compile("exit(?:\\s+(-?\\d+))?\\s*;?\\s*");

  private ScriptRunner() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * @param args the script's path
   * @return the exit status: 0 done (or the script's {@code /exit N}), 1 a snippet failed, 2 usage
   */
  static int run(String[] args) {
    if (args.length != 1 || args[0].equals("--help") || args[0].equals("-h")) {
      System.err.println("usage: ./robusta jshell SCRIPT.jsh\n  hint: ./robusta jshell --help");
      return 2;
    }
    Path file = Path.of(args[0]);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return fail(args[0] + " does not exist", "give the path of a .jsh script, e.g. snippets/hello.jsh", 2);
    } catch (IOException e) {
      return fail("cannot read " + args[0] + ": " + e.getMessage(), "check the file's permissions", 2);
    }
    int exitStatus = 0;
    Matcher m = COMMAND.matcher(text);
    if (m.find()) {
      int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
      Matcher exit = EXIT.matcher(m.group(1));
      if (!exit.matches()) {
        return fail(args[0] + ":" + line + ": JShell command '/" + m.group(1).strip() + "' cannot run in a script",
            "scripts are plain Java snippets; only a final /exit [status] is allowed", 1);
      }
      exitStatus = exit.group(1) == null ? 0 : Integer.parseInt(exit.group(1));
      text = text.substring(0, m.start());
    }
    try (ShellSession session = ShellSession.start()) {
      session.eval(text, args[0]);
    } catch (CellException e) {
      System.out.flush();
      System.err.println("robusta jshell: " + e.oneLine());
      if (e instanceof CellException.CompileException || System.getenv("ROBUSTA_DEBUG") != null) {
        e.report().stream().skip(1).forEach(l -> System.err.println("  " + l));
      }
      System.err.println("  hint: " + (e instanceof CellException.ThrownException
          ? "rerun with ROBUSTA_DEBUG=1 for the snippet's stack trace" : "fix the script at that line"));
      return 1;
    }
    System.out.flush();
    return exitStatus;
  }

  private static int fail(String message, String hint, int status) {
    System.err.println("robusta jshell: " + message + "\n  hint: " + hint);
    return status;
  }
}
