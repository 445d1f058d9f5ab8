package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every registered command answers {@code --help}, and {@code --help} lists them all. */
class MainHelpTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int status = Main.run(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void everyCommandHasAHelpStartingWithItsUsage() {
    for (Map.Entry<String, Command> e : Main.commands().entrySet()) {
      Run r = run(e.getKey(), "--help");
      assertEquals(0, r.status(), e.getKey());
      assertTrue(r.out().startsWith("Usage: ./robusta " + e.getKey()), e.getKey() + ": " + r.out());
      assertEquals(r.out(), run("help", e.getKey()).out(), "help NAME prints the same");
    }
  }

  @Test
  void helpListsEveryCommandWithItsSummary() {
    Run r = run("--help");
    assertEquals(0, r.status());
    for (Map.Entry<String, Command> e : Main.commands().entrySet()) {
      assertTrue(r.out().contains("  " + e.getKey() + " ") && r.out().contains(e.getValue().summary()),
          e.getKey() + " in " + r.out());
    }
  }

  @Test
  void unknownCommandIsOneLinePlusHint() {
    Run r = run("frobnicate");
    assertEquals(2, r.status());
    assertEquals("robusta: unknown command 'frobnicate'\n  hint: run ./robusta --help\n", r.err());
    Run h = run("help", "frobnicate");
    assertEquals(2, h.status());
    assertTrue(h.err().contains("hint: one of demo"), h.err());
  }
}
