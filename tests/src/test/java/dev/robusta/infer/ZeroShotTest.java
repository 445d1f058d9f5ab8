package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Datasets;
import dev.robusta.Metrics;
import dev.robusta.Models;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.PilResample;
import dev.robusta.data.Sample;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-shot classifier (CLIP-style, Radford et al. 2021). No CLIP weights are available here, so the
 * real-model checks are <b>plumbing</b> checks: the CIFAR-10 ResNet-20 TorchScript stands in for the image
 * encoder (it outputs {@code [N, 10]}) and the 10x10 identity for the class embeddings, which makes the
 * zero-shot predictions equal the ResNet's argmax. The arithmetic (cosine, logit scale, prompt ensembling)
 * is checked on hand cases with exact values; the text path (tokenizer.json through the Hugging Face
 * tokenizers native library, a TorchScript text tower) on a synthetic tokenizer and the committed
 * bag-of-words tower {@code bow-text-tower.pt} ({@code make_bow_text_tower.py}).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ZeroShotTest {
  private static final List<String> CLASSES = Fixtures.CIFAR_CLASSES;

  @TempDir Path tmp;

  // ---------------------------------------------------------------- preprocessing

  @Test
  void clipPresetIsClipsPreprocessing() {
    Preset p = Preset.named("clip");
    assertEquals(Preset.CLIP, p);
    assertArrayEquals(new float[] {0.48145466f, 0.4578275f, 0.40821073f}, p.mean());
    assertArrayEquals(new float[] {0.26862954f, 0.26130258f, 0.27577711f}, p.std());
    assertEquals(224, p.resizeShorter());
    assertEquals(224, p.crop());
    assertEquals(PilResample.Filter.BICUBIC, p.resizeFilter());
    assertTrue(p.key().contains("(pil-bicubic,floor)"), p.key());
    assertTrue(Preset.IMAGENET.key().contains("(pil-bilinear,round)"), "ImageNet cache keys unchanged");
    Image g = p.geometry(pattern(23, 37));
    assertEquals(224, g.height());
    assertEquals(224, g.width());
    // a 1x1 mid-grey picture: every value is (128/255 - mean) / std
    float[] x = p.apply(Image.wrap(1, 1, 3, new byte[] {(byte) 128, (byte) 128, (byte) 128}));
    assertEquals(3 * 224 * 224, x.length);
    assertEquals((128 / 255f - 0.48145466f) / 0.26862954f, x[0], 0f);
    assertEquals((128 / 255f - 0.40821073f) / 0.27577711f, x[2 * 224 * 224], 0f);
  }

  /**
   * CLIP's {@code _transform} in torchvision 0.14 ({@code Resize(224, BICUBIC)}, {@code CenterCrop(224)},
   * {@code ToTensor}, {@code Normalize(CLIP mean, std)}) on a 37 wide x 50 high pattern: the longer side
   * becomes {@code int(224 * 50 / 37) = 302} (truncated, not rounded to 303), then the crop; SHA-256 of
   * the cropped 8-bit picture and three normalised values from that run.
   */
  @Test
  void clipPresetMatchesTorchvisionOnAPortraitImage() {
    Image g = Preset.CLIP.geometry(pattern(50, 37));
    assertEquals("522d45ceb379bfbb8af549ac8032c26c6f43a1e1f37ed0bc0aa21a99ddd5a749",
        Checksums.sha256(g.pixels(), 0, g.pixels().length));
    float[] x = Preset.CLIP.apply(pattern(50, 37));
    int hw = 224 * 224;
    assertEquals(0.09093456715345383, x[100 * 224 + 50], 1e-6);
    assertEquals(-0.641235888004303, x[2 * hw], 1e-6);
    assertEquals(-0.13125814497470856, x[hw + 223 * 224 + 223], 1e-6);
  }

  /** Pillow 9.4 {@code Image.resize((w, h), Image.BICUBIC)} of the same pattern, SHA-256 of the bytes. */
  @Test
  void bicubicResizeMatchesPillow() {
    Image in = pattern(23, 37);
    assertResize(in, 224, 140, "37ff55354c8ffb9273751272e9ef7b615e91ce3921ac5b3d961f4f7c4a311de1");
    assertResize(in, 16, 9, "1def3a0c910e7db081c8bf8c3a25e4b4157803232d15a449dfa3b3980318b6f7");
    assertResize(in, 37, 50, "0040ba3e70abae0d090fff416f96e68f10c0cd55bd5f70e3a3bd00a13a1e23b6");
    Image up = PilResample.resize(in, 224, 140, PilResample.Filter.BICUBIC);
    assertEquals(162, up.get(70, 74, 0));
    assertEquals(138, up.get(70, 74, 1));
    assertEquals(155, up.get(70, 74, 2));
  }

  private static void assertResize(Image in, int w, int h, String sha) {
    Image out = PilResample.resize(in, w, h, PilResample.Filter.BICUBIC);
    assertEquals(sha, Checksums.sha256(out.pixels(), 0, out.pixels().length), w + "x" + h);
  }

  /** {@code a[y, x, c] = (3x^2 + 5y + 17c + 7xy) mod 256}, as in the Python that made the hashes. */
  private static Image pattern(int h, int w) {
    byte[] px = new byte[h * w * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          px[(y * w + x) * 3 + c] = (byte) ((x * x * 3 + y * 5 + c * 17 + x * y * 7) % 256);
        }
      }
    }
    return Image.wrap(h, w, 3, px);
  }

  // ---------------------------------------------------------------- arithmetic

  @Test
  void logitsAreLogitScaleTimesCosineOnAHandCase() {
    // class rows (3, 4) and (1, 0) become (0.6, 0.8) and (1, 0)
    ClassEmbeddings classes = ClassEmbeddings.of(List.of("a", "b"), new float[][] {{3, 4}, {1, 0}}, "hand");
    assertArrayEquals(new float[] {0.6f, 0.8f}, classes.vectors()[0], 1e-7f);
    float[][] emb = {{6, 8}, {0, -2}, {-5, 0}};
    float[][] l = ZeroShotClassifier.cosineLogits(emb, classes, ZeroShotClassifier.DEFAULT_LOGIT_SCALE, "hand");
    assertArrayEquals(new float[] {100f, 60f}, l[0], 1e-4f);   // cos 1, cos 0.6
    assertArrayEquals(new float[] {-80f, 0f}, l[1], 1e-4f);    // cos -0.8, cos 0
    assertArrayEquals(new float[] {-60f, -100f}, l[2], 1e-4f); // cos -0.6, cos -1
    float[][] l25 = ZeroShotClassifier.cosineLogits(emb, classes, 2.5, "hand");
    assertArrayEquals(new float[] {2.5f, 1.5f}, l25[0], 1e-6f);
    assertArrayEquals(new float[] {-2f, 0f}, l25[1], 1e-6f);
    assertEquals(100.0, ZeroShotClassifier.DEFAULT_LOGIT_SCALE);
    InferenceException zero = assertThrows(InferenceException.class,
        () -> ZeroShotClassifier.cosineLogits(new float[][] {{0, 0}}, classes, 100, "hand"));
    assertTrue(zero.getMessage().contains("norm 0.0"), zero.getMessage());
  }

  @Test
  void promptEnsemblingAveragesNormalisedEmbeddingsThenNormalises() {
    List<String> seen = new ArrayList<>();
    TextEncoder enc = new TextEncoder() {
      @Override
      public float[][] encode(List<String> texts) {
        seen.addAll(texts);
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
          String t = texts.get(i);
          boolean cat = t.contains("cat");
          out[i] = t.startsWith("a photo") ? (cat ? new float[] {2, 0, 0} : new float[] {0, 0, 3})
              : (cat ? new float[] {0, 5, 0} : new float[] {0, 0, 0.5f});
        }
        return out;
      }

      @Override
      public String describe() { return "hand encoder"; }
    };
    ClassEmbeddings e = ClassEmbeddings.fromPrompts(enc, List.of("cat", "dog"),
        List.of("a photo of a {}.", "a drawing of a {}."));
    assertEquals(List.of("a photo of a cat.", "a drawing of a cat.", "a photo of a dog.", "a drawing of a dog."), seen);
    float r = (float) Math.sqrt(0.5);
    // cat: normalise (2,0,0) and (0,5,0), average (0.5,0.5,0), normalise: (r, r, 0); averaging the raw
    // vectors first would give (0.37, 0.93, 0)
    assertArrayEquals(new float[] {r, r, 0}, e.vectors()[0], 1e-7f);
    assertArrayEquals(new float[] {0, 0, 1}, e.vectors()[1], 0f);
    assertEquals(2, e.size());
    assertEquals(3, e.dimension());
    assertTrue(e.source().contains("hand encoder") && e.source().contains("2 template(s)"), e.source());
    assertTrue(e.toString().contains("2 classes x 3 dims"), e.toString());
    // a single template gives each prompt's normalised embedding
    ClassEmbeddings single = ClassEmbeddings.fromPrompts(enc, List.of("cat"), PromptTemplates.SINGLE);
    assertArrayEquals(new float[] {1, 0, 0}, single.vectors()[0], 0f);
    assertEquals("a photo of a sea lion.", PromptTemplates.fill("a photo of a {}.", "sea lion"));
    assertThrows(IllegalArgumentException.class, () -> PromptTemplates.fill("a photo", "cat"));
    assertThrows(IllegalArgumentException.class, () -> PromptTemplates.fill("{} and {}", "cat"));
    assertThrows(IllegalArgumentException.class, () -> ClassEmbeddings.fromPrompts(enc, List.of("cat"), List.of()));
    // same values give the same checksum, other names another
    assertEquals(e.sha256(), ClassEmbeddings.of(List.of("cat", "dog"), e.vectors(), "x").sha256());
    assertNotEquals(e.sha256(), ClassEmbeddings.of(List.of("cat", "wolf"), e.vectors(), "x").sha256());
  }

  // ---------------------------------------------------------------- the ResNet as image encoder

  @Test
  void resnetAsImageEncoderWithIdentityEmbeddingsReproducesTheResNet() {
    Dataset all = Datasets.load("cifar10", Shared.path("data/datasets/cifar10-test-jpeg"));
    Dataset ds = everyTenth(all);
    Path resnet = Fixtures.resnet(20, "pt");
    Predictions plain;
    try (Classifier c = Models.loader(resnet, Preset.CIFAR).threads(2).load()) {
      plain = Pipeline.builder(c).batchSize(250).workers(1).progress(false).build().run(ds);
    }
    LogitsCache cache = LogitsCache.at(tmp.resolve("cache"));
    double ece100;
    try (ZeroShotClassifier zs = Models.zeroShot(Models.loader(resnet, Preset.CIFAR).threads(2),
        ClassEmbeddings.oneHot(CLASSES))) {
      assertTrue(zs.toString().contains("100 * cos(image, class)"), zs.toString());
      assertEquals(CLASSES, zs.classNames());
      Predictions p = Pipeline.builder(zs).batchSize(250).workers(1).progress(false).cache(cache).build().run(ds);
      assertEquals(Predictions.Source.COMPUTED, p.source());
      assertEquals(1000, p.size());
      assertArrayEquals(plain.predicted(), p.predicted(), "zero-shot argmax = ResNet argmax, every image");
      assertEquals(plain.top1(), p.top1(), 0.0);
      // the metrics take it like any model: cosine scaling is monotone per image, so top-5 sets agree too
      assertEquals(Metrics.accuracy(plain, dev.robusta.metrics.LabelSpace.full()).top5(),
          Metrics.accuracy(p, dev.robusta.metrics.LabelSpace.full()).top5(), 0.0);
      ece100 = Metrics.ece(p).value();
      System.out.printf(Locale.ROOT, "plumbing check (ResNet-20 as image encoder, identity class embeddings, not"
          + " CLIP): top-1 on every 10th CIFAR-10 test JPEG %.4f, ResNet-20 itself %.4f%n", p.top1(), plain.top1());
      double maxDiff = 0;
      for (int i = 0; i < p.size(); i++) {
        float[] r = plain.logits()[i];
        double n = 0;
        for (float v : r) {
          n += (double) v * v;
        }
        for (int k = 0; k < 10; k++) {
          maxDiff = Math.max(maxDiff, Math.abs(p.logits()[i][k] - 100 * r[k] / Math.sqrt(n)));
          assertTrue(Math.abs(p.logits()[i][k]) <= 100.0001, "|logit| <= logit scale");
        }
      }
      assertTrue(maxDiff < 1e-3, "zero-shot logits = 100 * resnet / ||resnet||, max diff " + maxDiff);
      // the logits cache works on it: a second run reads the entry, the model does not run
      long calls = zs.calls();
      Predictions again = Pipeline.builder(zs).batchSize(250).workers(1).progress(false).cache(cache).build().run(ds);
      assertEquals(Predictions.Source.CACHE, again.source());
      assertEquals(calls, zs.calls());
      assertArrayEquals(p.predicted(), again.predicted());
      // its identity (hence cache key) differs from the encoder's and depends on the logit scale
      assertNotEquals(zs.encoderInfo().sha256(), zs.info().sha256());
      assertTrue(zs.info().name().endsWith("-zeroshot"), zs.info().name());
    }
    try (ZeroShotClassifier half = ZeroShotClassifier.builder(ClassEmbeddings.oneHot(CLASSES))
        .imageEncoder(Models.loader(resnet, Preset.CIFAR)).logitScale(50).load()) {
      assertEquals(50.0, half.logitScale());
      Predictions p50 = Pipeline.builder(half).batchSize(250).workers(1).progress(false).cache(cache).build().run(ds);
      assertEquals(Predictions.Source.COMPUTED, p50.source(), "another logit scale is another cache entry");
      assertArrayEquals(plain.predicted(), p50.predicted());
      // the logit scale changes confidence, hence calibration, not the predictions
      assertNotEquals(ece100, Metrics.ece(p50).value());
    }
  }

  /** Full-scale plumbing check: all 10,000 CIFAR-10 test JPEGs give the ResNet's reference top-1 (0.8103). */
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void resnetPlumbingOnAllTenThousandMatchesTheReferenceTop1() {
    double ref = Fixtures.reference().get("cifar10_resnet").get("models").get("resnet20").get("jpeg_test10000")
        .get("top1_torchscript").asDouble();
    Dataset all = Datasets.load("cifar10", Shared.path("data/datasets/cifar10-test-jpeg"));
    try (ZeroShotClassifier zs = Models.zeroShot(Models.loader(Fixtures.resnet(20, "pt"), Preset.CIFAR).threads(2),
        ClassEmbeddings.oneHot(CLASSES))) {
      Predictions p = Pipeline.builder(zs).batchSize(500).workers(1).progress(false).build().run(all);
      System.out.printf(Locale.ROOT, "plumbing check on 10,000 CIFAR-10 JPEGs: zero-shot top-1 %.4f, ResNet-20"
          + " reference %.4f%n", p.top1(), ref);
      assertEquals(10_000, p.size());
      assertEquals(ref, p.top1(), 0.001);
    }
  }

  // ---------------------------------------------------------------- text path

  @Test
  void clipFolderWithTokenizerAndTextTowerBuildsClassEmbeddingsFromPrompts() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("clip"));
    Files.copy(Fixtures.resnet(20, "pt"), dir.resolve(ClipFiles.IMAGE_ENCODER));
    Files.copy(TinyModels.file("bow-text-tower.pt"), dir.resolve(ClipFiles.TEXT_ENCODER));
    writeTokenizer(dir.resolve(ClipFiles.TOKENIZER));
    ClipFiles files = new ClipFiles(dir);
    assertTrue(files.complete());
    assertTrue(files.missing().isEmpty());

    try (ClipTokenizer tok = ClipTokenizer.load(dir)) {
      long[][] ids = tok.tokenize(List.of("a photo of a Cat.", "a close-up photo of the truck."));
      assertEquals(ClipTokenizer.CONTEXT_LENGTH, ids[0].length);
      long[] want = new long[77];
      long[] head = {1, 3, 4, 5, 3, 13, 7, 2};
      System.arraycopy(head, 0, want, 0, head.length);
      assertArrayEquals(want, ids[0], "start, lower-cased words, end, zero padding");
      assertEquals(19, ids[1][8]);
    }
    long[] longIds = new long[100];
    for (int i = 0; i < 100; i++) {
      longIds[i] = i + 1;
    }
    long[] cut = ClipTokenizer.fit(longIds, 77);
    assertEquals(77, cut.length);
    assertEquals(76, cut[75]);
    assertEquals(100, cut[76], "clip.tokenize(truncate=True) keeps the end token last");

    try (ZeroShotClassifier zs = Models.clip(dir, CLASSES);
        Classifier same = Models.load(dir.resolve(ClipFiles.IMAGE_ENCODER), Preset.CLIP)) {
      float[][] v = zs.classes().vectors();
      for (int c = 0; c < 10; c++) {
        float[] e = new float[10];
        e[c] = 1;
        assertArrayEquals(e, v[c], 0f, "class " + CLASSES.get(c) + ": one-hot from 5 ensembled prompts");
      }
      assertTrue(zs.classes().source().contains("5 template(s)"), zs.classes().source());
      assertEquals(Preset.CLIP, zs.preset());
      List<Image> imgs = List.of(Fixtures.decode(first("airplane")), Fixtures.decode(first("ship")));
      float[][] r = same.logits(imgs);
      float[][] z = zs.logits(imgs);
      for (int i = 0; i < 2; i++) {
        double n = 0;
        for (float x : r[i]) {
          n += (double) x * x;
        }
        for (int k = 0; k < 10; k++) {
          assertEquals(100 * r[i][k] / Math.sqrt(n), z[i][k], 1e-3);
        }
      }
    }
  }

  /** The facade one-liners and their long forms give the same classifier (identity) and the same logits. */
  @Test
  void facadeAndLongFormsAgree() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("clip2"));
    Files.copy(Fixtures.resnet(20, "pt"), dir.resolve(ClipFiles.IMAGE_ENCODER));
    Files.copy(TinyModels.file("bow-text-tower.pt"), dir.resolve(ClipFiles.TEXT_ENCODER));
    writeTokenizer(dir.resolve(ClipFiles.TOKENIZER));
    List<Image> imgs = List.of(Fixtures.decode(first("cat")));
    try (ZeroShotClassifier a = Models.clip(dir, CLASSES);
        ZeroShotClassifier b = ZeroShotClassifier.clip(new ClipFiles(dir), CLASSES, PromptTemplates.ENSEMBLE)) {
      assertEquals(a.info(), b.info());
      assertArrayEquals(a.logits(imgs)[0], b.logits(imgs)[0], 0f);
    }
    ClassEmbeddings eye = ClassEmbeddings.oneHot(CLASSES);
    try (ZeroShotClassifier a = Models.zeroShot(dir.resolve(ClipFiles.IMAGE_ENCODER), eye);
        ZeroShotClassifier b = ZeroShotClassifier.builder(eye).imageEncoder(dir.resolve(ClipFiles.IMAGE_ENCODER)).load()) {
      assertEquals(a.info(), b.info());
      assertEquals(Preset.CLIP, a.preset());
      assertArrayEquals(a.logits(imgs)[0], b.logits(imgs)[0], 0f);
    }
  }

  @Test
  void preTokenizedIdsAndPrecomputedEmbeddingsFromNpy() throws IOException {
    // [C*T, 77] int64 ids, T = 2 prompts per class, class word id 10 + c at position 2
    int t = 2;
    long[][] ids = new long[10 * t][77];
    for (int c = 0; c < 10; c++) {
      for (int k = 0; k < t; k++) {
        ids[c * t + k][0] = 1;
        ids[c * t + k][1] = 3 + k;
        ids[c * t + k][2] = 10 + c;
        ids[c * t + k][3] = 2;
      }
    }
    Path idsFile = tmp.resolve("ids.npy");
    Files.write(idsFile, int64Npy(ids));
    try (ClipTextEncoder text = ClipTextEncoder.load(TinyModels.file("bow-text-tower.pt"), null)) {
      float[][] raw = text.encodeIds(new long[][] {ids[6]});
      assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, raw[0], 0f);
      ClassEmbeddings e = ClassEmbeddings.fromTokenIds(text, idsFile, CLASSES);
      assertEquals(10, e.size());
      assertEquals(1f, e.vectors()[7][7], 0f);
      assertTrue(e.source().contains("2 prompt(s) per class"), e.source());
      IllegalStateException noTok = assertThrows(IllegalStateException.class, () -> text.encode(List.of("a cat")));
      assertTrue(noTok.getMessage().contains("encodeIds"), noTok.getMessage());
      assertThrows(IllegalArgumentException.class, () -> ClassEmbeddings.fromTokenIds(text, idsFile, List.of("a", "b", "c")));
    }
    // the same tower exported to ONNX runs on ONNX Runtime (int64 input) and gives the same embeddings
    try (ClipTextEncoder onnx = ClipTextEncoder.load(TinyModels.file("bow-text-tower.onnx"), null)) {
      ClassEmbeddings e = ClassEmbeddings.fromTokenIds(onnx, idsFile, CLASSES);
      assertArrayEquals(ClassEmbeddings.oneHot(CLASSES).vectors()[4], e.vectors()[4], 0f);
      assertTrue(onnx.describe().contains("bow-text-tower.onnx"), onnx.describe());
    }
    float[][] w = {{3, 4}, {0, 2}, {1, 1}};
    Path wFile = tmp.resolve("class_embeddings.npy");
    Files.write(wFile, Npy.encode(w, 2));
    ClassEmbeddings pre = ClassEmbeddings.fromNpy(wFile, List.of("x", "y", "z"));
    assertArrayEquals(new float[] {0.6f, 0.8f}, pre.vectors()[0], 1e-7f);
    assertArrayEquals(new float[] {0f, 1f}, pre.vectors()[1], 0f);
    assertTrue(pre.source().startsWith("precomputed class_embeddings.npy"), pre.source());
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> ClassEmbeddings.fromNpy(wFile, List.of("x", "y")));
    assertTrue(count.getMessage().contains("2 class names, 3 embedding rows"), count.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClassEmbeddings.fromNpy(idsFile, CLASSES.subList(0, 20 / 2)));
  }

  // ---------------------------------------------------------------- errors

  @Test
  void missingWeightsNameEveryFileAndWhereToGetIt() throws IOException {
    Path dir = tmp.resolve("no-clip-here");
    MissingWeightsException e = assertThrows(MissingWeightsException.class, () -> Models.clip(dir, CLASSES));
    assertEquals(List.of(dir.resolve("image_encoder.pt"), dir.resolve("text_encoder.pt"), dir.resolve("tokenizer.json")),
        e.missing());
    for (String s : List.of("image_encoder.pt", "text_encoder.pt", "tokenizer.json", "ViT-B/32",
        "openai/clip-vit-base-patch32", "TorchScript", "torch.jit.trace", "class_embeddings.npy")) {
      assertTrue(e.getMessage().contains(s), "message names " + s + ": " + e.getMessage());
    }
    // with precomputed class embeddings only the image tower is needed
    Files.createDirectories(dir);
    Files.write(dir.resolve(ClipFiles.CLASS_EMBEDDINGS), Npy.encode(new float[][] {{1, 0}, {0, 1}}, 2));
    MissingWeightsException img = assertThrows(MissingWeightsException.class,
        () -> Models.clip(dir, List.of("a", "b")));
    assertEquals(List.of(dir.resolve("image_encoder.pt")), img.missing());
    MissingWeightsException enc = assertThrows(MissingWeightsException.class,
        () -> Models.zeroShot(dir.resolve("image_encoder.pt"), ClassEmbeddings.oneHot(List.of("a", "b"))));
    assertTrue(enc.getMessage().contains("image_encoder.pt"), enc.getMessage());
    MissingWeightsException npy = assertThrows(MissingWeightsException.class,
        () -> ClassEmbeddings.fromNpy(tmp.resolve("absent.npy"), CLASSES));
    assertTrue(npy.getMessage().contains("absent.npy") && npy.getMessage().contains("[C, D] float32"), npy.getMessage());
    MissingWeightsException tok = assertThrows(MissingWeightsException.class, () -> ClipTokenizer.load(dir));
    assertTrue(tok.getMessage().contains("openai/clip-vit-base-patch32"), tok.getMessage());
    MissingWeightsException text = assertThrows(MissingWeightsException.class,
        () -> ClipTextEncoder.load(dir.resolve("text_encoder.pt"), null));
    assertEquals(List.of(dir.resolve("text_encoder.pt")), text.missing());
  }

  @Test
  void wrongEmbeddingDimensionNamesBothSizes() {
    float[][] five = new float[10][5];
    for (int c = 0; c < 10; c++) {
      five[c][c % 5] = 1;
      five[c][(c + 1) % 5] = c;
    }
    ClassEmbeddings classes = ClassEmbeddings.of(CLASSES, five, "5-dim test rows");
    EmbeddingDimensionException e = assertThrows(EmbeddingDimensionException.class,
        () -> Models.zeroShot(Models.loader(Fixtures.resnet(20, "pt"), Preset.CIFAR), classes));
    assertEquals(5, e.expected());
    assertEquals(10, e.actual());
    assertTrue(e.getMessage().contains("10-dim") && e.getMessage().contains("5-dim"), e.getMessage());
    EmbeddingDimensionException head = assertThrows(EmbeddingDimensionException.class,
        () -> ZeroShotClassifier.cosineLogits(new float[][] {{1, 2, 3}}, classes, 100, "enc"));
    assertEquals(5, head.expected());
    assertEquals(3, head.actual());
    EmbeddingDimensionException ragged = assertThrows(EmbeddingDimensionException.class,
        () -> ClassEmbeddings.of(List.of("a", "b"), new float[][] {{1, 0}, {1, 0, 0}}, "ragged"));
    assertEquals(2, ragged.expected());
    assertEquals(3, ragged.actual());
    assertThrows(IllegalArgumentException.class,
        () -> ClassEmbeddings.of(List.of("a", "b"), new float[][] {{1, 0}, {0, 0}}, "zero row"));
    assertThrows(IllegalArgumentException.class,
        () -> ZeroShotClassifier.builder(classes).logitScale(0));
    assertThrows(IllegalStateException.class, () -> ZeroShotClassifier.builder(classes).load());
  }

  // ---------------------------------------------------------------- helpers

  private static Dataset everyTenth(Dataset all) {
    return new Dataset() {
      @Override
      public String id() { return all.id() + "/every-10th"; }

      @Override
      public int size() { return all.size() / 10; }

      @Override
      public Sample get(int i) { return all.get(i * 10); }
    };
  }

  private static Path first(String cls) {
    return Shared.path("data/datasets/cifar10-test-jpeg/test/" + cls + "/0000.jpg");
  }

  /** A WordLevel tokenizer.json: CIFAR-10 class names are ids 10..19, template words other ids. */
  private static void writeTokenizer(Path f) throws IOException {
    StringBuilder vocab = new StringBuilder("\"[UNK]\":0,\"<|startoftext|>\":1,\"<|endoftext|>\":2,\"a\":3,"
        + "\"photo\":4,\"of\":5,\"the\":6,\".\":7,\"blurry\":8,\"low\":9,\"resolution\":20,\"drawing\":21,"
        + "\"close\":22,\"-\":23,\"up\":24");
    for (int c = 0; c < 10; c++) {
      vocab.append(",\"").append(CLASSES.get(c)).append("\":").append(10 + c);
    }
    String special = "{\"id\":%d,\"content\":\"%s\",\"single_word\":false,\"lstrip\":false,\"rstrip\":false,"
        + "\"normalized\":false,\"special\":true}";
    String json = "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":["
        + String.format(special, 1, "<|startoftext|>") + "," + String.format(special, 2, "<|endoftext|>") + "],"
        + "\"normalizer\":{\"type\":\"Lowercase\"},\"pre_tokenizer\":{\"type\":\"Whitespace\"},"
        + "\"post_processor\":{\"type\":\"TemplateProcessing\","
        + "\"single\":[{\"SpecialToken\":{\"id\":\"<|startoftext|>\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\","
        + "\"type_id\":0}},{\"SpecialToken\":{\"id\":\"<|endoftext|>\",\"type_id\":0}}],"
        + "\"pair\":[{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},{\"Sequence\":{\"id\":\"B\",\"type_id\":1}}],"
        + "\"special_tokens\":{\"<|startoftext|>\":{\"id\":\"<|startoftext|>\",\"ids\":[1],\"tokens\":[\"<|startoftext|>\"]},"
        + "\"<|endoftext|>\":{\"id\":\"<|endoftext|>\",\"ids\":[2],\"tokens\":[\"<|endoftext|>\"]}}},"
        + "\"decoder\":null,\"model\":{\"type\":\"WordLevel\",\"vocab\":{" + vocab + "},\"unk_token\":\"[UNK]\"}}";
    Files.writeString(f, json, StandardCharsets.UTF_8);
  }

  private static byte[] int64Npy(long[][] ids) {
    String dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + ids.length + ", " + ids[0].length + "), }";
    int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + ids.length * ids[0].length * 8)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.US_ASCII));
    for (long[] r : ids) {
      for (long v : r) {
        b.putLong(v);
      }
    }
    return b.array();
  }
}
