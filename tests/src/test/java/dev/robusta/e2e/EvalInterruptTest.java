package dev.robusta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code ./robusta eval}: the run stops after its current batch with status 130 and a one-line
 * message (no JVM crash inside native inference, no hs_err log), keeps a checkpoint in the logits cache and
 * nothing half-written, and the same command then finishes with the reference accuracy.
 */
class EvalInterruptTest {

  @Test
  @Timeout(900)
  void sigintStopsCleanlyAndTheRerunResumes(@TempDir Path tmp) throws Exception {
    Path model = Shared.path("data/models/cifar10-resnet/cifar10_resnet20.onnx");
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    Path cache = tmp.resolve("cache");
    List<String> args = List.of("eval", "--model", model.toString(), "--preset", "cifar", "--dataset", "cifar10",
        "--root", root.toString(), "--cache", cache.toString(), "--out", tmp.resolve("out").toString(),
        // cells after the clean pass, so the signal always finds work left however fast the clean pass is
        "--corruptions", "cifar10-c", "--only", "gaussian_noise,contrast", "--limit", "2000");
    Path err = tmp.resolve("err.txt");
    // env resets SIGINT to its default: a test JVM started from a background job inherits SIGINT as ignored,
    // and the JVM never takes over an ignored signal (a terminal's Ctrl-C is never ignored)
    List<String> cmd = new java.util.ArrayList<>(List.of("env", "--default-signal=INT",
        Shared.repo().resolve("robusta").toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
        .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(err.toFile());
    pb.environment().put("ROBUSTA_NO_BUILD", "1");
    Process p = pb.start();
    // wait until inference has started (the progress bar or the first checkpoint), then press Ctrl-C
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (p.isAlive() && System.nanoTime() < deadline && !inferring(err, cache)) {
      Thread.sleep(200);
    }
    assertTrue(p.isAlive(), "the run ended before it could be interrupted: " + Files.readString(err));
    Thread.sleep(1500);
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run did not stop after SIGINT");
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(130, p.exitValue(), stderr);
    assertTrue(stderr.contains("robusta eval: interrupted: stopped") && stderr.contains("hint: rerun the same command"),
        stderr);
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(f -> f.getFileName().toString().startsWith("hs_err")), "the JVM crashed");
    }
    try (Stream<Path> s = Files.walk(cache)) {
      assertFalse(s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "a half-written file was left");
    }

    EvalRuns.Run again = EvalRuns.main(args.toArray(String[]::new));
    assertEquals(0, again.status(), again.err());
    double top1 = EvalRuns.table(tmp.resolve("out/cifar10-test"), "clean-accuracy").doubleColumn("top1").get(0);
    assertEquals(References.top1("resnet20", "top1_onnxruntime"), top1, 1e-9, "the resumed run's clean accuracy");
  }

  private static boolean inferring(Path err, Path cache) throws IOException {
    if (Files.isDirectory(cache)) {
      try (Stream<Path> s = Files.walk(cache)) {
        if (s.anyMatch(Files::isRegularFile)) {
          return true;
        }
      }
    }
    return Files.exists(err) && Files.readString(err, StandardCharsets.UTF_8).contains("img/s");
  }
}
