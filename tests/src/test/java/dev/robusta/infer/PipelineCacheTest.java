package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Models;
import dev.robusta.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's logits cache: hits skip the model (counted model calls), damaged entries are detected
 * and recomputed, half-written entries never count, a stopped run resumes from its checkpoints, and
 * entries read back without the model. ResNet-20 (ONNX) on the 100 lossless CIFAR-10 images.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PipelineCacheTest {
  private static Classifier model;
  private static Dataset data;
  private static Predictions fresh;

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    model = Models.loader(Fixtures.resnet(20, "onnx"), Preset.CIFAR).threads(2).load();
    data = Fixtures.cifarLossless();
    fresh = Pipeline.builder(model).batchSize(10).progress(false).build().run(data);
  }

  @AfterAll
  static void close() {
    if (model != null) { // null when ../shared is absent and the class was skipped
      model.close();
    }
  }

  private Pipeline pipeline(LogitsCache cache) {
    return Pipeline.builder(model).batchSize(10).workers(2).progress(false).cache(cache).build();
  }

  private static void assertSameLogits(Predictions expected, Predictions actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.logits()[i], actual.logits()[i], "row " + i);
    }
    assertArrayEquals(expected.labels(), actual.labels());
  }

  private Path only(LogitsCache cache, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(cache.root())) {
      List<Path> l = s.filter(p -> p.toString().endsWith(suffix)).toList();
      assertEquals(1, l.size(), "files ending " + suffix + ": " + l);
      return l.get(0);
    }
  }

  @Test
  void freshRunIsTheReferenceResult() {
    assertEquals(Predictions.Source.COMPUTED, fresh.source());
    assertEquals(0.94, fresh.top1(), 1e-9);
    assertEquals(100, fresh.labelled());
    assertTrue(fresh.toString().contains("cifar10_resnet20"), fresh.toString());
    assertTrue(fresh.toString().contains("CIFAR[no resize, no crop"), fresh.toString());
  }

  @Test
  void secondRunReadsTheCacheWithoutRunningTheModel() {
    LogitsCache cache = LogitsCache.at(dir);
    long before = model.calls();
    Predictions first = pipeline(cache).run(data);
    assertEquals(10, model.calls() - before, "100 images in batches of 10");
    long afterFirst = model.calls();
    Predictions second = pipeline(cache).run(data);
    assertEquals(afterFirst, model.calls(), "a cache hit must not run the model");
    assertEquals(Predictions.Source.CACHE, second.source());
    assertSameLogits(first, second);
    assertSameLogits(fresh, second);
    assertEquals(first.model(), second.model());
    assertEquals(first.preprocessing(), second.preprocessing());
  }

  @Test
  void anotherCellOrPresetIsAnotherEntry() {
    LogitsCache cache = LogitsCache.at(dir);
    pipeline(cache).run(data);
    long calls = model.calls();
    Pipeline.builder(model).batchSize(10).progress(false).cache(cache).cell("gaussian_noise/3").build().run(data);
    assertEquals(calls + 10, model.calls(), "a new cell is computed");
    assertEquals(2, cache.entries().size());
  }

  @Test
  void corruptedLogitsFileIsDetectedAndRecomputed() throws IOException {
    LogitsCache cache = LogitsCache.at(dir);
    pipeline(cache).run(data);
    Path npy = only(cache, ".logits.npy");
    byte[] b = Files.readAllBytes(npy);
    b[b.length - 7] ^= 0x40;
    Files.write(npy, b);
    assertThrows(CacheCorruptedException.class, () -> LogitsCache.read(only(cache, ".json")));
    long calls = model.calls();
    Predictions again = pipeline(cache).run(data);
    assertEquals(calls + 10, model.calls(), "the damaged entry must be recomputed");
    assertEquals(Predictions.Source.COMPUTED, again.source());
    assertSameLogits(fresh, again);
    assertSameLogits(fresh, LogitsCache.read(only(cache, ".json")));
  }

  @Test
  void truncatedOrMissingFilesAreDetected() throws IOException {
    LogitsCache cache = LogitsCache.at(dir);
    pipeline(cache).run(data);
    Path labels = only(cache, ".labels.npy");
    Files.write(labels, new byte[] {(byte) 0x93, 'N'});
    long calls = model.calls();
    assertSameLogits(fresh, pipeline(cache).run(data));
    assertEquals(calls + 10, model.calls());
    Files.delete(only(cache, ".logits.npy"));
    assertSameLogits(fresh, pipeline(cache).run(data));
    assertEquals(calls + 20, model.calls());
    Files.writeString(only(cache, ".json"), "{\"format\": \"robusta-logits/1\", \"key\": ");
    assertSameLogits(fresh, pipeline(cache).run(data));
    assertEquals(calls + 30, model.calls());
  }

  @Test
  void arraysWithoutManifestNeverCount() throws IOException {
    LogitsCache cache = LogitsCache.at(dir);
    pipeline(cache).run(data);
    Files.delete(only(cache, ".json"));
    Files.writeString(only(cache, ".logits.npy").resolveSibling("x.json.tmp-123"), "{");
    assertTrue(cache.entries().isEmpty());
    long calls = model.calls();
    assertEquals(Predictions.Source.COMPUTED, pipeline(cache).run(data).source());
    assertEquals(calls + 10, model.calls());
  }

  @Test
  void stoppedRunResumesFromItsCheckpoint() {
    LogitsCache cache = LogitsCache.at(dir);
    AtomicInteger batches = new AtomicInteger();
    Pipeline stopping = Pipeline.builder(model).batchSize(10).progress(false).cache(cache).checkpointEvery(20)
        .stopWhen(() -> batches.incrementAndGet() >= 3).build();
    InferenceStoppedException e = assertThrows(InferenceStoppedException.class, () -> stopping.run(data));
    assertEquals(30, e.done());
    assertEquals(100, e.total());
    assertTrue(cache.entries().isEmpty(), "an unfinished run leaves no entry");
    long calls = model.calls();
    Predictions resumed = pipeline(cache).run(data);
    assertEquals(Predictions.Source.RESUMED, resumed.source());
    assertEquals(calls + 7, model.calls(), "only the 70 missing images run");
    assertSameLogits(fresh, resumed);
    assertEquals(1, cache.entries().size());
  }

  @Test
  void damagedCheckpointIsDroppedAndRecomputed() throws IOException {
    LogitsCache cache = LogitsCache.at(dir);
    AtomicInteger batches = new AtomicInteger();
    Pipeline stopping = Pipeline.builder(model).batchSize(10).progress(false).cache(cache).checkpointEvery(10)
        .stopWhen(() -> batches.incrementAndGet() >= 4).build();
    assertThrows(InferenceStoppedException.class, () -> stopping.run(data));
    List<Path> segs;
    try (Stream<Path> s = Files.walk(cache.root())) {
      segs = s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
    }
    assertEquals(4, segs.size(), "one checkpoint per 10 images");
    byte[] b = Files.readAllBytes(segs.get(2));
    b[40] ^= 1;
    Files.write(segs.get(2), b);
    long calls = model.calls();
    Predictions resumed = pipeline(cache).run(data);
    assertEquals(calls + 8, model.calls(), "rows 0-19 are kept, 20-99 recomputed");
    assertSameLogits(fresh, resumed);
  }

  @Test
  void progressBarReportsImagesPerSecond() {
    StringBuilder out = new StringBuilder();
    Pipeline.builder(model).batchSize(25).progress(line -> {
      synchronized (out) {
        out.append(line).append('\n');
      }
    }).build().run(data);
    String s;
    synchronized (out) {
      s = out.toString();
    }
    assertTrue(s.contains("100/100"), s);
    assertTrue(s.contains("img/s"), s);
  }

  @Test
  void cacheEntryReadsBackWithoutTheModel() throws IOException {
    LogitsCache cache = LogitsCache.at(dir);
    pipeline(cache).run(data);
    Path manifest = only(cache, ".json");
    Predictions p = LogitsCache.read(manifest);
    assertSameLogits(fresh, p);
    assertEquals(model.info().sha256(), p.model().sha256());
    String json = Files.readString(manifest);
    assertTrue(json.contains("\"format\" : \"robusta-logits/1\""), json);
    assertTrue(json.contains(model.info().sha256()), json);
    byte[] npy = Files.readAllBytes(only(cache, ".logits.npy"));
    String header = new String(npy, 0, 128, java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(header.contains("'descr': '<f4', 'fortran_order': False, 'shape': (100, 10)"), header);
    assertEquals(100 * 10 * 4, npy.length - 128, "NumPy 1.0 header padded to 64 bytes");
    assertFalse(Files.exists(manifest.resolveSibling(manifest.getFileName() + ".tmp")));
  }
}
