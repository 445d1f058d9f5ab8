package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Models;
import dev.robusta.data.Dataset;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Features outputs, fixed-batch chunking and loader errors, on the committed tiny TorchScript/ONNX
 * fixtures whose outputs were computed by PyTorch 1.13.1.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FeaturesAndBatchingTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} features={1}")
  @CsvSource({"tiny-cnn.pt,1", "tiny-cnn.onnx,features"})
  void logitsAndFeaturesMatchPyTorch(String file, String features) {
    try (Classifier c = Models.loader(TinyModels.file(file), TinyModels.HALF).featuresOutput(features).load()) {
      Outputs o = c.forward(TinyModels.linspaceInput(), 2, 8, 8);
      for (int i = 0; i < 2; i++) {
        assertArrayEquals(TinyModels.PY_LOGITS[i], o.logits()[i], 1e-5f, "logits row " + i);
        assertArrayEquals(TinyModels.PY_FEATURES[i], o.features()[i], 1e-5f, "features row " + i);
      }
    }
  }

  @Test
  void withoutFeaturesOutputOnlyLogitsComeBack() {
    try (Classifier c = Models.load(TinyModels.file("tiny-cnn.onnx"), TinyModels.HALF)) {
      Outputs o = c.forward(TinyModels.linspaceInput(), 2, 8, 8);
      assertNull(o.features());
      assertArrayEquals(TinyModels.PY_LOGITS[1], o.logits()[1], 1e-5f);
      assertEquals(0, c.fixedBatchSize(), "dynamic batch axis");
    }
  }

  @Test
  void unknownOutputNameListsTheOutputs() {
    try (Classifier c = Models.loader(TinyModels.file("tiny-cnn.onnx"), TinyModels.HALF).featuresOutput("penultimate")
        .load()) {
      InferenceException e = assertThrows(InferenceException.class, () -> c.forward(TinyModels.linspaceInput(), 2, 8, 8));
      assertTrue(e.getMessage().contains("logits, features"), e.getMessage());
    }
  }

  @Test
  void fixedBatchModelIsFedInChunksAndPadded() {
    Dataset ds = TinyModels.generated("gen", 7);
    try (Classifier dynamic = Models.load(TinyModels.file("tiny-cnn.pt"), TinyModels.HALF);
        Classifier fixed = Models.loader(TinyModels.file("tiny-cnn.pt"), TinyModels.HALF).fixedBatchSize(3).load()) {
      Predictions a = Pipeline.builder(dynamic).batchSize(7).progress(false).build().run(ds);
      Predictions b = Pipeline.builder(fixed).batchSize(7).progress(false).build().run(ds);
      assertEquals(1, dynamic.calls());
      assertEquals(3, fixed.calls(), "7 images in chunks of 3: 3 + 3 + 1 (padded)");
      for (int i = 0; i < 7; i++) {
        assertArrayEquals(a.logits()[i], b.logits()[i], 1e-6f, "row " + i);
      }
    }
  }

  @Test
  void featuresAreCachedBesideTheLogits() {
    Dataset ds = TinyModels.generated("gen", 50);
    LogitsCache cache = LogitsCache.at(dir);
    try (Classifier c = Models.loader(TinyModels.file("tiny-cnn.onnx"), TinyModels.HALF).featuresOutput("features")
        .load()) {
      Predictions first = Pipeline.builder(c).batchSize(16).progress(false).cache(cache).build().run(ds);
      Predictions again = Pipeline.builder(c).batchSize(16).progress(false).cache(cache).build().run(ds);
      assertEquals(Predictions.Source.CACHE, again.source());
      assertEquals(4, c.calls());
      assertEquals(8, again.features()[0].length);
      for (int i = 0; i < 50; i++) {
        assertArrayEquals(first.features()[i], again.features()[i]);
      }
      assertTrue(again.toString().contains("features [50, 8]"), again.toString());
    }
  }

  @Test
  void badArgumentsSayWhatToDo() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Models.load(dir.resolve("nope.onnx"), Preset.CIFAR));
    assertTrue(missing.getMessage().contains("model file not found"), missing.getMessage());
    IllegalArgumentException ext = assertThrows(IllegalArgumentException.class,
        () -> Backend.forFile(Path.of("model.bin")));
    assertTrue(ext.getMessage().contains(".pt (TorchScript) or .onnx"), ext.getMessage());
    IllegalArgumentException fp16 = assertThrows(IllegalArgumentException.class,
        () -> Models.loader(TinyModels.file("tiny-cnn.pt"), TinyModels.HALF).device(ai.djl.Device.cpu())
            .precision(Precision.FP16).load());
    assertTrue(fp16.getMessage().contains("FP16 inference needs the PyTorch engine on a GPU"), fp16.getMessage());
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
        () -> Preset.CIFAR.apply(TinyModels.generated("gen", 1).get(0).image()));
    assertTrue(size.getMessage().contains("expects 32x32 images, got 8x8"), size.getMessage());
    assertThrows(NullPointerException.class, () -> Pipeline.builder(null));
  }
}
