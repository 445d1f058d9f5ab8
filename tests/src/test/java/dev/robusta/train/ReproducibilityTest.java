package dev.robusta.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A seeded run is reproducible bit for bit on CPU (the same thread count), with every loss term on. */
class ReproducibilityTest {

  private static String digest(Dataset train, TrainConfig cfg, boolean rotation) {
    try (TrainedModel m = ClassifierTrainer.train(SmallCnn.network(10, rotation), InputSpec.FASHION_MNIST, train,
        cfg)) {
      return m.parameterDigest() + " loss " + java.util.Arrays.toString(m.trainResult().epochLoss());
    }
  }

  /** Uniform-noise outliers, generated here (the registered OE synthetic sets live in the data package). */
  static Dataset noise(int n, long seed) {
    return new Dataset() {
      @Override public String id() { return "test-uniform-noise"; }
      @Override public int size() { return n; }
      @Override public Sample get(int i) {
        SplittableRandom r = new SplittableRandom(seed + i);
        byte[] px = new byte[784];
        for (int p = 0; p < px.length; p++) {
          px[p] = (byte) r.nextInt(256);
        }
        return new Sample(new Image(28, 28, 1, px), -1, Map.of());
      }
    };
  }

  @Test
  @Timeout(300)
  void seededRunsAreBitIdenticalAndTheSeedMatters() throws Exception {
    Dataset train = FashionMnistFiles.load("train", 640);
    AugMixViews shift = (img, seed) -> {
      byte[] a = img.pixels();
      byte[] b = img.pixels();
      int d = (int) Math.floorMod(seed, 7);
      for (int i = 0; i < a.length; i++) {
        a[i] = (byte) Math.min(255, (a[i] & 0xff) + 20 + d);
        b[i] = (byte) Math.max(0, (b[i] & 0xff) - 20 - d);
      }
      return new Image[] {Image.wrap(28, 28, 1, a), Image.wrap(28, 28, 1, b)};
    };
    TrainConfig plain = TrainConfig.builder().epochs(2).batchSize(64).progress(false).seed(7).build();
    TrainConfig all = plain.toBuilder().outliers(noise(300, 5)).augMix(shift).labelSmoothing(0.1).build();
    String a = digest(train, plain, false);
    String b = digest(train, plain, false);
    assertEquals(a, b, "two runs with seed 7 must give bit-identical weights");
    String c = digest(train, plain.toBuilder().seed(8).build(), false);
    assertNotEquals(a, c, "another seed must give other weights");
    String d = digest(train, all, true);
    String e = digest(train, all, true);
    assertEquals(d, e, "CE + rotation + JSD + OE with label smoothing must be reproducible too");
    assertTrue(!d.equals(a));
  }
}
