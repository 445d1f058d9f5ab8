package dev.robusta.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel over the real Jupyter protocol (Debian's jupyter_client): start-up, state, interrupt,
 * errors, completion and shutdown. The Python driver prints {@code CHECK name value} lines.
 */
class KernelProtocolTest {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void kernelSpeaksTheJupyterProtocol() throws Exception {
    Launcher.assumeJupyter();
    Path repo = Shared.repo();
    Process install = new ProcessBuilder("bash", "environment/kernel.sh", "--quiet").directory(repo.toFile())
        .redirectErrorStream(true).start();
    assertTrue(install.waitFor(60, TimeUnit.SECONDS) && install.exitValue() == 0,
        new String(install.getInputStream().readAllBytes()));

    Path script = tmp.resolve("kernel_protocol.py");
    try (var in = getClass().getResourceAsStream("kernel_protocol.py")) {
      Files.copy(in, script);
    }
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-Xfrozen_modules=off", script.toString())
        .directory(tmp.toFile()).redirectErrorStream(true);
    pb.environment().put("JUPYTER_PATH", repo.resolve("target/jupyter").toString());
    pb.environment().put("JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString());
    pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(170, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);

    Map<String, String> check = new HashMap<>();
    out.lines().filter(l -> l.startsWith("CHECK ")).forEach(l -> {
      String[] parts = l.split(" ", 3);
      check.put(parts[1], parts.length > 2 ? parts[2] : "");
    });
    assertEquals("java", check.get("language"), out);
    assertEquals("ok", check.get("declare"), out);
    assertEquals("42", check.get("state"), "value of the last expression, using the previous cell's variable");
    assertEquals("error", check.get("interrupt_status"), out);
    assertEquals("InterruptedCellException", check.get("interrupt_ename"), out);
    assertTrue(Double.parseDouble(check.get("interrupt_s")) < 20, "interrupt took " + check.get("interrupt_s") + " s");
    assertEquals("41", check.get("after_interrupt"), "state survives an interrupt");
    assertEquals("error", check.get("throw_status"), out);
    assertEquals("java.lang.IllegalStateException: boom", check.get("throw_evalue"), out);
    assertEquals("error", check.get("compile_status"), out);
    assertEquals("CompileException", check.get("compile_ename"), out);
    assertTrue(check.get("compile_traceback").matches("cell\\[\\d+\\]:2: error: incompatible types: int cannot be converted to .*"),
        "the error names the cell and line: " + check.get("compile_traceback"));
    assertEquals("True", check.get("complete"), "completion of 'Syst' offers System");
    assertEquals("False", check.get("shutdown_alive"), "the kernel process exits on shutdown");
  }
}
