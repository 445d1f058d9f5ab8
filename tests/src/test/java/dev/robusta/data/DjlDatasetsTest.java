package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.modality.cv.transform.Normalize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class DjlDatasetsTest {
  @Test
  void batchesOfNormalisedTensorsWithLabels() throws Exception {
    SyntheticOod noise = new SyntheticOod(SyntheticOod.Kind.RADEMACHER, 10, 8, 6, 3, 2);
    RandomAccessDataset ds = DjlDatasets.forTraining(noise,
        new Pipeline(new ToTensor(), new Normalize(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f})),
        4, false);
    assertEquals(10, ds.size());
    try (NDManager m = NDManager.newBaseManager()) {
      int batches = 0;
      for (Batch b : ds.getData(m)) {
        NDArray x = b.getData().head();
        NDArray y = b.getLabels().head();
        long n = x.getShape().get(0);
        assertEquals(3, x.getShape().get(1));
        assertEquals(8, x.getShape().get(2));
        assertEquals(6, x.getShape().get(3));
        if (batches == 0) {
          // Rademacher values are exactly -1 / +1 again after ToTensor + Normalize(0.5, 0.5)
          float[] v = x.get(0).toFloatArray();
          float[] want = noise.tensor(0);
          assertArrayEquals(want, v, 1e-6f);
          assertEquals(-1f, y.toFloatArray()[0]);
        }
        batches++;
        b.close();
        assertEquals(batches < 3 ? 4 : 2, n);
      }
      assertEquals(3, batches);
    }
  }
}
