package dev.robusta.e2e;

import static dev.robusta.e2e.EvalRuns.main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.e2e.EvalRuns.Run;
import dev.robusta.infer.Backend;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code ./robusta eval} with the CIFAR-10 ResNet-56, TorchScript and ONNX, on the 10,000 CIFAR-10 JPEGs and a
 * CIFAR-10-C subset (2 corruptions x 5 severities x 200 images) generated in memory: the clean top-1 equals
 * the Python reference for both files, and both predict the same class for every image. One logits cache.
 */
class EvalResNet56Test {
  @TempDir
  static Path shared;

  @Test
  @Timeout(1800)
  void torchScriptAndOnnxMatchTheReferenceAndEachOther() throws Exception {
    Path pt = Shared.path("data/models/cifar10-resnet/cifar10_resnet56.pt");
    Path onnx = Shared.path("data/models/cifar10-resnet/cifar10_resnet56.onnx");
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    Path cache = shared.resolve("cache");
    Path out = shared.resolve("pt");
    Run r = main("eval", "--model", pt.toString(), "--preset", "cifar", "--dataset", "cifar10", "--root",
        root.toString(), "--corruptions", "cifar10-c", "--only", "gaussian_noise,contrast", "--limit", "200",
        "--out", out.toString(), "--cache", cache.toString());
    assertEquals(0, r.status(), r.err());
    Path dir = out.resolve("cifar10-test");
    assertTrue(Files.size(dir.resolve("report.html")) > 100_000);
    double top1 = EvalRuns.table(dir, "clean-accuracy").doubleColumn("top1").get(0);
    double reference = References.top1("resnet56", "top1_torchscript");
    System.out.printf("ResNet-56 TorchScript on the CIFAR-10 JPEG set: %.4f (reference %.4f)%n", top1, reference);
    assertEquals(reference, top1, 1e-9);

    // the CIFAR-10-C subset: one row per corruption, the five severities, errors in [0, 1]
    Table grid = EvalRuns.table(dir, "top-1-error-per-corruption");
    System.out.println(grid.print());
    assertEquals(List.of("contrast", "gaussian_noise"), grid.stringColumn("corruption").asList().stream().sorted()
        .toList());
    for (int s = 1; s <= 5; s++) {
      for (double e : grid.doubleColumn("s" + s).asDoubleArray()) {
        assertTrue(e >= 0 && e <= 1, "error at severity " + s + ": " + e);
      }
    }
    int noise = grid.stringColumn("corruption").indexOf("gaussian_noise");
    assertTrue(grid.doubleColumn("s5").get(noise) > grid.doubleColumn("s1").get(noise),
        "Gaussian noise hurts more at severity 5 than at 1");
    Table cal = EvalRuns.table(dir, "calibration-and-selective-prediction");
    assertEquals(6, cal.rowCount(), "clean + 5 severities");

    double onnxTop1 = References.cleanRun(onnx, root, cache, shared.resolve("onnx"));
    double onnxReference = References.top1("resnet56", "top1_onnxruntime");
    System.out.printf("ResNet-56 ONNX on the CIFAR-10 JPEG set: %.4f (reference %.4f)%n", onnxTop1, onnxReference);
    assertEquals(onnxReference, onnxTop1, 1e-9);
    int n = EvalRuns.disagreements(EvalRuns.clean(cache, "cifar10_resnet56", Backend.PYTORCH),
        EvalRuns.clean(cache, "cifar10_resnet56", Backend.ONNX_RUNTIME));
    System.out.println("ResNet-56 TorchScript vs ONNX: " + n + " prediction disagreements (reference "
        + References.disagreements("resnet56") + ")");
    assertEquals(References.disagreements("resnet56"), n);
  }
}
