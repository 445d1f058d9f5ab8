package dev.robusta.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Training;
import dev.robusta.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo CNN: at least 90% test accuracy, cached atomically, a damaged cache retrained. */
class FashionMnistCnnTest {

  @Test
  @Timeout(2400)
  void demoCnnReachesNinetyPercentOnTheTestSetAndIsCached() throws Exception {
    Dataset train = FashionMnistFiles.load("train", 60_000);
    Dataset test = FashionMnistFiles.load("t10k", 10_000);
    try (FashionMnistCnn.Cached c = Training.fashionMnistCnn(train, test)) {
      System.out.println(c);
      assertTrue(c.testAccuracy() >= 0.90, "test accuracy " + c.testAccuracy() + " < 0.90");
      // the weights that were cached give exactly the recorded accuracy
      assertEquals(c.testAccuracy(), c.model().accuracy(test), 1e-12);
      assertTrue(Files.exists(c.dir().resolve("cnn-0000.params")));
    }
    try (FashionMnistCnn.Cached again = Training.fashionMnistCnn(train, test)) {
      assertFalse(again.trainedNow(), "the second call must read the cache");
      assertEquals(again.testAccuracy(), again.model().accuracy(test), 1e-12);
    }
  }

  @Test
  @Timeout(300)
  void cacheIsAtomicAndADamagedFileIsRetrained(@TempDir Path root) throws Exception {
    Dataset train = FashionMnistFiles.load("train", 384);
    Dataset test = FashionMnistFiles.load("t10k", 200);
    TrainConfig cfg = FashionMnistCnn.defaultConfig().toBuilder().epochs(1).batchSize(64).progress(false).build();
    String digest;
    try (FashionMnistCnn.Cached c = FashionMnistCnn.obtain(train, test, root, cfg)) {
      assertTrue(c.trainedNow());
      digest = c.model().parameterDigest();
    }
    try (Stream<Path> s = Files.list(root)) {
      assertEquals(1, s.count(), "only the final folder remains, no temporary one");
    }
    try (FashionMnistCnn.Cached c = FashionMnistCnn.obtain(train, test, root, cfg)) {
      assertFalse(c.trainedNow());
      assertEquals(digest, c.model().parameterDigest(), "the cached weights are the trained ones, bit for bit");
    }
    Path params = FashionMnistCnn.cacheDir(root, cfg).resolve("cnn-0000.params");
    Files.write(params, new byte[] {1, 2, 3});
    try (FashionMnistCnn.Cached c = FashionMnistCnn.obtain(train, test, root, cfg)) {
      assertTrue(c.trainedNow(), "a damaged file is replaced by training again");
      assertEquals(digest, c.model().parameterDigest(), "retraining with the seed gives the same weights");
    }
  }

  @Test
  @Timeout(300)
  void checkpointsAreWrittenPerEpochAndReload(@TempDir Path dir) throws Exception {
    Dataset train = FashionMnistFiles.load("train", 256);
    Dataset test = FashionMnistFiles.load("t10k", 100);
    TrainConfig cfg = TrainConfig.builder().epochs(2).batchSize(64).progress(false).checkpointDir(dir).build();
    try (TrainedModel m = Training.train(SmallCnn.network(10, false), InputSpec.FASHION_MNIST, train, cfg)) {
      String name = m.model().getName();
      assertTrue(Files.exists(dir.resolve(name + "-0001.params")));
      assertTrue(Files.exists(dir.resolve(name + "-0002.params")));
      try (Stream<Path> s = Files.list(dir)) {
        assertEquals(2, s.count(), "no temporary files left next to the checkpoints");
      }
      try (TrainedModel last = TrainedModel.load(dir, name, SmallCnn.network(10, false), InputSpec.FASHION_MNIST)) {
        assertEquals(m.parameterDigest(), last.parameterDigest(), "the last checkpoint holds the final weights");
        float[][] a = m.logits(test, 50);
        float[][] b = last.logits(test, 50);
        for (int i = 0; i < a.length; i++) {
          org.junit.jupiter.api.Assertions.assertArrayEquals(a[i], b[i]);
        }
      }
      // temperature scaling is the metrics module's fit, on this model's held-out logits
      double t = Training.fitTemperature(m, test).temperature();
      assertTrue(t > 0 && Double.isFinite(t), "temperature " + t);
    }
  }
}
