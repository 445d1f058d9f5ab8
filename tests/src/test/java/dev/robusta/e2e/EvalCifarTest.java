package dev.robusta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Metrics;
import dev.robusta.cli.Main;
import dev.robusta.infer.LogitsCache;
import dev.robusta.infer.Predictions;
import dev.robusta.metrics.OodDetectionResult;
import dev.robusta.metrics.Scores;
import dev.robusta.ood.LogitScores;
import dev.robusta.testing.Shared;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code ./robusta eval} on real input: the CIFAR-10 ResNet-20 (TorchScript) on the CIFAR-10 JPEG test set as
 * a registered local copy, two CIFAR-10-C corruptions generated in memory, synthetic and real OOD sets.
 */
class EvalCifarTest {

  record Run(int status, String out, String err) {}

  static Run main(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      int status = Main.run(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  @Timeout(1800)
  void resnet20OnCifar10JpegMatchesTheReferenceAndTheMetricsModule(@TempDir Path tmp) throws Exception {
    Path model = Shared.path("data/models/cifar10-resnet/cifar10_resnet20.pt");
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    Path tiny = Shared.path("data/datasets/tiny-imagenet-200");
    Path cache = tmp.resolve("cache");
    String[] args = {"eval", "--model", model.toString(), "--preset", "cifar", "--dataset", "cifar10",
        "--root", root.toString(), "--corruptions", "cifar10-c", "--only", "gaussian_noise,contrast",
        "--limit", "200", "--ood", "gaussian,blobs,tiny-imagenet=" + tiny, "--out", tmp.resolve("out").toString(),
        "--cache", cache.toString()};
    Run r = main(args);
    assertEquals(0, r.status(), r.err());
    Path dir = tmp.resolve("out/cifar10-test");
    assertTrue(Files.size(dir.resolve("report.html")) > 100_000);
    Table acc = DemoTest.table(dir, "clean-accuracy");
    double top1 = acc.doubleColumn("top1").get(0);
    System.out.printf("ResNet-20 on the CIFAR-10 JPEG set: %.4f (reference 0.8103)%n", top1);
    assertEquals(0.8103, top1, 0.001, "clean accuracy of ResNet-20 on the JPEG set");
    Table grid = DemoTest.table(dir, "top-1-error-per-corruption");
    assertEquals(2, grid.rowCount());
    Table ood = DemoTest.table(dir, "ood-detection");
    assertEquals(3 * 4, ood.rowCount());

    // the OOD metrics equal the metrics module's on the cached logits
    List<Predictions> cached = new java.util.ArrayList<>();
    for (Path m : LogitsCache.at(cache).entries()) {
      cached.add(LogitsCache.read(m));
    }
    Predictions id = cached.stream().filter(p -> p.cell().startsWith("clean/")).findFirst()
        .orElseThrow(() -> new AssertionError("no cached clean logits"));
    assertEquals(10_000, id.size());
    for (Row row : ood) {
      String set = row.getString("oodSet");
      Predictions o = cached.stream().filter(p -> p.dataset().equals(set) && p.cell().startsWith("ood/"))
          .findFirst().orElseThrow(() -> new AssertionError("no cached logits for " + set));
      String score = row.getString("score");
      OodDetectionResult expected = Metrics.ood(score(score, id.logits()), score(score, o.logits()));
      assertEquals(expected.auroc(), row.getDouble("auroc"), 1e-9, set + " " + score + " AUROC");
      assertEquals(expected.fpr95(), row.getDouble("fpr95"), 1e-9, set + " " + score + " FPR95");
      assertEquals(expected.auprIn(), row.getDouble("auprIn"), 1e-9, set + " " + score + " AUPR-In");
      assertEquals(expected.auprOut(), row.getDouble("auprOut"), 1e-9, set + " " + score + " AUPR-Out");
    }

    // a second run reads every cell from the cache and gives the same tables
    Run again = main(args);
    assertEquals(0, again.status(), again.err());
    assertTrue(again.out().contains(" 0 computed"), again.out());
    assertEquals(top1, DemoTest.table(dir, "clean-accuracy").doubleColumn("top1").get(0));
  }

  static Scores score(String name, float[][] logits) {
    double[][] d = new double[logits.length][];
    for (int i = 0; i < d.length; i++) {
      d[i] = new double[logits[i].length];
      for (int j = 0; j < d[i].length; j++) {
        d[i][j] = logits[i][j];
      }
    }
    return switch (name) {
      case "MSP" -> LogitScores.msp(d);
      case "MaxLogit" -> LogitScores.maxLogit(d);
      case "energy" -> LogitScores.energy(d, 1.0);
      case "entropy" -> LogitScores.entropy(d);
      default -> throw new AssertionError(name);
    };
  }

  @Test
  @Timeout(300)
  void clearMessagesForUnknownIdsMissingDataAndAWrongLabelSpace(@TempDir Path tmp) {
    Path model = Shared.path("data/models/cifar10-resnet/cifar10_resnet20.pt");
    Run r = main("eval", "--model", model.toString(), "--dataset", "no-such-set");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("no-such-set"), r.err());
    r = main("eval", "--model", tmp.resolve("missing.pt").toString(), "--dataset", "cifar10");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("does not exist"), r.err());
    r = main("eval", "--model", model.toString(), "--dataset", "cifar10", "--root", tmp.resolve("empty").toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("cifar10"), r.err());
    Path tiny = Shared.path("data/datasets/tiny-imagenet-200");
    r = main("eval", "--model", model.toString(), "--preset", "imagenet", "--dataset", "tiny-imagenet", "--partial", "--root",
        tiny.toString(), "--out", tmp.toString(), "--cache", tmp.resolve("c").toString());
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().contains("outputs 10 logits") && r.err().contains("200 classes"), r.err());
    r = main("eval", "--model", model.toString(), "--dataset", "cifar10", "--ood", "nope", "--root", "x");
    assertEquals(2, r.status());
    r = main("eval", "--bogus");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown option"), r.err());
  }
}
