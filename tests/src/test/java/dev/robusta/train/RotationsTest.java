package dev.robusta.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quarter-turn rotations, and what the rotation head actually sees during training. */
class RotationsTest {

  /** Counter-clockwise quarter turn of an H x W (square) plane, written directly: out[H-1-x][y] = in[y][x]. */
  static float[] rot90ccw(float[] in, int n) {
    float[] out = new float[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        out[(n - 1 - x) * n + y] = in[y * n + x];
      }
    }
    return out;
  }

  @Test
  void rotationsAreCounterClockwiseQuarterTurns() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      float[] plane = new float[16];
      for (int i = 0; i < 16; i++) {
        plane[i] = i;
      }
      NDArray x = m.create(plane, new Shape(1, 1, 4, 4));
      float[] expected = plane;
      for (int k = 0; k < 4; k++) {
        assertArrayEquals(expected, Rotations.rotate(x, k).toFloatArray(), "k=" + k);
        expected = rot90ccw(expected, 4);
      }
      // top-left pixel goes to the bottom-left corner after one counter-clockwise quarter turn
      assertEquals(0f, Rotations.rotate(x, 1).toFloatArray()[12]);
      NDArray four = Rotations.fourRotations(m.create(new float[32], new Shape(2, 1, 4, 4)));
      assertEquals(new Shape(8, 1, 4, 4), four.getShape());
      assertArrayEquals(new long[] {0, 0, 1, 1, 2, 2, 3, 3}, Rotations.targets(m, 2).toLongArray());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Rotations.rotate(m.zeros(new Shape(1, 1, 4, 5)), 1));
      assertTrue(e.getMessage().contains("square"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Rotations.rotate(x, 4));
    }
  }

  @Test
  @Timeout(60)
  void theRotationHeadSeesFourRotationsOfEveryTrainingImage() {
    int n = 6;
    int side = 8;
    List<float[]> seen = new ArrayList<>();
    List<Long> rows = new ArrayList<>();
    SequentialBlock backbone = new SequentialBlock()
        .add(new LambdaBlock(list -> {
          rows.add(list.head().getShape().get(0));
          seen.add(list.head().toFloatArray());
          return new NDList(list.head().reshape(list.head().getShape().get(0), -1));
        }))
        .add(ai.djl.nn.core.Linear.builder().setUnits(8).build());
    Network net = new Network(backbone, 3, true);
    Dataset ds = new Dataset() {
      @Override public String id() { return "gradient-squares"; }
      @Override public int size() { return n; }
      @Override public Sample get(int i) {
        byte[] px = new byte[side * side];
        for (int p = 0; p < px.length; p++) {
          px[p] = (byte) ((p * 7 + i * 13) & 0xff);
        }
        return new Sample(new Image(side, side, 1, px), i % 3, Map.of());
      }
    };
    InputSpec spec = new InputSpec(1, side, side, new float[] {0f}, new float[] {1f});
    TrainConfig cfg = TrainConfig.builder().epochs(1).batchSize(n).progress(false).build();
    try (TrainedModel model = ClassifierTrainer.train(net, spec, ds, cfg)) {
      assertTrue(model.network().hasRotationHead());
    }
    // initialisation runs the backbone on shapes only; the one training step feeds 4 x 6 rows
    assertEquals(List.of(4L * n), rows.subList(rows.size() - 1, rows.size()));
    float[] batch = seen.get(seen.size() - 1);
    int plane = side * side;
    for (int i = 0; i < n; i++) {
      float[] base = new float[plane];
      System.arraycopy(batch, i * plane, base, 0, plane);
      float[] expected = base;
      for (int k = 1; k < 4; k++) {
        expected = rot90ccw(expected, side);
        float[] got = new float[plane];
        System.arraycopy(batch, (k * n + i) * plane, got, 0, plane);
        assertArrayEquals(expected, got, "image " + i + " rotated " + (90 * k) + " degrees");
      }
    }
  }
}
