package dev.robusta.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./robusta bench NAME [args]}: runs the harness class {@code dev.robusta.bench.<Name>Bench}
 * (its {@code main}). Each harness times Robusta and its Python reference in the same run and prints
 * a table.
 */
public final class Bench {
  /** The harnesses, one class each: {@code corruptions} runs {@code CorruptionsBench}. */
  static final List<String> NAMES = List.of("decode", "corruptions", "metrics", "inference", "kernel", "train");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help")) {
      System.out.println("Usage: ./robusta bench NAME [args]\nHarnesses: " + String.join(", ", NAMES));
      return;
    }
    String name = args[0];
    String cls = "dev.robusta.bench." + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Bench";
    Class<?> c;
    try {
      c = Class.forName(cls);
    } catch (ClassNotFoundException e) {
      System.err.println("robusta bench: unknown harness '" + name + "'\n  hint: one of " + NAMES);
      System.exit(2);
      return;
    }
    Method m = c.getMethod("main", String[].class);
    m.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
