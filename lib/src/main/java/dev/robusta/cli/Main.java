package dev.robusta.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point behind {@code ./robusta}. Errors print one line plus a hint; set
 * {@code ROBUSTA_DEBUG=1} for stack traces.
 */
public final class Main {
  private Main() {}

  static Map<String, Command> commands() {
    Map<String, Command> m = new LinkedHashMap<>();
    m.put("demo", new DemoCommand());
    m.put("datasets", new DatasetsCommand());
    m.put("eval", new EvalCommand());
    return m;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** {@code --help}: the command list; {@code help NAME}: that command's help. */
  static int help(String[] rest) {
    Map<String, Command> all = commands();
    if (rest.length > 0) {
      Command c = all.get(rest[0]);
      if (c == null) {
        System.err.println("robusta: unknown command '" + rest[0] + "'\n  hint: one of " + String.join(", ", all.keySet()));
        return 2;
      }
      System.out.println(c.help());
      return 0;
    }
    StringBuilder b = new StringBuilder("Usage: ./robusta <command> [options]\n\nCommands run by the library:\n");
    int width = all.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    all.forEach((name, c) -> b.append("  ").append(name).append(" ".repeat(width - name.length()))
        .append(c.summary()).append('\n'));
    b.append("\n`./robusta <command> --help` explains each; ./robusta --help also lists lab, run, jshell, test, bench.");
    System.out.println(b);
    return 0;
  }

  /** Runs one command and returns its exit status (no {@code System.exit}: tests call this). */
  public static int run(String[] args) {
    if (args.length == 0) {
      System.err.println("robusta: no command given\n  hint: run ./robusta --help");
      return 2;
    }
    if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      return help(Arrays.copyOfRange(args, 1, args.length));
    }
    Command c = commands().get(args[0]);
    if (c == null) {
      System.err.println("robusta: unknown command '" + args[0] + "'\n  hint: run ./robusta --help");
      return 2;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (rest.length > 0 && (rest[0].equals("--help") || rest[0].equals("-h"))) {
      System.out.println(c.help());
      return 0;
    }
    try {
      return c.run(rest);
    } catch (UsageException e) {
      System.err.println("robusta " + args[0] + ": " + e.getMessage() + "\n  hint: " + e.hint());
      return 2;
    } catch (dev.robusta.infer.InferenceStoppedException e) {
      System.err.println("robusta " + args[0] + ": interrupted: " + e.getMessage()
          + "\n  hint: rerun the same command: finished cells and checkpoints are read back from the logits cache");
      return 130;
    } catch (Exception e) {
      if (System.getenv("ROBUSTA_DEBUG") != null) {
        e.printStackTrace();
      }
      // Robusta's own exceptions carry a complete message; a foreign one is named by its class
      String what = e.getClass().getName().startsWith("dev.robusta.") && e.getMessage() != null ? e.getMessage()
          : e.toString();
      System.err.println("robusta " + args[0] + ": " + what + "\n  hint: rerun with ROBUSTA_DEBUG=1 for the stack trace");
      return 1;
    }
  }
}
