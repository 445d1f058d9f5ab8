package dev.robusta.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./robusta jshell SCRIPT}: snippets run with the library, and failures exit non-zero. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JshellScriptTest {
  @TempDir Path tmp;

  @Test
  void helloSnippetRunsAndPrintsItsLine() throws Exception {
    Launcher.Result r = Launcher.run(110, "jshell", "snippets/hello.jsh");
    assertEquals(0, r.status(), r.all());
    assertTrue(r.out().contains("hello from Robusta " + dev.robusta.Robusta.version()
        + ": image 4x4, red at the right edge = 240\n"), r.out());
    assertTrue(r.out().contains(" 3  |       240  |"), "the table shown through Display: " + r.out());
  }

  @Test
  void snippetThatThrowsExitsNonZeroWithOneLine() throws Exception {
    Path script = Files.writeString(tmp.resolve("throws.jsh"),
        "int a = 1;\nint b = a + 1;\nthrow new IllegalStateException(\"boom at b=\" + b);\n"
            + "System.out.println(\"not reached\");\n");
    Launcher.Result r = Launcher.run(110, "jshell", script.toString());
    assertEquals(1, r.status(), r.all());
    assertEquals("robusta jshell: " + script + ":3: java.lang.IllegalStateException: boom at b=2",
        r.err().lines().findFirst().orElse(""));
    assertTrue(r.err().contains("  hint: "), r.err());
    assertFalse(r.out().contains("not reached"), "nothing after the failure runs");
  }

  @Test
  void snippetWithCompileErrorExitsNonZero() throws Exception {
    Path script = Files.writeString(tmp.resolve("typo.jsh"),
        "System.out.println(\"first\");\nint a = 1;\nString s = a;\n");
    Launcher.Result r = Launcher.run(110, "jshell", script.toString());
    assertEquals(1, r.status(), r.all());
    assertTrue(r.err().startsWith("robusta jshell: " + script + ":3: incompatible types: int cannot be converted to"),
        r.err());
    assertEquals("first\n", r.out(), "snippets before the error ran");
  }

  @Test
  void finalExitCommandSetsTheStatusAndOtherCommandsAreRejected() throws Exception {
    Path exit = Files.writeString(tmp.resolve("exit.jsh"), "System.out.println(\"ran\");\n/exit 4\n");
    Launcher.Result r = Launcher.run(110, "jshell", exit.toString());
    assertEquals(4, r.status(), r.all());
    assertEquals("ran\n", r.out());

    Path open = Files.writeString(tmp.resolve("open.jsh"), "int x = 1;\n/open other.jsh\n");
    Launcher.Result r2 = Launcher.run(110, "jshell", open.toString());
    assertEquals(1, r2.status(), r2.all());
    assertTrue(r2.err().startsWith("robusta jshell: " + open + ":2: JShell command '/open other.jsh' cannot run"),
        r2.err());
  }

  @Test
  void interactiveJshellHasTheLibraryAndTheImports() throws Exception {
    Launcher.Result r = Launcher.runWithInput(
        "System.out.println(\"v=\" + Robusta.version() + \" \" + Table.class.getSimpleName());\n"
            + "html(\"<i>shown</i>\");\n/exit\n", 110, "jshell");
    assertEquals(0, r.status(), r.all());
    assertTrue(r.out().contains("v=" + dev.robusta.Robusta.version() + " Table"), r.out());
    assertTrue(r.out().contains("<i>shown</i>"), "Display prints the text form in JShell: " + r.out());
  }

  @Test
  void missingScriptIsAUsageError() throws Exception {
    Launcher.Result r = Launcher.run(110, "jshell", tmp.resolve("absent.jsh").toString());
    assertEquals(2, r.status(), r.all());
    assertTrue(r.err().contains("does not exist"), r.err());
  }
}
