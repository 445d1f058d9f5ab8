package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.robusta.Models;
import dev.robusta.data.Dataset;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two quantized ImageNet ONNX models: the preprocessed tench tensor gives the reference top-5, our
 * IMAGENET preset reproduces that tensor from the JPEG, and the 122 sample photos give the reference
 * top-1/top-5 counts within one image.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ImageNetOnnxTest {
  private static final int SIDE = 224;

  static Path model(String name) {
    return Shared.path("data/models/imagenet/" + name + ".onnx");
  }

  static float[] tenchTensor() throws IOException {
    byte[] raw = Files.readAllBytes(Shared.path("data/models/imagenet/input_n01440764_tench_1x3x224x224.f32"));
    assertEquals(3 * SIDE * SIDE * 4, raw.length);
    float[] x = new float[3 * SIDE * SIDE];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(x);
    return x;
  }

  static int[] topK(float[] v, int k) {
    return IntStream.range(0, v.length).boxed().sorted((a, b) -> Float.compare(v[b], v[a])).limit(k)
        .mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"mobilenetv2-12-int8", "shufflenet-v2-12-qdq"})
  void preprocessedTenchTensorGivesReferenceTop5(String name) throws IOException {
    JsonNode ref = Fixtures.reference().get("imagenet_onnx").get("models").get(name);
    JsonNode tench = ref.get("per_image_first10_sorted_by_filename").get(0);
    assertEquals("n01440764_tench.JPEG", tench.get("file").asText());
    try (Classifier c = Models.load(model(name), Preset.IMAGENET)) {
      float[] logits = c.forward(tenchTensor(), 1, SIDE, SIDE).logits()[0];
      assertEquals(1000, logits.length);
      assertEquals(ref.get("raw_input_argmax").asInt(), Fixtures.argmax(logits));
      int[] top5 = topK(logits, 5);
      int[] refTop5 = new int[5];
      for (int i = 0; i < 5; i++) {
        refTop5[i] = tench.get("top5_indices").get(i).asInt();
      }
      Arrays.sort(top5);
      Arrays.sort(refTop5);
      assertArrayEquals(refTop5, top5, "top-5 set of the tench tensor");
      float[] first10 = Arrays.copyOf(logits, 10);
      System.out.println(name + " tench logits[0..9] " + Arrays.toString(first10));
      assertArrayEquals(Fixtures.floats(ref.get("raw_input_logits_first10")), first10, 0.5f,
          "first ten logits (int8 kernels vary by CPU: one or two quantization steps)");
    }
  }

  @Test
  void imagenetPresetReproducesThePillowTensor() throws IOException {
    float[] ref = tenchTensor();
    var img = Fixtures.decode(Shared.path("data/datasets/imagenet-sample-images/n01440764_tench.JPEG"));
    float[] ours = Preset.IMAGENET.apply(img);
    assertEquals(ref.length, ours.length);
    double maxAbs = 0;
    double sumAbs = 0;
    for (int i = 0; i < ref.length; i++) {
      double d = Math.abs(ref[i] - ours[i]);
      maxAbs = Math.max(maxAbs, d);
      sumAbs += d;
    }
    double meanAbs = sumAbs / ref.length;
    System.out.printf("IMAGENET preset vs Pillow tensor: max |diff| %.5f, mean |diff| %.6f%n", maxAbs, meanAbs);
    // one grey level is 1/255/std = 0.0174 (0.0171..0.0175); decoders differ by about one level
    assertTrue(maxAbs < 3 * 0.0175 + 1e-6, "max |diff| " + maxAbs);
    assertTrue(meanAbs < 0.0175, "mean |diff| " + meanAbs);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mobilenetv2-12-int8", "shufflenet-v2-12-qdq"})
  void samplePhotosTop1AndTop5WithinOneImage(String name) {
    JsonNode ref = Fixtures.reference().get("imagenet_onnx").get("models").get(name)
        .get("imagenet_sample_images_shipped");
    Dataset ds = Fixtures.imagenetSamples();
    assertEquals(ref.get("n_images").asInt(), ds.size());
    try (Classifier c = Models.loader(model(name), Preset.IMAGENET).threads(2).load()) {
      int top1 = 0;
      int top5 = 0;
      for (int start = 0; start < ds.size(); start += 16) {
        var batch = IntStream.range(start, Math.min(ds.size(), start + 16)).mapToObj(ds::get).toList();
        float[][] logits = c.logits(batch.stream().map(s -> s.image()).toList());
        for (int i = 0; i < batch.size(); i++) {
          int label = batch.get(i).label();
          int[] t5 = topK(logits[i], 5);
          top1 += t5[0] == label ? 1 : 0;
          top5 += Arrays.stream(t5).anyMatch(k -> k == label) ? 1 : 0;
        }
      }
      long refTop1 = Math.round(ref.get("top1").asDouble() * ds.size());
      long refTop5 = Math.round(ref.get("top5").asDouble() * ds.size());
      System.out.printf("%s on 122 sample photos: top-1 %d (reference %d), top-5 %d (reference %d)%n",
          name, top1, refTop1, top5, refTop5);
      assertTrue(Math.abs(top1 - refTop1) <= 1, "top-1 " + top1 + " vs reference " + refTop1);
      assertTrue(Math.abs(top5 - refTop5) <= 1, "top-5 " + top5 + " vs reference " + refTop5);
    }
  }
}
