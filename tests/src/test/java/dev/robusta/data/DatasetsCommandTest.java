package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.cli.Main;
import dev.robusta.testing.Shared;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./robusta datasets ...} through Main.run, offline and with a temporary cache. */
@Timeout(60)
class DatasetsCommandTest {
  @TempDir Path tmp;
  PrintStream out;
  PrintStream err;
  ByteArrayOutputStream o = new ByteArrayOutputStream();
  ByteArrayOutputStream e = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    System.setProperty("robusta.offline", "true");
    System.setProperty("robusta.data", tmp.resolve("cache").toString());
    out = System.out;
    err = System.err;
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(out);
    System.setErr(err);
    System.clearProperty("robusta.offline");
    System.clearProperty("robusta.data");
  }

  int run(String... args) {
    o.reset();
    e.reset();
    return Main.run(args);
  }

  @Test
  void listInfoDownloadVerify() {
    assertEquals(0, run("datasets", "list"));
    String list = o.toString(StandardCharsets.UTF_8);
    assertTrue(list.contains("imagenet-a") && list.contains("0.69 GB") && list.contains("not downloaded"), list);
    assertTrue(list.contains("manual download"), list);
    assertEquals(0, run("datasets", "info", "cifar10-c"));
    assertTrue(o.toString(StandardCharsets.UTF_8).contains("c72763e101c723b7c507b96205f7e938912a5d587376173b825850cf3cb876a7"));
    assertEquals(2, run("datasets", "download", "imagenet-r"));
    String msg = e.toString(StandardCharsets.UTF_8);
    assertTrue(msg.contains("imagenet-r") && msg.contains("imagenet-r.tar") && msg.contains("local copy"), msg);
    assertEquals(2, run("datasets", "info", "nope"));
    assertTrue(e.toString(StandardCharsets.UTF_8).contains("unknown dataset id 'nope'"));
    assertEquals(2, run("datasets", "verify"));
  }

  @Test
  void verifyReportsCountsAndMismatches() {
    Path cifar = Shared.path("data/datasets/cifar10-test-jpeg");
    assertEquals(0, run("datasets", "verify", "cifar10", "--root", cifar.toString()));
    assertTrue(o.toString(StandardCharsets.UTF_8).contains("test: 10000 images, 10 classes"));
    Path tiny = Shared.path("data/datasets/tiny-imagenet-200");
    assertEquals(1, run("datasets", "verify", "tiny-imagenet", "--root", tiny.toString()));
    assertTrue(o.toString(StandardCharsets.UTF_8).contains("found 1000 images where the registry lists 10000"));
    assertEquals(1, run("datasets", "verify", "imagenet-a"));
    assertTrue(o.toString(StandardCharsets.UTF_8).contains("no copy at"));
  }

  @Test
  void syntheticSetsAreGeneratedNotDownloadedOrVerified() {
    assertEquals(0, run("datasets", "verify", "gaussian"), o.toString(StandardCharsets.UTF_8));
    String v = o.toString(StandardCharsets.UTF_8);
    assertTrue(v.contains("generated on demand") && !v.contains("no copy at"), v);
    assertEquals(2, run("datasets", "download", "blobs"));
    String d = e.toString(StandardCharsets.UTF_8);
    assertTrue(d.contains("generated on demand") && !d.contains("local copy"), d);
  }
}
