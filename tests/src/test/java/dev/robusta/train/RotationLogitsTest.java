package dev.robusta.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TrainedModel#rotationLogits}: {@code [4][N][4]}, row {@code [r][i]} is the rotation head on image i turned
 * r quarter turns counter-clockwise, i.e. the same as the unrotated row of an image whose pixels were turned first.
 */
class RotationLogitsTest {

  /** Image turned k quarter turns counter-clockwise in pixel space: out[n-1-x][y] = in[y][x] per turn. */
  static Image turned(Image im, int k) {
    int n = im.height();
    byte[] p = im.pixels();
    for (int t = 0; t < k; t++) {
      byte[] q = new byte[n * n];
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          q[(n - 1 - x) * n + y] = p[y * n + x];
        }
      }
      p = q;
    }
    return Image.wrap(n, n, 1, p);
  }

  static Dataset map(Dataset d, int k) {
    return new Dataset() {
      @Override public String id() { return d.id() + "/rot" + k; }
      @Override public int size() { return d.size(); }
      @Override public Sample get(int i) { return new Sample(turned(d.get(i).image(), k), d.get(i).label(), Map.of()); }
    };
  }

  @Test
  @Timeout(120)
  void rowRIsTheHeadOnTheImageTurnedRQuarterTurns() {
    Dataset train = FineTuneTest.images("rot", 64, 28, 1, 10, 8);
    Dataset test = FineTuneTest.images("rot-test", 7, 28, 1, 10, 9);
    TrainConfig cfg = TrainConfig.builder().epochs(1).batchSize(32).seed(3).progress(false).build();
    try (TrainedModel m = ClassifierTrainer.train(SmallCnn.network(10, true), InputSpec.FASHION_MNIST, train, cfg)) {
      float[][][] r = m.rotationLogits(test, 3);
      assertEquals(4, r.length);
      assertEquals(7, r[0].length);
      assertEquals(4, r[0][0].length);
      for (int k = 0; k < 4; k++) {
        float[][] direct = m.rotationLogits(map(test, k), 5)[0];
        for (int i = 0; i < 7; i++) {
          assertArrayEquals(direct[i], r[k][i], 1e-4f, "rotation " + k + ", image " + i);
        }
      }
    }
    try (TrainedModel plain = ClassifierTrainer.train(SmallCnn.network(10, false), InputSpec.FASHION_MNIST, train,
        cfg)) {
      assertThrows(IllegalStateException.class, () -> plain.rotationLogits(test, 4));
    }
  }
}
