package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.robusta.Models;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Native memory stays flat: per-iteration sub-managers, 100,000 manager open/close cycles, and a long
 * pipeline run over generated images. RSS from {@code /proc/self/status}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NativeMemoryTest {
  private static final long MB = 1024 * 1024;

  @BeforeAll
  static void linuxOnly() {
    assumeTrue(NativeMemory.available(), "skipped: RSS is read from /proc/self/status (Linux only)");
    Engine.getEngine("PyTorch");
  }

  @Test
  void subManagerLoopWithBooleanMaskStaysFlat() throws ReflectiveOperationException {
    long at50 = 0;
    try (NDManager base = NDManager.newBaseManager("PyTorch")) {
      for (int i = 1; i <= 500; i++) {
        try (NDManager m = base.newSubManager()) {
          NDArray a = m.randomUniform(0f, 1f, new Shape(1000, 1000, 3));
          NDArray mask = a.gt(0.5f);
          NDArray picked = a.get(mask);
          assertTrue(picked.size() > 1_000_000 && picked.size() < 2_000_000, "about half of 3M values");
          a.set(mask, 0f);
          assertEquals(0f, a.max().getFloat(), 0.5f);
        }
        if (i == 50) {
          System.gc();
          at50 = NativeMemory.rss();
        }
      }
      System.gc();
      long at500 = NativeMemory.rss();
      System.out.printf(Locale.ROOT, "sub-manager loop: RSS %.1f MB after 50 iterations, %.1f MB after 500 (%+.1f MB)%n",
          NativeMemory.mb(at50), NativeMemory.mb(at500), NativeMemory.mb(at500 - at50));
      // a leak of the masked arrays would keep >= 6 MB per iteration (>= 2.7 GB over 450); allocator arenas and
      // other threads of a loaded machine move RSS by tens of MB (observed +23 to +85 MB under load 10-20)
      assertTrue(at500 - at50 < 128 * MB, "RSS grew by " + NativeMemory.mb(at500 - at50) + " MB");
      assertEquals(0, openChildren(base), "every sub-manager and its arrays are released");
    }
  }

  @Test
  void hundredThousandManagerCyclesLeaveNoGrowth() throws ReflectiveOperationException {
    try (NDManager base = NDManager.newBaseManager("PyTorch")) {
      // warm-up: the allocator and the JIT reach their steady state first
      cycles(base, 100_000);
      System.gc();
      // native memory = RSS minus the JVM's committed memory: the heap is checked on its own below, and a
      // heap that commits more pages under load must not read as a native leak
      long native0 = NativeMemory.nativeEstimate();
      long rss0 = NativeMemory.rss();
      long heap0 = usedHeap();
      cycles(base, 100_000);
      System.gc();
      long native1 = NativeMemory.nativeEstimate();
      long rss1 = NativeMemory.rss();
      long heap1 = usedHeap();
      System.out.printf(Locale.ROOT, "100,000 manager cycles after a 100,000-cycle warm-up: native %+.1f MB (RSS %.1f MB"
          + " -> %.1f MB), used heap after GC %+.1f MB%n", NativeMemory.mb(native1 - native0), NativeMemory.mb(rss0),
          NativeMemory.mb(rss1), NativeMemory.mb(heap1 - heap0));
      assertEquals(0, openChildren(base), "closed sub-managers must detach from their parent");
      assertTrue(native1 - native0 < 15 * MB, "native memory grew by " + NativeMemory.mb(native1 - native0) + " MB");
      assertTrue(heap1 - heap0 < 5 * MB, "heap grew by " + NativeMemory.mb(heap1 - heap0) + " MB");
    }
  }

  /** Opens a sub-manager, creates one scalar in it and closes it, {@code n} times. */
  private static void cycles(NDManager base, int n) {
    for (int i = 0; i < n; i++) {
      try (NDManager m = base.newSubManager()) {
        m.create(i);
      }
    }
  }

  /** @return how many resources (arrays, sub-managers) the manager still tracks (DJL's private map) */
  private static int openChildren(NDManager m) throws ReflectiveOperationException {
    for (Class<?> k = m.getClass(); k != null; k = k.getSuperclass()) {
      try {
        var f = k.getDeclaredField("resources");
        f.setAccessible(true);
        return ((java.util.Map<?, ?>) f.get(m)).size();
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException("resources");
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }

  @Test
  void longPipelineRunKeepsNativeMemoryFlat() {
    int n = 200_000;
    int batch = 500;
    try (Classifier c = Models.load(TinyModels.file("tiny-cnn.pt"), TinyModels.HALF)) {
      long[] nat = new long[10];
      long[] rss = new long[10];
      int[] k = {0};
      // sample memory every 10% through the stop hook, which runs after each batch
      Pipeline sampled = Pipeline.builder(c).batchSize(batch).workers(1).progress(false).stopWhen(() -> {
        long done = c.calls() * batch;
        if (done % (n / 10) == 0 && k[0] < nat.length) {
          rss[k[0]] = NativeMemory.rss();
          nat[k[0]++] = NativeMemory.nativeEstimate();
        }
        return false;
      }).build();
      long t0 = System.nanoTime();
      Predictions out = sampled.run(TinyModels.generated("generated-8x8", n));
      double s = (System.nanoTime() - t0) / 1e9;
      assertEquals(n, out.size());
      assertEquals(9, k[0], "one sample per 10% before the end");
      long growth = nat[8] - nat[1];
      System.out.printf(Locale.ROOT, "%,d images in %.1f s: native (RSS - JVM committed) %.1f MB at 20%%, %.1f MB at"
          + " 90%% (%+.1f MB); RSS %.1f MB -> %.1f MB%n", n, s, NativeMemory.mb(nat[1]), NativeMemory.mb(nat[8]),
          NativeMemory.mb(growth), NativeMemory.mb(rss[1]), NativeMemory.mb(rss[8]));
      // 140,000 images lie between the two samples: a leak of >= 500 bytes per image (a tensor header) shows as
      // >= 67 MB; allocator noise of a run lasting ~1 s after another test in the same JVM reached +25 MB
      assertTrue(growth < 64 * MB, "native memory grew by " + NativeMemory.mb(growth) + " MB");
    }
  }
}
