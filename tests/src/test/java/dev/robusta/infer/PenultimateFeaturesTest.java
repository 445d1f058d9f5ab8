package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Datasets;
import dev.robusta.Models;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;
import dev.robusta.ood.Knn;
import dev.robusta.ood.Mahalanobis;
import dev.robusta.ood.Vim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code penultimateFeatures()} on the real CIFAR-10 ResNet ONNX exports: the tensor feeding the final
 * Gemm comes back as {@code [N, 64]}, the logits are unchanged, the final layer read from the graph
 * initializers maps the features to the logits, and Mahalanobis, ViM and KNN run on them.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PenultimateFeaturesTest {

  private static List<Image> first(int n) {
    Dataset ds = Fixtures.cifarLossless();
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < n; i++) images.add(ds.get(i).image());
    return images;
  }

  @ParameterizedTest(name = "resnet{0}")
  @ValueSource(ints = {20, 56})
  void featuresFeedTheFinalLinearLayer(int depth) {
    Path onnx = Fixtures.resnet(depth, "onnx");
    List<Image> images = first(16);
    float[][] plain;
    try (Classifier c = Models.loader(onnx, Preset.CIFAR).threads(2).load()) {
      plain = c.logits(images);
    }
    LinearLayer fc = LinearLayer.ofOnnx(onnx);
    assertEquals(10, fc.classes());
    assertEquals(64, fc.features());
    try (Classifier c = Models.loader(onnx, Preset.CIFAR).threads(2).penultimateFeatures().load()) {
      assertEquals(fc.featuresName(), c.info().featuresOutput());
      assertTrue(c.info().cacheKey().contains("features=" + fc.featuresName()), c.info().cacheKey());
      Outputs o = c.outputs(images);
      assertEquals(16, o.features().length);
      assertEquals(64, o.features()[0].length);
      float[][] fromFeatures = fc.apply(o.features());
      for (int i = 0; i < 16; i++) {
        assertArrayEquals(plain[i], o.logits()[i], 0f, "logits of image " + i + " unchanged by the extra output");
        assertArrayEquals(o.logits()[i], fromFeatures[i], 1e-4f, "W f + b of image " + i);
        for (float f : o.features()[i]) assertTrue(f >= 0, "pooled ReLU features are non-negative: " + f);
      }
    }
  }

  @Test
  void tinyCnnPenultimateIsThePyTorchFeatureTensor() {
    // make_tiny.py returns (fc(f), f): the tensor feeding the final Gemm is f, whose values PyTorch computed
    try (Classifier c = Models.loader(TinyModels.file("tiny-cnn.onnx"), TinyModels.HALF).penultimateFeatures().load()) {
      Outputs o = c.forward(TinyModels.linspaceInput(), 2, 8, 8);
      for (int i = 0; i < 2; i++) {
        assertArrayEquals(TinyModels.PY_FEATURES[i], o.features()[i], 1e-5f, "features row " + i);
        assertArrayEquals(TinyModels.PY_LOGITS[i], o.logits()[i], 1e-5f, "logits row " + i);
      }
    }
    LinearLayer fc = LinearLayer.ofOnnx(TinyModels.file("tiny-cnn.onnx"));
    assertEquals(4, fc.classes());
    assertEquals(8, fc.features());
    float[][] logits = fc.apply(TinyModels.PY_FEATURES);
    for (int i = 0; i < 2; i++) assertArrayEquals(TinyModels.PY_LOGITS[i], logits[i], 1e-5f, "W f + b, row " + i);
  }

  @Test
  void graphEditKeepsEveryByteAndAppendsOneOutput() throws Exception {
    byte[] model = Files.readAllBytes(Fixtures.resnet(20, "onnx"));
    OnnxGraph g = OnnxGraph.parse(model);
    assertEquals(1, g.outputs().size());
    OnnxGraph.FinalLinear fl = g.finalLinear();
    assertEquals("Gemm", fl.opType());
    assertTrue(fl.transposedWeight(), "PyTorch exports nn.Linear as Gemm(transB=1)");
    OnnxGraph edited = OnnxGraph.parse(g.withExtraOutput(fl.features()));
    assertEquals(List.of(g.outputs().get(0), fl.features()), edited.outputs());
    assertEquals(g.nodes().size(), edited.nodes().size());
    assertArrayEquals(g.floats(fl.weight()), edited.floats(fl.weight()));
    assertThrows(IllegalArgumentException.class, () -> OnnxGraph.parse(new byte[] {0x3a, 0x7f, 0x01}));
  }

  @Test
  void torchScriptIsRefusedWithTheWayOut() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Models.loader(Fixtures.resnet(20, "pt"), Preset.CIFAR).penultimateFeatures().load());
    assertTrue(e.getMessage().contains("featuresOutput(\"1\")") && e.getMessage().contains(".onnx"), e.getMessage());
  }

  @Test
  void mahalanobisVimAndKnnRunOnTheFeatures() {
    Path onnx = Fixtures.resnet(20, "onnx");
    Dataset ds = Fixtures.cifarLossless();
    List<Image> fit = new ArrayList<>();
    List<Image> test = new ArrayList<>();
    int[] labels = new int[60];
    for (int i = 0; i < 100; i++) {
      if (i < 60) {
        fit.add(ds.get(i).image());
        labels[i] = ds.get(i).label();
      } else {
        test.add(ds.get(i).image());
      }
    }
    Dataset noise = Datasets.uniform(40, 1);
    List<Image> ood = new ArrayList<>();
    for (int i = 0; i < 40; i++) ood.add(noise.get(i).image());
    double[][] fitF;
    double[][] idF;
    double[][] oodF;
    try (Classifier c = Models.loader(onnx, Preset.CIFAR).threads(2).penultimateFeatures().load()) {
      fitF = Softmax.toDouble(c.outputs(fit).features());
      idF = Softmax.toDouble(c.outputs(test).features());
      oodF = Softmax.toDouble(c.outputs(ood).features());
    }
    LinearLayer fc = LinearLayer.ofOnnx(onnx);
    List<Scores[]> pairs = List.of(
        new Scores[] {Mahalanobis.fit(fitF, labels).score(idF), Mahalanobis.fit(fitF, labels).score(oodF)},
        new Scores[] {Vim.fit(fc.weightAsDouble(), fc.biasAsDouble(), fitF, 10).score(idF),
            Vim.fit(fc.weightAsDouble(), fc.biasAsDouble(), fitF, 10).score(oodF)},
        new Scores[] {Knn.fit(fitF, 5).score(idF), Knn.fit(fitF, 5).score(oodF)});
    for (Scores[] p : pairs) {
      assertNotNull(p[0].orientation());
      assertEquals(40, p[0].values().length);
      assertEquals(40, p[1].values().length);
      for (double v : p[0].values()) assertTrue(Double.isFinite(v), p[0].name() + " gave " + v);
      for (double v : p[1].values()) assertTrue(Double.isFinite(v), p[1].name() + " gave " + v);
      double auroc = dev.robusta.Metrics.auroc(p[0], p[1]);
      assertTrue(auroc > 0.5, p[0].name() + " should separate CIFAR-10 from uniform noise better than chance: " + auroc);
    }
  }
}
