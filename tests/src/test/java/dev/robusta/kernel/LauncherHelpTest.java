package dev.robusta.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./robusta lab|run|jshell --help} describe the real commands and their real options. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherHelpTest {

  @Test
  void topLevelHelpListsTheNotebookCommands() throws Exception {
    Launcher.Result r = Launcher.run(50, "--help");
    assertEquals(0, r.status(), r.all());
    for (String cmd : new String[] {"lab", "run", "jshell", "test", "demo"}) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + cmd + " ")), cmd + " in " + r.out());
    }
  }

  @Test
  void labHelp() throws Exception {
    Launcher.Result r = Launcher.run(50, "lab", "--help");
    assertEquals(0, r.status(), r.all());
    assertTrue(r.out().startsWith("Usage: ./robusta lab [JUPYTER_OPTIONS...]\n"), r.out());
    assertTrue(r.out().contains("notebooks/") && r.out().contains("Java 17 (Robusta)"), r.out());
  }

  @Test
  void runHelpNamesTheOptionsTheScriptAccepts() throws Exception {
    Launcher.Result r = Launcher.run(50, "run", "--help");
    assertEquals(0, r.status(), r.all());
    assertTrue(r.out().startsWith("Usage: ./robusta run NOTEBOOK.ipynb [--out DIR] [--timeout SECONDS] [--kernel NAME]\n"), r.out());
    assertTrue(r.out().contains("target/notebooks"), r.out());
    Launcher.Result bad = Launcher.run(50, "run", "--bogus");
    assertEquals(2, bad.status(), "an option the help does not name is refused: " + bad.all());
    assertTrue(bad.err().contains("unknown option '--bogus'") && bad.err().contains("hint:"), bad.err());
    Launcher.Result none = Launcher.run(50, "run");
    assertEquals(2, none.status(), none.all());
  }

  @Test
  void jshellHelp() throws Exception {
    Launcher.Result r = Launcher.run(50, "jshell", "--help");
    assertEquals(0, r.status(), r.all());
    assertTrue(r.out().startsWith("Usage: ./robusta jshell [SCRIPT.jsh]\n"), r.out());
    assertTrue(r.out().contains("exit status 1"), r.out());
  }

  @Test
  void kernelInstallerHelp() throws Exception {
    Process p = new ProcessBuilder("bash", "environment/kernel.sh", "--help").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("kernels/robusta/kernel.json"), out);
  }
}
