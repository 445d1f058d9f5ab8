package dev.robusta.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The JShell evaluation behind the kernel and the script runner, in process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShellSessionTest {
  private ShellSession shell;

  @BeforeAll
  void start() {
    shell = ShellSession.start();
  }

  @AfterAll
  void close() {
    shell.close();
  }

  @Test
  void stateCarriesAcrossCellsAndTheLastExpressionIsTheValue() {
    CellValue decl = shell.eval("int base = 40;\nint more = 2;", "cell[1]");
    assertFalse(decl.present(), "declarations have no value");
    CellValue v = shell.eval("base + more", "cell[2]");
    assertTrue(v.present());
    assertEquals(42, v.value());
    assertEquals("42", v.text());
  }

  @Test
  void valueIsTheObjectItselfNotItsText() {
    CellValue v = shell.eval("var l = new ArrayList<String>(List.of(\"a\", \"b\"));\nl", "cell[1]");
    assertInstanceOf(java.util.ArrayList.class, v.value());
    assertEquals(List.of("a", "b"), v.value());
    CellValue s = shell.eval("\"quoted\"", "cell[2]");
    assertEquals("quoted", s.value());
    assertEquals("\"quoted\"", s.text(), "strings are shown the JShell way, quoted");
    CellValue n = shell.eval("(Object) null", "cell[3]");
    assertTrue(n.present());
    assertNull(n.value());
  }

  @Test
  void statementsAndVoidCallsHaveNoValue() {
    assertFalse(shell.eval("System.out.print(\"\");", "cell[1]").present());
    assertFalse(shell.eval("for (int i = 0; i < 2; i++) { }", "cell[2]").present());
    assertFalse(shell.eval("// nothing but a comment", "cell[3]").present());
  }

  @Test
  void commonImportsArePreloaded() {
    CellValue v = shell.eval("Table t = Table.create(\"t\", IntColumn.create(\"x\", 1, 2));\n"
        + "Path p = Paths.get(\"a\");\nRobusta.version() + \" \" + t.rowCount() + \" \" + p", "cell[1]");
    assertEquals(dev.robusta.Robusta.version() + " 2 a", v.value());
    assertFalse(shell.eval("Display.inKernel()", "cell[2]").value() instanceof String);
  }

  @Test
  void compileErrorNamesTheCellLineAndShowsTheSource() {
    CellException.CompileException e = assertThrows(CellException.CompileException.class,
        () -> shell.eval("int ok = 1;\n\n  String s = ok;", "cell[7]"));
    assertEquals("cell[7]:3", e.where());
    assertTrue(e.getMessage().startsWith("incompatible types: int cannot be converted to"), e.getMessage());
    assertEquals(List.of("cell[7]:3: error: " + e.getMessage(), "    String s = ok;", "               ^"),
        e.report(), "the caret points at the offending expression");
  }

  @Test
  void laterSnippetsDoNotRunAfterAFailure() {
    assertThrows(CellException.CompileException.class,
        () -> shell.eval("int ranBefore = 1;\nundefinedThing();\nint ranAfter = 2;", "cell[1]"));
    assertEquals(1, shell.eval("ranBefore", "cell[2]").value());
    assertThrows(CellException.CompileException.class, () -> shell.eval("ranAfter", "cell[3]"));
  }

  @Test
  void exceptionIsReportedWithItsClassMessageAndCellLine() {
    CellException.ThrownException e = assertThrows(CellException.ThrownException.class,
        () -> shell.eval("int k = 2;\n// a comment line\nif (k == 2)\n  throw new IllegalStateException(\"bad k \" + k);",
            "cell[4]"));
    assertEquals("java.lang.IllegalStateException", e.exceptionClass());
    assertEquals("java.lang.IllegalStateException: bad k 2", e.getMessage());
    assertEquals("cell[4]:4", e.where());
    assertEquals(List.of("java.lang.IllegalStateException: bad k 2", "    at (cell[4]:4)"), e.report());
  }

  @Test
  void exceptionInAMethodDefinedEarlierPointsAtBothCells() {
    shell.eval("int half(int n) {\n  if (n % 2 != 0) throw new IllegalArgumentException(\"odd: \" + n);\n"
        + "  return n / 2;\n}", "cell[1]");
    CellException.ThrownException e = assertThrows(CellException.ThrownException.class,
        () -> shell.eval("half(4);\nhalf(3)", "cell[2]"));
    assertEquals("java.lang.IllegalArgumentException: odd: 3", e.getMessage());
    assertEquals(List.of("java.lang.IllegalArgumentException: odd: 3", "    at half(cell[1]:2)", "    at (cell[2]:2)"),
        e.report(), "a frame in the defining cell, then one in the calling cell");
    assertEquals("cell[1]:2", e.where(), "located where it was thrown");
  }

  @Test
  void incompleteCodeIsACompileError() {
    CellException.CompileException e = assertThrows(CellException.CompileException.class,
        () -> shell.eval("int a = 1;\nfor (int i = 0; i < 3; i++) {\n  a++;", "cell[9]"));
    assertEquals("cell[9]:2", e.where());
    assertTrue(e.getMessage().startsWith("incomplete code"), e.getMessage());
  }

  @Test
  void stopInterruptsARunningCellAndTheStateSurvives() throws Exception {
    shell.eval("int kept = 5;", "cell[1]");
    System.clearProperty("robusta.test.spinning");
    Thread stopper = new Thread(() -> {
      try {
        while (System.getProperty("robusta.test.spinning") == null) {
          Thread.sleep(20);
        }
      } catch (InterruptedException e) {
        return;
      }
      shell.stop();
    });
    stopper.start();
    long t0 = System.nanoTime();
    CellException.InterruptedCellException e = assertThrows(CellException.InterruptedCellException.class,
        () -> shell.eval("{\n  System.setProperty(\"robusta.test.spinning\", \"yes\");\n  long spins = 0;\n"
            + "  while (true) { spins++; }\n}", "cell[2]"));
    assertTrue((System.nanoTime() - t0) / 1e9 < 60, "stopped promptly");
    assertEquals("cell[2]:1: interrupted", e.oneLine());
    stopper.join();
    System.clearProperty("robusta.test.spinning");
    assertEquals(5, shell.eval("kept", "cell[3]").value());
  }

  @Test
  void stopArrivingBeforeTheLoopStartsStillStopsTheCell() throws Exception {
    System.clearProperty("robusta.test.started");
    Thread stopper = new Thread(() -> {
      try {
        while (System.getProperty("robusta.test.started") == null) {
          Thread.sleep(5);
        }
      } catch (InterruptedException e) {
        return;
      }
      shell.stop();
    });
    stopper.start();
    assertThrows(CellException.InterruptedCellException.class,
        () -> shell.eval("System.setProperty(\"robusta.test.started\", \"yes\");\nint a1 = 1;\nint a2 = 2;\n"
            + "int a3 = 3;\nwhile (true) { }", "cell[1]"),
        "an interrupt that lands while an earlier snippet compiles still cancels the rest of the cell");
    stopper.join();
    System.clearProperty("robusta.test.started");
    assertEquals(7, shell.eval("3 + 4", "cell[2]").value(), "the next cell runs normally");
  }

  @Test
  void leftoverPoolThreadsDoNotBlockTheNextCell() {
    shell.eval("var pool = java.util.concurrent.Executors.newFixedThreadPool(2);\n"
        + "pool.submit(() -> 1);", "cell[1]");
    long t0 = System.nanoTime();
    assertEquals(3, shell.eval("1 + 2", "cell[2]").value());
    assertTrue((System.nanoTime() - t0) / 1e9 < 20, "the idle pool thread is not joined");
    shell.eval("pool.shutdownNow();", "cell[3]");
  }

  @Test
  void leadingBlankOrCommentSkipsBothKindsOfComment() {
    assertEquals(0, ShellSession.leadingBlankOrComment("x"));
    assertEquals(3, ShellSession.leadingBlankOrComment("\n  x"));
    assertEquals(10, ShellSession.leadingBlankOrComment("// c\n/**/ x"));
  }
}
