package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Corruptions;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lazily generated corrupted benchmarks: cells, metadata, determinism, protocols. */
@Timeout(60)
class CorruptedDatasetTest {
  static final List<String> SOME = List.of("gaussian_noise", "glass_blur", "contrast", "jpeg_compression");

  /** A tiny synthetic labelled dataset (generated here, nothing copied from ../shared). */
  static Dataset synthetic(int n) {
    return new Dataset() {
      @Override
      public String id() { return "synthetic"; }

      @Override
      public int size() { return n; }

      @Override
      public Sample get(int i) {
        byte[] p = new byte[32 * 32 * 3];
        for (int k = 0; k < p.length; k++) {
          p[k] = (byte) ((k * (i + 3) + i * 17) % 256);
        }
        return new Sample(new Image(32, 32, 3, p), i % 10, Map.of("path", "img" + i));
      }
    };
  }

  @Test
  void defaultIsFifteenTimesFiveCellsInImageNetCOrder() {
    CorruptedBenchmark b = Corruptions.corrupted(synthetic(7), Preset.CIFAR_C);
    assertEquals(75, b.cells().size());
    assertEquals(Corruptions.benchmarkNames(), b.corruptions());
    assertEquals(List.of(1, 2, 3, 4, 5), b.severities());
    assertEquals(CorruptionProtocol.IN_MEMORY, b.protocol());
    assertEquals("synthetic-c", b.id());
    assertEquals(7, b.cell("fog", 2).size());
    assertEquals("synthetic/fog/2", b.cell("fog", 2).id());
    assertTrue(b.toString().contains("IN_MEMORY") && b.toString().contains("CIFAR_C"), b.toString());
    assertTrue(b.mimeBundle().get("text/markdown").contains("| glass_blur | blur |"));
    assertEquals(95, CorruptedBenchmark.builder(synthetic(1), Preset.CIFAR_C).withExtraCorruptions().build().cells().size());
  }

  @Test
  void samplesCarryMetadataAndLabels() {
    CorruptedBenchmark b = CorruptedBenchmark.builder(synthetic(5), Preset.CIFAR_C).corruptions(SOME).build();
    Sample s = b.cell("glass_blur", 4).get(3);
    assertEquals(3, s.label());
    assertEquals("glass_blur", s.meta().get("corruption"));
    assertEquals("4", s.meta().get("severity"));
    assertEquals("CIFAR_C", s.meta().get("preset"));
    assertEquals("IN_MEMORY", s.meta().get("protocol"));
    assertEquals("img3", s.meta().get("path"));
    assertNotEquals(synthetic(5).get(3).image(), s.image());
  }

  @Test
  void deterministicPerSeedIndexAndCellWhateverTheOrderOrThreads() {
    CorruptedBenchmark b = CorruptedBenchmark.builder(synthetic(6), Preset.CIFAR_C).corruptions(SOME).seed(9).build();
    List<Image> forward = new ArrayList<>();
    for (CorruptedBenchmark.Cell c : b.cells()) {
      for (Sample s : c.dataset()) {
        forward.add(s.image());
      }
    }
    CorruptedBenchmark again = CorruptedBenchmark.builder(synthetic(6), Preset.CIFAR_C).corruptions(SOME).seed(9).build();
    int n = 6;
    int total = forward.size();
    // visit in reverse order on several threads
    Image[] parallel = new Image[total];
    IntStream.range(0, total).parallel().map(k -> total - 1 - k)
        .forEach(k -> parallel[k] = again.cells().get(k / n).dataset().get(k % n).image());
    assertEquals(forward, List.of(parallel));
    CorruptedBenchmark other = CorruptedBenchmark.builder(synthetic(6), Preset.CIFAR_C).corruptions(SOME).seed(10).build();
    assertNotEquals(b.cell("gaussian_noise", 3).get(0).image(), other.cell("gaussian_noise", 3).get(0).image());
    // different indices and cells draw differently even for equal images
    assertNotEquals(((CorruptedDataset) b.cell("gaussian_noise", 3)).sampleSeed(0),
        ((CorruptedDataset) b.cell("gaussian_noise", 4)).sampleSeed(0));
  }

  @Test
  void releaseJpegStepIsTheQuality85RoundTripAndIsDeclared() {
    CorruptedBenchmark plain = CorruptedBenchmark.builder(synthetic(3), Preset.IMAGENET_C).corruptions(SOME).build();
    CorruptedBenchmark release = CorruptedBenchmark.builder(synthetic(3), Preset.IMAGENET_C).corruptions(SOME)
        .releaseJpeg(true).build();
    assertEquals(CorruptionProtocol.IN_MEMORY_RELEASE_JPEG, release.protocol());
    assertTrue(release.toString().contains("JPEG quality 85"), release.toString());
    Image a = plain.cell("contrast", 2).get(1).image();
    Image b = release.cell("contrast", 2).get(1).image();
    assertEquals(JpegCodec.decode(JpegCodec.encode(a, 85)), b);
    assertNotEquals(a, b);
    assertEquals("IN_MEMORY_RELEASE_JPEG", release.cell("contrast", 2).get(1).meta().get("protocol"));
  }

  @Test
  void badRequestsFailWithTheirReason() {
    CorruptedBenchmark b = CorruptedBenchmark.builder(synthetic(2), Preset.CIFAR_C).corruptions(SOME).severities(1, 3).build();
    var e = assertThrows(IllegalArgumentException.class, () -> b.cell("fog", 1));
    assertTrue(e.getMessage().contains("gaussian_noise"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.cell("contrast", 2));
    assertThrows(IllegalArgumentException.class,
        () -> CorruptedBenchmark.builder(synthetic(2), Preset.CIFAR_C).severities(0));
    assertThrows(IllegalArgumentException.class,
        () -> CorruptedBenchmark.builder(synthetic(2), Preset.CIFAR_C).corruptions(List.of("fogg")));
  }

  @Test
  void releasedFilesAreAnotherProtocol() {
    CorruptedBenchmark r = CorruptedBenchmark.released("cifar10-c", Preset.CIFAR_C,
        Map.of("fog", Map.of(1, synthetic(4))));
    assertEquals(CorruptionProtocol.RELEASED, r.protocol());
    assertTrue(r.toString().contains("RELEASED"));
    assertEquals(4, r.cell("fog", 1).size());
  }
}
