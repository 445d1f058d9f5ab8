package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.robusta.Models;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The four CIFAR-10 ResNets, TorchScript and ONNX, on the 100 lossless test images: top-1, every
 * prediction and the logits of test images 0-4 against {@code reference-values.json}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CifarResNetTest {
  private static Dataset images;
  private static List<Image> decoded;

  @BeforeAll
  static void decode() {
    images = Fixtures.cifarLossless();
    decoded = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      decoded.add(images.get(i).image());
    }
  }

  @ParameterizedTest(name = "resnet{0}.{1}")
  @CsvSource({"20,pt", "20,onnx", "32,pt", "32,onnx", "44,pt", "44,onnx", "56,pt", "56,onnx"})
  void losslessFirst100MatchesReference(int depth, String ext) {
    JsonNode ref = Fixtures.reference().get("cifar10_resnet").get("models").get("resnet" + depth)
        .get("lossless_first100");
    try (Classifier c = Models.loader(Fixtures.resnet(depth, ext), Preset.CIFAR).threads(2).load()) {
      float[][] logits = c.logits(decoded);
      assertEquals(100, logits.length);
      assertEquals(10, logits[0].length);
      int correct = 0;
      int[] predicted = new int[100];
      for (int i = 0; i < 100; i++) {
        predicted[i] = Fixtures.argmax(logits[i]);
        correct += predicted[i] == images.get(i).label() ? 1 : 0;
      }
      String key = ext.equals("pt") ? "top1_torchscript" : "top1_onnxruntime";
      assertEquals(ref.get(key).asDouble(), correct / 100.0, 1e-9, "top-1 of resnet" + depth + "." + ext);
      int[] refPred = new int[100];
      for (int i = 0; i < 100; i++) {
        refPred[i] = ref.get("predictions").get(i).asInt();
      }
      assertArrayEquals(refPred, predicted, "predicted classes");
      for (int i = 0; i < 5; i++) {
        assertArrayEquals(Fixtures.floats(ref.get("logits_first5").get(i)), logits[i], 1e-4f,
            "logits of test image " + i);
      }
    }
  }
}
