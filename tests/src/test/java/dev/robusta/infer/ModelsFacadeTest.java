package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Models;
import dev.robusta.data.Dataset;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each facade method gives what its long form gives. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelsFacadeTest {
  @TempDir Path dir;

  @Test
  void loadAndEvaluateEqualTheirLongForms() {
    Dataset ds = TinyModels.generated("gen", 40);
    Path file = TinyModels.file("tiny-cnn.onnx");
    try (Classifier shortForm = Models.load(file, TinyModels.HALF);
        Classifier longForm = ClassifierLoader.file(file, TinyModels.HALF).load()) {
      assertEquals(longForm.info(), shortForm.info());
      Predictions a = Models.evaluate(shortForm, ds);
      Predictions b = Pipeline.builder(longForm).build().run(ds);
      for (int i = 0; i < ds.size(); i++) {
        assertArrayEquals(b.logits()[i], a.logits()[i]);
      }
      LogitsCache cache = LogitsCache.at(dir);
      Predictions c = Models.evaluate(shortForm, ds, cache);
      Predictions d = Pipeline.builder(longForm).cache(cache).build().run(ds);
      assertEquals(Predictions.Source.COMPUTED, c.source());
      assertEquals(Predictions.Source.CACHE, d.source(), "same model file, same cache entry");
      assertArrayEquals(c.logits()[7], d.logits()[7]);
    }
  }

  @Test
  void zooUrlsFailClearlyOffline() {
    IllegalArgumentException noZoo = assertThrows(IllegalArgumentException.class,
        () -> Models.zoo("djl://ai.djl.pytorch/resnet", Backend.PYTORCH, Preset.IMAGENET));
    assertTrue(noZoo.getMessage().contains("pytorch-model-zoo"), noZoo.getMessage());
    InferenceException offline = assertThrows(InferenceException.class,
        () -> Models.zoo("https://example.invalid/resnet18.zip", Backend.PYTORCH, Preset.IMAGENET));
    assertTrue(offline.getMessage().contains("https://example.invalid/resnet18.zip"), offline.getMessage());
    System.out.println("offline zoo load: " + offline.getMessage());
  }
}
