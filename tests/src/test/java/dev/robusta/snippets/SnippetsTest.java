package dev.robusta.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every snippet in {@code snippets/} runs through {@code ./robusta jshell}, exits 0 and prints the line it
 * exists for. Inputs come from {@code ../shared} (skipped with the reason when absent) or the snippets'
 * own generated demo files.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SnippetsTest {
  @TempDir Path tmp;

  @Test
  void datasetsList() throws Exception {
    String out = run("datasets-list", Map.of());
    assertTrue(Pattern.compile("(?m)^\\d+ datasets registered$").matcher(out).find(), out);
    assertTrue(out.contains("imagenet-a") && out.contains("{test=7500}"), "ImageNet-A and its size listed: " + out);
  }

  @Test
  void datasetInfo() throws Exception {
    Shared.path("data/class-lists");
    String out = run("dataset-info", Map.of("DATASET", "imagenet-r"));
    assertTrue(out.contains("citation: Hendrycks et al., The Many Faces of Robustness"), out);
    assertTrue(out.contains("  label 0 = n01443537 -> ImageNet-1k index 1"), out);
  }

  @Test
  void corruptGrid() throws Exception {
    Shared.path("data/datasets/imagenet-sample-images");
    Path png = tmp.resolve("grid.png");
    String out = run("corrupt-grid", Map.of("OUT", png.toString()));
    assertTrue(out.contains("wrote " + png + ": 19 corruptions x 5 severities"), out);
    var img = ImageIO.read(png.toFile());
    assertTrue(img.getWidth() > 6 * 64 && img.getHeight() > 19 * 64, img.getWidth() + "x" + img.getHeight());
  }

  @Test
  void oodAurocOfTwoScoreFiles() throws Exception {
    Path id = Files.write(tmp.resolve("id.txt"), List.of("0.9", "0.8", "0.7", "0.6"));
    Path ood = Files.write(tmp.resolve("ood.txt"), List.of("0.65", "0.5", "0.4", "0.3"));
    String out = run("ood-auroc", Map.of("ID_SCORES", id.toString(), "OOD_SCORES", ood.toString()));
    // 15 of the 16 (ID, OOD) pairs are ordered: AUROC 15/16
    assertTrue(out.contains("AUROC 0.9375  FPR95 "), out);
    assertTrue(run("ood-auroc", Map.of()).contains("AUROC 0.8537"), "the seeded demo files");
  }

  @Test
  void mceFromCsv() throws Exception {
    Path csv = tmp.resolve("errors.csv");
    List<String> lines = new ArrayList<>(List.of("clean,0.43478"));
    // AlexNet's own errors give mCE 100 by definition
    for (String c : List.of("gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur", "motion_blur",
        "zoom_blur", "snow", "frost", "fog", "brightness", "contrast", "elastic_transform", "pixelate", "jpeg_compression")) {
      double[] e = dev.robusta.metrics.AlexNetImageNetC.errors(c);
      lines.add(c + "," + e[0] + "," + e[1] + "," + e[2] + "," + e[3] + "," + e[4]);
    }
    Files.write(csv, lines);
    String out = run("mce-from-csv", Map.of("ERRORS_CSV", csv.toString(), "MODEL", "alexnet"));
    assertTrue(out.contains("alexnet: mCE 100.00, relative mCE 100.00"), out);
    Shared.path("data/results/robustbench");
    assertTrue(run("mce-from-csv", Map.of()).contains("Standard_R50: mCE "), "from RobustBench's table");
  }

  @Test
  void effectiveRobustness() throws Exception {
    Shared.path("data/results/imagenet-testbed");
    String out = run("effective-robustness", Map.of());
    assertTrue(Pattern.compile("resnet50_clip_zeroshot: val-on-imagenet-r-classes [\\d.]+%, imagenet-r [\\d.]+%, line predicts"
        + " [\\d.]+%, effective robustness \\+[1-9]\\d\\.\\d\\d points").matcher(out).find(), out);
  }

  @Test
  void topkOfCachedLogits() throws Exception {
    Shared.path("data/models/cifar10-resnet");
    Map<String, String> env = Map.of("CACHE", tmp.resolve("cache").toString());
    String first = run("topk-cached-logits", env);
    // ResNet-20 on every 100th test JPEG: 86 of 100 right (the full JPEG set gives 81.03%)
    assertTrue(first.contains("top-1 accuracy 0.8600 (86/100, logits COMPUTED)"), first);
    assertTrue(first.contains("top-5 accuracy 0.9900 (99/100, logits COMPUTED)"), first);
    String again = run("topk-cached-logits", env);
    assertTrue(again.contains("top-1 accuracy 0.8600 (86/100, logits CACHE)"), "the second run reads the cache: " + again);
  }

  @Test
  void calibrationOfTwoModels() throws Exception {
    Shared.path("data/models/cifar10-resnet");
    String out = run("calibration-compare", Map.of());
    assertTrue(out.contains("compared 2 models on 100 images"), out);
    assertTrue(out.contains("cifar10_resnet56.pt"), out);
  }

  @Test
  void checkLocalCopy() throws Exception {
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    String out = run("check-local-copy", Map.of());
    assertTrue(out.contains("cifar10 at " + root + ": OK"), out);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    String bad = run("check-local-copy", Map.of("DATA_ROOT", empty.toString()));
    assertTrue(bad.contains("cifar10 at " + empty + ": ") && bad.contains("problem(s)"), bad);
  }

  @Test
  void timmLeaderboardOnImagenetA() throws Exception {
    Shared.path("data/results/timm");
    String out = run("timm-imagenet-a", Map.of("N", "5"));
    assertTrue(Pattern.compile("ImageNet-A leader: \\S+ top-1 [\\d.]+% \\(timm results-imagenet-a.csv, \\d+ models\\)")
        .matcher(out).find(), out);
  }

  /** Runs one snippet, asserts exit 0, returns its standard output. */
  static String run(String name, Map<String, String> env) throws IOException, InterruptedException {
    Path log = Files.createTempFile("snippet-" + name, ".log");
    Path err = Files.createTempFile("snippet-" + name, ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder("bash", Shared.repo().resolve("robusta").toString(), "jshell",
          "snippets/" + name + ".jsh").directory(Shared.repo().toFile())
          .redirectOutput(log.toFile()).redirectError(err.toFile());
      pb.environment().put("ROBUSTA_SHARED", Shared.root().toString());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(220, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(name + ".jsh did not finish in 220 s");
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), name + ".jsh failed:\n" + out + Files.readString(err, StandardCharsets.UTF_8));
      return out;
    } finally {
      Files.deleteIfExists(log);
      Files.deleteIfExists(err);
    }
  }
}
