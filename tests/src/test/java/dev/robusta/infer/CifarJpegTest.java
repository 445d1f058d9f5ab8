package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.robusta.Models;
import dev.robusta.Datasets;
import dev.robusta.data.Dataset;
import dev.robusta.testing.Shared;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ResNet-20 (TorchScript) through the full pipeline over all 10,000 CIFAR-10 test JPEGs (read with
 * {@code Datasets.load("cifar10", <the JPEG folder>)}): top-1 within
 * 0.1 point of the reference 81.03 % (JPEG decoders differ by about one grey level), per-class accuracy
 * within 1 point, and the logits of test images 0-4 close to the Pillow-decoded reference. The other
 * depths run on the 10,000 images in the benchmark harness ({@code ./robusta bench inference}) to keep
 * the suite short on 2 cores.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CifarJpegTest {

  @Test
  void resnet20OnTheJpegTestSetMatchesTheReference() {
    JsonNode ref = Fixtures.reference().get("cifar10_resnet").get("models").get("resnet20").get("jpeg_test10000");
    Dataset ds = Datasets.load("cifar10", Shared.path("data/datasets/cifar10-test-jpeg"));
    assertEquals(10_000, ds.size());
    try (Classifier c = Models.loader(Fixtures.resnet(20, "pt"), Preset.CIFAR).threads(2).load()) {
      long t0 = System.nanoTime();
      Predictions p = Pipeline.builder(c).batchSize(256).workers(1).progress(false).build().run(ds);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double top1 = p.top1();
      double refTop1 = ref.get("top1_torchscript").asDouble();
      System.out.printf(Locale.ROOT, "resnet20.pt on 10,000 CIFAR-10 JPEGs: top-1 %.2f%% (reference %.2f%%,"
          + " difference %+.2f points), %.1f s, %.0f img/s%n", 100 * top1, 100 * refTop1, 100 * (top1 - refTop1),
          seconds, 10_000 / seconds);
      assertEquals(refTop1, top1, 0.001, "top-1 on the JPEG test set");
      int[] pred = p.predicted();
      int[] ok = new int[10];
      int[] count = new int[10];
      for (int i = 0; i < p.size(); i++) {
        count[p.labels()[i]]++;
        ok[p.labels()[i]] += pred[i] == p.labels()[i] ? 1 : 0;
      }
      for (int k = 0; k < 10; k++) {
        String cls = Fixtures.CIFAR_CLASSES.get(k);
        assertEquals(1000, count[k], "images of class " + cls);
        assertEquals(ref.get("per_class_top1").get(cls).asDouble(), ok[k] / 1000.0, 0.01, "class " + cls);
      }
      List<String> files = List.of("test/cat/0000.jpg", "test/ship/0000.jpg", "test/ship/0001.jpg",
          "test/airplane/0000.jpg", "test/frog/0000.jpg");
      int[] rows = {3000, 8000, 8001, 0, 6000}; // the loader orders by class folder, then file name
      for (int j = 0; j < 5; j++) {
        String path = ds.get(rows[j]).meta().get("path").replace('\\', '/');
        assertTrue(path.endsWith(files.get(j)), "row " + rows[j] + " is " + path + ", expected " + files.get(j));
      }
      double maxDiff = 0;
      for (int j = 0; j < 5; j++) {
        assertEquals(files.get(j), ref.get("files_first5_test_indices_0_to_4").get(j).asText());
        float[] want = Fixtures.floats(ref.get("logits_first5_test_indices_0_to_4").get(j));
        float[] got = p.logits()[rows[j]];
        for (int k = 0; k < 10; k++) {
          maxDiff = Math.max(maxDiff, Math.abs(want[k] - got[k]));
        }
        assertEquals(Fixtures.argmax(want), Fixtures.argmax(got), files.get(j));
      }
      System.out.printf(Locale.ROOT, "JPEG logits of test images 0-4: max |diff| to the Pillow reference %.4f%n",
          maxDiff);
      assertTrue(maxDiff < 1.0, "max |logit diff| " + maxDiff);
    }
  }
}
