package dev.robusta.infer;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The committed tiny fixtures {@code tiny-cnn.pt} / {@code tiny-cnn.onnx} (made by {@code make_tiny.py}
 * in the test resources): 8x8 RGB in, {@code (logits [N,4], features [N,8])} out; plus generated data.
 */
final class TinyModels {
  /** No resize, no crop, mean 0.5, std 0.5: pixel p becomes p/127.5 - 1. */
  static final Preset HALF = Preset.of("HALF", 0, 0, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});

  private TinyModels() {}

  static Path file(String name) {
    try {
      return Path.of(TinyModels.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The input the Python script used: linspace(-1, 1, 384) as [2, 3, 8, 8]. */
  static float[] linspaceInput() {
    float[] x = new float[2 * 3 * 8 * 8];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (-1.0 + 2.0 * i / (x.length - 1));
    }
    return x;
  }

  static final float[][] PY_LOGITS = {
      {-0.3290659487247467f, 0.28460147976875305f, -0.059554703533649445f, -0.367971271276474f},
      {-0.42381784319877625f, 0.23252460360527039f, -0.16677270829677582f, -0.326149046421051f}};
  static final float[][] PY_FEATURES = {
      {0.03333613649010658f, 0.3978831470012665f, 0.23124432563781738f, 0.04350709170103073f,
          0.09317965805530548f, 0.09437672793865204f, 0.3198713958263397f, 0.13457393646240234f},
      {0.016700180247426033f, 0.05547163262963295f, 0.327567994594574f, 0.0f, 0.0f, 0.0030602391343563795f,
          0.11315304785966873f, 0.01447534654289484f}};

  /** {@code n} generated 8x8 RGB images, deterministic in the index; label = index mod 4. */
  static Dataset generated(String id, int n) {
    return new Dataset() {
      @Override
      public String id() { return id; }

      @Override
      public int size() { return n; }

      @Override
      public Sample get(int i) {
        byte[] px = new byte[8 * 8 * 3];
        long s = i * 0x9E3779B97F4A7C15L + 1;
        for (int k = 0; k < px.length; k++) {
          s ^= s << 13;
          s ^= s >>> 7;
          s ^= s << 17;
          px[k] = (byte) s;
        }
        return new Sample(Image.wrap(8, 8, 3, px), i % 4, Map.of());
      }
    };
  }
}
