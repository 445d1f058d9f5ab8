package dev.robusta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.Datasets;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code ./robusta eval} on ImageNet input: the int8 MobileNetV2 (ONNX Model Zoo) on the 122 ImageNet sample
 * photos (a flat folder of {@code <wnid>_<name>.JPEG}), ImageNet-C corruptions generated from them, and the
 * unlabelled example photos of imagenet-testbed (ImageNet-C grid, ImageNet-A with the 200-class mask,
 * ImageNet-V2).
 */
class EvalImageNetTest {
  @TempDir
  static Path tmp;

  static Path model;
  static Path samples;

  @BeforeAll
  static void classLists() {
    Datasets.useClassLists(Shared.path("data/class-lists"));
    model = Shared.path("data/models/imagenet/mobilenetv2-12-int8.onnx");
    samples = Shared.path("data/datasets/imagenet-sample-images");
  }

  static JsonNode reference() throws Exception {
    return new ObjectMapper().readTree(Shared.path("data/reference-values.json").toFile())
        .get("imagenet_onnx").get("models").get("mobilenetv2-12-int8").get("imagenet_sample_images_shipped");
  }

  static EvalRuns.Run eval(String... rest) {
    String[] args = new String[rest.length + 7];
    args[0] = "eval";
    args[1] = "--model";
    args[2] = model.toString();
    args[3] = "--out";
    args[4] = tmp.resolve("out").toString();
    args[5] = "--cache";
    args[6] = tmp.resolve("cache").toString();
    System.arraycopy(rest, 0, args, 7, rest.length);
    EvalRuns.Run r = EvalRuns.main(args);
    System.out.println(EvalRuns.tail(r.out()));
    return r;
  }

  @Test
  @Timeout(300)
  void samplePhotosGiveTheReferenceTop1AndTop5(@TempDir Path scratch) throws Exception {
    JsonNode ref = reference();
    int n = ref.get("n_images").asInt();
    EvalRuns.Run r = eval("--dataset", "imagenet-folder=" + samples, "--preset", "imagenet");
    assertEquals(0, r.status(), r.err());
    Table acc = EvalRuns.table(tmp.resolve("out/imagenet-folder-imagenet-sample-images"), "clean-accuracy");
    assertEquals(n, acc.intColumn("n").get(0));
    assertEquals("full (1000 classes)", acc.stringColumn("labelSpace").get(0));
    double top1 = acc.doubleColumn("top1").get(0);
    double top5 = acc.doubleColumn("top5").get(0);
    System.out.printf("MobileNetV2-int8 on the %d sample photos: top-1 %.4f (reference %.4f), top-5 %.4f (reference"
        + " %.4f)%n", n, top1, ref.get("top1").asDouble(), top5, ref.get("top5").asDouble());
    // Within one image of the reference (onnxruntime-node, Pillow): int8 kernels differ between CPUs (VNNI or
    // not) and the Java JPEG decoder differs from libjpeg by about one grey level, which can flip the top-1 of a
    // photo whose two best logits are one quantization step apart.
    double oneImage = 1.0 / n + 1e-4;
    assertEquals(ref.get("top1").asDouble(), top1, oneImage, "top-1 within one image of the reference");
    assertEquals(ref.get("top5").asDouble(), top5, oneImage, "top-5 within one image of the reference");

    // the registered id over a partial flat copy: refused without --partial (with the hint), same numbers with it
    EvalRuns.Run refused = eval("--dataset", "imagenet-val", "--root", samples.toString());
    assertEquals(2, refused.status(), refused.err());
    assertOneLine(refused.err(), "flat", "--partial");
    EvalRuns.Run partial = eval("--dataset", "imagenet-val", "--root", samples.toString(), "--partial", "--out",
        scratch.toString());
    assertEquals(0, partial.status(), partial.err());
    Table p = EvalRuns.table(scratch.resolve("imagenet-val-imagenet-sample-images"), "clean-accuracy");
    assertEquals(top1, p.doubleColumn("top1").get(0));
    assertEquals(top5, p.doubleColumn("top5").get(0));
  }

  @Test
  @Timeout(400)
  void imagenetCOnTheSamplePhotosGrowsWithSeverity() throws Exception {
    Path frost = Shared.path("data/datasets/imagenet-c-frost");
    EvalRuns.Run r = eval("--dataset", "imagenet-folder=" + samples, "--preset", "imagenet", "--corruptions", "imagenet-c",
        "--only", "gaussian_noise,contrast,frost", "--frost", frost.toString(), "--limit", "61");
    assertEquals(0, r.status(), r.err());
    Path dir = tmp.resolve("out/imagenet-folder-imagenet-sample-images@crop224");
    Table grid = EvalRuns.table(dir, "top-1-error-per-corruption");
    assertEquals(List.of("gaussian_noise", "contrast", "frost"), grid.stringColumn("corruption").asList());
    double[] mean = new double[5];
    for (int s = 1; s <= 5; s++) {
      for (Row row : grid) {
        double e = row.getDouble("s" + s);
        assertTrue(e >= 0 && e <= 1, "error in [0, 1]: " + e);
        mean[s - 1] += e / grid.rowCount();
      }
    }
    System.out.println("mean top-1 error per severity over the 3 corruptions: " + java.util.Arrays.toString(mean));
    for (int s = 1; s < 5; s++) {
      assertTrue(mean[s] >= mean[s - 1], "mean error grows with severity: " + java.util.Arrays.toString(mean));
    }
    assertTrue(mean[4] > mean[0] + 0.2, java.util.Arrays.toString(mean));
    // the corruptions are applied to the 224 crop (make_imagenet_c.py); the clean crop gives the plain preset's
    // accuracy, and the report says which protocol ran
    double clean = EvalRuns.table(dir, "clean-accuracy").doubleColumn("top1").get(0);
    assertTrue(mean[0] > 1 - clean, "severity 1 is harder than clean");
    assertEquals(reference().get("top1").asDouble(), clean, 1.0 / 122 + 1e-4);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("make_imagenet_c.py"), "the report states the ImageNet-C protocol");
    assertFalse(r.out().contains("unavailable"), "frost ran with the textures: " + r.out());
  }

  @Test
  @Timeout(600)
  void allFifteenImagenetCCorruptionsAreAlexNetNormalised() throws Exception {
    Path frost = Shared.path("data/datasets/imagenet-c-frost");
    Path out = tmp.resolve("out15");
    EvalRuns.Run r = eval("--dataset", "imagenet-folder=" + samples, "--preset", "imagenet", "--corruptions", "imagenet-c",
        "--frost", frost.toString(), "--limit", "3", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    Path dir = out.resolve("imagenet-folder-imagenet-sample-images@crop224");
    Table grid = EvalRuns.table(dir, "top-1-error-per-corruption");
    assertEquals(15, grid.rowCount());
    double clean = 1 - EvalRuns.table(dir, "clean-accuracy").doubleColumn("top1").get(0);
    dev.robusta.metrics.CorruptionErrors.Builder b = dev.robusta.metrics.CorruptionErrors.builder("m").clean(clean);
    for (Row row : grid) {
      b.add(row.getString("corruption"), row.getDouble("s1"), row.getDouble("s2"), row.getDouble("s3"),
          row.getDouble("s4"), row.getDouble("s5"));
      assertFalse(Double.isNaN(row.getDouble("CE")), "CE of " + row.getString("corruption"));
    }
    var expected = dev.robusta.Metrics.mce(b.build());
    String line = String.format(java.util.Locale.ROOT, "mCE %.2f%%, relative mCE %.2f%% (AlexNet", 100 * expected.mce(),
        100 * expected.relativeMce());
    assertTrue(r.out().contains(line), "the run prints the metrics module's AlexNet-normalised mCE: " + line + "\n"
        + EvalRuns.tail(r.out()));
    // a subset is labelled as not mCE
    EvalRuns.Run sub = eval("--dataset", "imagenet-folder=" + samples, "--preset", "imagenet", "--corruptions",
        "imagenet-c", "--only", "contrast", "--limit", "3", "--out", tmp.resolve("out1").toString());
    assertEquals(0, sub.status(), sub.err());
    assertTrue(sub.out().contains("NOT mCE: AlexNet-normalised CE needs all 15 ImageNet-C corruptions, 1 ran"),
        EvalRuns.tail(sub.out()));
  }

  @Test
  @Timeout(300)
  void testbedExamplesAreEvaluatedHonestly() throws Exception {
    Path examples = Shared.path("data/datasets/imagenet-testbed-examples/images");
    Set<String> a200 = new HashSet<>(Files.readAllLines(Shared.path("data/class-lists/imagenet_a_wnids.txt"))
        .stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    assertEquals(200, a200.size());
    EvalRuns.Run r = eval("--dataset", "imagenet-testbed-examples=" + examples);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("label-space policy for the ImageNet-A examples: MASK_TO_SUBSET"), r.out());
    assertTrue(r.out().contains("prediction consistency"), r.out());
    Path dir = tmp.resolve("out/imagenet-testbed-examples");
    assertTrue(Files.size(dir.resolve("report.html")) > 10_000);

    // ImageNet-C examples: 18 corruptions x 5 severities, consistency = same top-1 as the clean bird.jpeg
    Table cells = EvalRuns.table(dir, "imagenet-c-examples-every-cell");
    assertEquals(18 * 5, cells.rowCount());
    assertEquals(18, cells.stringColumn("corruption").unique().size());
    Set<String> same = new HashSet<>();
    Set<String> other = new HashSet<>();
    for (Row row : cells) {
      int s = row.getInt("severity");
      assertTrue(s >= 1 && s <= 5);
      (row.getInt("consistent") == 1 ? same : other).add(row.getString("top1"));
    }
    assertEquals(1, same.size(), "every consistent cell has the one reference prediction: " + same);
    assertFalse(other.contains(same.iterator().next()), "an inconsistent cell predicts something else");
    Table wide = EvalRuns.table(dir, "imagenet-c-examples-prediction-consistency");
    assertEquals(18 + 1, wide.rowCount(), "18 corruptions and the mean row");

    // ImageNet-A examples: masked predictions inside the 200 classes; the mask moves at least one argmax
    Table a = EvalRuns.table(dir, "imagenet-a-examples");
    assertEquals(4, a.rowCount());
    boolean moved = false;
    for (Row row : a) {
      assertEquals("MASK_TO_SUBSET", row.getString("policy"));
      assertTrue(a200.contains(row.getString("top1")), "masked prediction inside the 200: " + row.getString("top1"));
      assertEquals(a200.contains(row.getString("argmax1k")) ? "yes" : "no", row.getString("argmax1kInSubset"));
      if (!a200.contains(row.getString("argmax1k"))) {
        moved = true;
        assertNotEquals(row.getString("argmax1k"), row.getString("top1"));
      } else {
        assertEquals(row.getString("argmax1k"), row.getString("top1"), "the mask keeps an argmax inside the 200");
      }
    }
    assertTrue(moved, "some example's unmasked argmax lies outside the 200 and its masked one inside");

    // ImageNet-V2 examples: full 1000
    Table v2 = EvalRuns.table(dir, "imagenet-v2-examples");
    assertEquals(4, v2.rowCount());
    for (Row row : v2) {
      assertEquals("FULL_1000", row.getString("policy"));
    }

    // without the mask the A predictions are the 1000-way argmax
    EvalRuns.Run full = eval("--dataset", "imagenet-testbed-examples=" + examples, "--label-policy", "full-1000");
    assertEquals(0, full.status(), full.err());
    assertTrue(full.out().contains("label-space policy for the ImageNet-A examples: FULL_1000"), full.out());
    Table af = EvalRuns.table(dir, "imagenet-a-examples-predictions-full-1000");
    for (int i = 0; i < af.rowCount(); i++) {
      assertEquals(af.stringColumn("argmax1k").get(i), af.stringColumn("top1").get(i));
      assertEquals(a.stringColumn("argmax1k").get(i), af.stringColumn("argmax1k").get(i));
    }
  }

  @Test
  @Timeout(300)
  void imagenetASubsetIsScoredWithThe200ClassMask(@TempDir Path scratch) throws Exception {
    // an ImageNet-A-shaped partial copy: ImageNet-A's 200 wnid folders, holding the sample photos of those classes
    List<String> aWnids = Files.readAllLines(Shared.path("data/class-lists/imagenet_a_wnids.txt")).stream()
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<String> in1k = Files.readAllLines(Shared.path("data/class-lists/imagenet1k_wnids.txt")).stream()
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    Path root = scratch.resolve("imagenet-a");
    int photos = 0;
    for (String w : aWnids) {
      Files.createDirectories(root.resolve(w));
    }
    try (var files = Files.list(samples)) {
      for (Path f : files.sorted().toList()) {
        String w = f.getFileName().toString().substring(0, 9);
        if (aWnids.contains(w)) {
          Files.createSymbolicLink(root.resolve(w).resolve(f.getFileName()), f);
          photos++;
        }
      }
    }
    assertTrue(photos > 10, "sample photos of ImageNet-A classes: " + photos);
    EvalRuns.Run r = eval("--dataset", "imagenet-a", "--root", root.toString(), "--partial", "--out",
        scratch.resolve("out").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("label-space policy: MASK_TO_SUBSET"), r.out());
    Table acc = EvalRuns.table(scratch.resolve("out/imagenet-a"), "clean-accuracy");
    assertEquals(photos, acc.intColumn("n").get(0));
    assertEquals("SUBSET_200 (masked from 1000 logits)", acc.stringColumn("labelSpace").get(0));
    double masked = acc.doubleColumn("top1").get(0);

    // the same photos from the 1000-class run's cached logits: argmax over the 200 columns, and over all 1000
    EvalRuns.Run full = eval("--dataset", "imagenet-folder=" + samples, "--preset", "imagenet");
    assertEquals(0, full.status(), full.err());
    dev.robusta.infer.Predictions p = null;
    for (Path m : dev.robusta.infer.LogitsCache.at(tmp.resolve("cache")).entries()) {
      var e = dev.robusta.infer.LogitsCache.read(m);
      if (e.dataset().equals("imagenet-folder/imagenet-sample-images") && e.cell().startsWith("clean/")) {
        p = e;
      }
    }
    assertTrue(p != null, "cached clean logits of the sample photos");
    int n = 0;
    int hitMasked = 0;
    int hitFull = 0;
    for (int i = 0; i < p.size(); i++) {
      String w = in1k.get(p.labels()[i]);
      if (!aWnids.contains(w)) {
        continue;
      }
      n++;
      float[] l = p.logits()[i];
      int best = -1;
      for (String aw : aWnids) {
        int k = in1k.indexOf(aw);
        if (best < 0 || l[k] > l[best]) {
          best = k;
        }
      }
      hitMasked += best == p.labels()[i] ? 1 : 0;
      int arg = 0;
      for (int k = 1; k < l.length; k++) {
        arg = l[k] > l[arg] ? k : arg;
      }
      hitFull += arg == p.labels()[i] ? 1 : 0;
    }
    assertEquals(photos, n);
    System.out.printf("%d sample photos of ImageNet-A classes: masked top-1 %.4f (eval), %.4f (recomputed),"
        + " full-1000 top-1 %.4f%n", n, masked, (double) hitMasked / n, (double) hitFull / n);
    assertEquals((double) hitMasked / n, masked, 1e-9, "eval's masked top-1 = argmax over the 200 columns");
    assertTrue(hitMasked >= hitFull, "masking can only turn a wrong 1000-way argmax right");

    // FULL_1000 on a 200-class set is refused with the masking hint
    EvalRuns.Run refused = eval("--dataset", "imagenet-a", "--root", root.toString(), "--partial", "--label-policy",
        "full-1000", "--out", scratch.resolve("out").toString());
    assertEquals(2, refused.status(), refused.err());
    assertOneLine(refused.err(), "outputs 1000 logits but imagenet-a has 200 classes", "mask-to-subset");
  }

  @Test
  @Timeout(300)
  void oneLineErrorsWithAHint() throws Exception {
    // a model whose 1000 outputs do not fit a 10-class label space
    Path cifar = Shared.path("data/datasets/cifar10-test-jpeg");
    EvalRuns.Run r = eval("--dataset", "cifar10", "--root", cifar.toString(), "--preset", "imagenet");
    assertEquals(2, r.status(), r.err());
    assertOneLine(r.err(), "outputs 1000 logits but cifar10", "pick the model trained on");
    // missing folders
    r = eval("--dataset", "imagenet-folder=" + tmp.resolve("nowhere"));
    assertEquals(2, r.status(), r.err());
    assertOneLine(r.err(), "does not exist", "imagenet-folder=");
    r = eval("--dataset", "imagenet-folder");
    assertEquals(2, r.status(), r.err());
    assertOneLine(r.err(), "needs a folder", "imagenet-folder=DIR");
    r = eval("--dataset", "imagenet-testbed-examples=" + tmp.resolve("nowhere"));
    assertEquals(2, r.status(), r.err());
    assertOneLine(r.err(), "does not exist", "images/");
    // a folder whose files are not named by wnid
    r = eval("--dataset", "imagenet-folder=" + Shared.path("data/datasets/imagenet-testbed-examples/images"));
    assertEquals(2, r.status(), r.err());
    assertOneLine(r.err(), "is not an ImageNet-1k wnid", "remove it");
    // unknown and inapplicable label policies
    r = eval("--dataset", "imagenet-folder=" + samples, "--label-policy", "top-secret");
    assertEquals(2, r.status(), r.err());
    assertOneLine(r.err(), "unknown label policy 'top-secret'", "mask-to-subset");
    r = eval("--dataset", "imagenet-testbed-examples=" + Shared.path("data/datasets/imagenet-testbed-examples/images"),
        "--label-policy", "map-any-of");
    assertEquals(2, r.status(), r.err());
    assertOneLine(r.err(), "map-any-of", "mask-to-subset");
    // a preprocessing that does not fit ImageNet photos
    r = eval("--dataset", "imagenet-testbed-examples=" + Shared.path("data/datasets/imagenet-testbed-examples/images"),
        "--preset", "cifar");
    assertEquals(2, r.status(), r.err());
    assertOneLine(r.err(), "--preset CIFAR does not fit", "--preset imagenet");
  }

  /**
   * stderr holds one {@code robusta eval: ...} line naming the problem, then one hint line, and no stack trace
   * (engine log lines of DJL may come before them).
   */
  static void assertOneLine(String err, String problem, String hint) {
    List<String> lines = err.lines().toList();
    List<Integer> at = java.util.stream.IntStream.range(0, lines.size())
        .filter(i -> lines.get(i).startsWith("robusta eval: ")).boxed().toList();
    assertEquals(1, at.size(), err);
    int i = at.get(0);
    assertTrue(lines.get(i).contains(problem), err);
    assertTrue(i + 1 < lines.size() && lines.get(i + 1).startsWith("  hint: ") && lines.get(i + 1).contains(hint), err);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by")), err);
  }
}
