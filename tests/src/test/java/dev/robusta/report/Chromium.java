package dev.robusta.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless chromium with networking off and a fresh profile, bounded in time. */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  static void require() {
    assumeTrue(Files.isExecutable(BINARY), "skipped: " + BINARY + " is absent (environment/install.sh installs"
        + " the Debian package chromium; CI has it)");
  }

  private static List<String> command(Path profile, String... extra) {
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--user-data-dir=" + profile,
        // networking off: every proxy connection is refused and no host name resolves
        "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--virtual-time-budget=8000", "--window-size=1100,1400"));
    cmd.addAll(List.of(extra));
    return cmd;
  }

  /** @return the DOM after the page's scripts ran */
  static String dumpDom(Path page, Path work) throws IOException, InterruptedException {
    Path out = work.resolve("dom-" + System.nanoTime() + ".html");
    run(command(Files.createTempDirectory(work, "profile"), "--dump-dom", page.toUri().toString()), out, work);
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** @return the PNG screenshot file */
  static Path screenshot(Path page, Path work) throws IOException, InterruptedException {
    Path png = work.resolve("shot-" + System.nanoTime() + ".png");
    run(command(Files.createTempDirectory(work, "profile"), "--screenshot=" + png, page.toUri().toString()),
        work.resolve("shot.log"), work);
    if (!Files.isRegularFile(png)) {
      throw new AssertionError("chromium wrote no screenshot; log: " + Files.readString(work.resolve("shot.log")));
    }
    return png;
  }

  private static void run(List<String> cmd, Path stdout, Path work) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(work.resolve("chromium-stderr.log").toFile()).start();
    if (!p.waitFor(25, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 25 s");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("chromium exited " + p.exitValue() + ": "
          + Files.readString(work.resolve("chromium-stderr.log")));
    }
  }
}
