package dev.robusta.e2e;

import static dev.robusta.e2e.EvalRuns.main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Datasets;
import dev.robusta.e2e.EvalRuns.Run;
import dev.robusta.infer.Backend;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code ./robusta eval} on real input: the CIFAR-10 ResNet-20 (TorchScript and ONNX) on the CIFAR-10 JPEG test
 * set as a registered local copy, two CIFAR-10-C corruptions generated in memory, and OOD sets built from real
 * images (the Tiny-ImageNet sample as a registered local copy, the 122 ImageNet photos as a plain folder,
 * Fashion-MNIST greyscale to RGB resized to 32x32) and synthetic ones. One logits cache for the class: the
 * ONNX test (run second) reads the TorchScript clean logits of the first from it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvalCifarTest {
  @TempDir
  static Path shared;

  static Path cache() {
    return shared.resolve("cache");
  }

  @Test
  @Order(1)
  @Timeout(1800)
  void resnet20OnCifar10JpegMatchesTheReferenceAndTheMetricsModule() throws Exception {
    Path model = Shared.path("data/models/cifar10-resnet/cifar10_resnet20.pt");
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    Path tiny = Shared.path("data/datasets/tiny-imagenet-200");
    Path photos = Shared.path("data/datasets/imagenet-sample-images");
    double reference = References.top1("resnet20", "top1_torchscript");
    List<String> ood = new ArrayList<>(List.of("gaussian", "blobs", "tiny-imagenet=" + tiny, photos.toString()));
    boolean fashion = Files.exists(Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"));
    if (fashion) {
      ood.add("fashion-mnist");
    } else {
      System.out.println("EvalCifarTest: Fashion-MNIST is not installed, left out of the OOD sets"
          + " (apt-get install dataset-fashion-mnist)");
    }
    Path out = shared.resolve("out");
    String[] args = {"eval", "--model", model.toString(), "--preset", "cifar", "--dataset", "cifar10",
        "--root", root.toString(), "--corruptions", "cifar10-c", "--only", "gaussian_noise,contrast",
        "--limit", "200", "--ood", String.join(",", ood), "--out", out.toString(), "--cache", cache().toString()};
    Run r = main(args);
    assertEquals(0, r.status(), r.err());
    Path dir = out.resolve("cifar10-test");
    assertTrue(Files.size(dir.resolve("report.html")) > 100_000);
    Table acc = EvalRuns.table(dir, "clean-accuracy");
    double top1 = acc.doubleColumn("top1").get(0);
    System.out.printf("ResNet-20 on the CIFAR-10 JPEG set: %.4f (reference %.4f)%n", top1, reference);
    assertEquals(reference, top1, 1e-9, "clean accuracy of ResNet-20 on the JPEG set");
    Table grid = EvalRuns.table(dir, "top-1-error-per-corruption");
    assertEquals(2, grid.rowCount());
    Table table = EvalRuns.table(dir, "ood-detection");
    Set<String> sets = new TreeSet<>(table.stringColumn("oodSet").asList());
    Set<String> expected = new TreeSet<>(List.of("gaussian", "blobs", "tiny-imagenet", "imagenet-sample-images"));
    if (fashion) {
      expected.add("fashion-mnist/test");
    }
    assertEquals(expected, sets, "one block per OOD set, named by id or folder");
    assertEquals(4 * expected.size(), table.rowCount(), "MSP, MaxLogit, energy and entropy for every set");
    assertEquals(122, table.where(table.stringColumn("oodSet").isEqualTo("imagenet-sample-images"))
        .intColumn("nOod").get(0), "the photos folder: every image, recursively");

    // the OOD metrics equal the metrics module's on the cached logits
    EvalRuns.assertOodMatchesCache(table, cache(), "cifar10_resnet20", Backend.PYTORCH);

    // a second run reads every cell (resized OOD sets included) from the cache and gives the same tables
    Run again = main(args);
    assertEquals(0, again.status(), again.err());
    List<String> summaries = again.out().lines().filter(l -> l.contains("cells read from the logits cache")).toList();
    assertEquals(2, summaries.size(), again.out());
    for (String s : summaries) {
      assertTrue(s.contains(" 0 computed"), s);
    }
    assertEquals(top1, EvalRuns.table(dir, "clean-accuracy").doubleColumn("top1").get(0));
  }

  @Test
  @Order(2)
  @Timeout(1200)
  void resnet20OnnxMatchesTheReferenceAndAgreesWithTorchScript() throws Exception {
    Path onnx = Shared.path("data/models/cifar10-resnet/cifar10_resnet20.onnx");
    Path pt = Shared.path("data/models/cifar10-resnet/cifar10_resnet20.pt");
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    double reference = References.top1("resnet20", "top1_onnxruntime");
    double top1 = References.cleanRun(onnx, root, cache(), shared.resolve("onnx"));
    System.out.printf("ResNet-20 ONNX on the CIFAR-10 JPEG set: %.4f (reference %.4f)%n", top1, reference);
    assertEquals(reference, top1, 1e-9);
    References.ensureClean(pt, root, cache(), shared.resolve("pt"), "cifar10_resnet20", Backend.PYTORCH);
    int n = EvalRuns.disagreements(EvalRuns.clean(cache(), "cifar10_resnet20", Backend.PYTORCH),
        EvalRuns.clean(cache(), "cifar10_resnet20", Backend.ONNX_RUNTIME));
    System.out.println("ResNet-20 TorchScript vs ONNX: " + n + " prediction disagreements (reference "
        + References.disagreements("resnet20") + ")");
    assertEquals(References.disagreements("resnet20"), n);
  }

  @Test
  @Timeout(300)
  void clearMessagesForUnknownIdsMissingDataAndAWrongLabelSpace(@TempDir Path tmp) throws Exception {
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
    r = main("eval", "--model", model.toString(), "--preset", "imagenet", "--dataset", "tiny-imagenet", "--partial",
        "--root", tiny.toString(), "--out", tmp.toString(), "--cache", tmp.resolve("c").toString());
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().contains("outputs 10 logits") && r.err().contains("200 classes"), r.err());
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    // a 224x224 ImageNet model fed 32x32 CIFAR tensors: the preset is named, with the one to pick
    r = main("eval", "--model", Shared.path("data/models/imagenet/mobilenetv2-12-int8.onnx").toString(), "--dataset",
        "cifar10", "--root", root.toString(), "--out", tmp.toString(), "--cache", tmp.resolve("c").toString());
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().contains("rejected the first image") && r.err().contains("--preset imagenet")
        && !r.err().contains("dev.robusta."), r.err());
    // ImageNet-C's 224-pixel severities on 32x32 images run, with a warning naming the CIFAR-10-C protocol
    r = main("eval", "--model", model.toString(), "--dataset", "cifar10", "--root", root.toString(), "--corruptions",
        "imagenet-c", "--only", "contrast", "--limit", "5", "--out", tmp.toString(), "--cache", tmp.resolve("c").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("made for ImageNet-size images") && r.out().contains("--corruptions cifar10-c"), r.out());
    r = main("eval", "--model", model.toString(), "--dataset", "cifar10", "--ood", "nope", "--root", root.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("'nope' is neither a synthetic set, a registered id nor a folder"), r.err());
    Files.createDirectories(tmp.resolve("no-images/sub"));
    Files.writeString(tmp.resolve("no-images/sub/readme.jpg"), "not an image");
    r = main("eval", "--model", model.toString(), "--dataset", "cifar10", "--root", root.toString(), "--ood",
        "mine=" + tmp.resolve("no-images"));
    assertEquals(2, r.status());
    assertTrue(r.err().contains("holds no JPEG, PNG, GIF or BMP file"), r.err());
    // a registered OOD set that cannot load keeps the loader's own hint (here: where the class lists go)
    Datasets.useClassLists(tmp.resolve("no-class-lists"));
    try {
      r = main("eval", "--model", model.toString(), "--dataset", "cifar10", "--root", root.toString(), "--ood",
          "imagenet-val=" + tmp);
      assertEquals(2, r.status());
      assertTrue(r.err().contains("imagenet-val"), r.err());
      assertTrue(!r.err().contains("synthetic sets:"), "the generic hint replaced the loader's:\n" + r.err());
      if (r.err().contains("class list")) {
        assertTrue(r.err().contains("ROBUSTA_CLASS_LISTS"), r.err());
      }
    } finally {
      Datasets.useClassLists(null);
    }
    r = main("eval", "--bogus");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown option"), r.err());
  }
}
