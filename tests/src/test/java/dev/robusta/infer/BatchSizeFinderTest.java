package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch-size search (simulated memory limits) and a real CPU probe, where everything fits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchSizeFinderTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 37, 64, 100, 511, 512})
  void findsTheLargestBatchUnderASimulatedLimit(int limit) {
    List<Integer> tried = new ArrayList<>();
    int found = BatchSizeFinder.find(n -> {
      tried.add(n);
      return n <= limit;
    }, 512);
    assertEquals(limit, found);
    assertTrue(tried.size() <= 2 * 10 + 1, "tries " + tried);
  }

  @Test
  void stopsAtMaxWhenEverythingFits() {
    assertEquals(300, BatchSizeFinder.find(n -> true, 300));
    assertThrows(IllegalStateException.class, () -> BatchSizeFinder.find(n -> false, 300));
    assertThrows(IllegalArgumentException.class, () -> BatchSizeFinder.find(n -> true, 0));
  }

  @Test
  void recognisesOutOfMemoryErrors() {
    assertTrue(BatchSizeFinder.isOutOfMemory(new InferenceException("x",
        new RuntimeException("CUDA out of memory. Tried to allocate 2.00 GiB"))));
    assertTrue(BatchSizeFinder.isOutOfMemory(new OutOfMemoryError("Java heap space")));
    assertFalse(BatchSizeFinder.isOutOfMemory(new InferenceException("shape mismatch")));
  }

  @Test
  void cpuProbeOfTheTinyModelFitsUpToMax() {
    try (Classifier c = Models.load(TinyModels.file("tiny-cnn.pt"), TinyModels.HALF)) {
      assertEquals(64, BatchSizeFinder.find(c, 8, 8, 64));
      assertEquals(7, c.calls(), "1, 2, 4, 8, 16, 32, 64");
    }
  }
}
