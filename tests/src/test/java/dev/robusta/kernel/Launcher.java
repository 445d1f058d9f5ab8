package dev.robusta.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./robusta ...} from the repository root and captures its output (test helper). */
final class Launcher {
  private Launcher() {}

  /** The outcome of one launcher run. */
  record Result(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /**
   * @param timeoutSeconds the run is killed (and the test fails) after this long
   * @param args the launcher's arguments
   */
  static Result run(int timeoutSeconds, String... args) throws IOException, InterruptedException {
    return runWithInput(null, timeoutSeconds, args);
  }

  /** Like {@link #run}, with {@code input} as standard input ({@code null}: none). */
  static Result runWithInput(String input, int timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", Shared.repo().resolve("robusta").toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("robusta-out", ".txt");
    Path err = Files.createTempFile("robusta-err", ".txt");
    try {
      Path in = Files.writeString(Files.createTempFile("robusta-in", ".txt"), input == null ? "" : input);
      in.toFile().deleteOnExit();
      Process p = new ProcessBuilder(cmd).directory(Shared.repo().toFile()).redirectInput(in.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError("./robusta " + String.join(" ", args) + " did not finish in "
            + timeoutSeconds + " s; stderr so far:\n" + Files.readString(err));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Skips the calling test, with the reason, when Debian's Jupyter is not installed. */
  static void assumeJupyter() throws IOException, InterruptedException {
    boolean present = Files.isExecutable(Path.of("/usr/bin/python3"));
    if (present) {
      Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import nbclient, nbconvert, jupyter_client, notebook")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
    assumeTrue(present, "skipped: Debian's Jupyter is not installed (needs /usr/bin/python3 with nbclient,"
        + " nbconvert, jupyter_client, notebook): apt-get install -y --no-install-recommends python3-notebook"
        + " python3-nbconvert python3-nbclient python3-ipykernel jupyter-client jupyter-nbconvert"
        + " (./robusta test installs them when run as root)");
  }
}
