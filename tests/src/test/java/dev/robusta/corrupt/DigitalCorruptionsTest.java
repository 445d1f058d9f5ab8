package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.corrupt.CorruptionOracles.Diff;
import dev.robusta.corrupt.CorruptionOracles.Golden;
import dev.robusta.corrupt.CorruptionOracles.Replay;
import dev.robusta.data.Image;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Digital corruptions against the golden PNGs on every oracle image x severity x reference
 * (README 3.7) and elastic_transform given the recorded draws: all bit-exact (the README would
 * accept max 1 for brightness, saturate and pixelate, PSNR 38 dB for JPEG, max 2 for elastic).
 */
@Timeout(120)
class DigitalCorruptionsTest {
  static final GoldenSummary SUMMARY = new GoldenSummary("Digital corruptions vs golden PNGs");

  @org.junit.jupiter.api.AfterAll
  static void printSummary() {
    SUMMARY.print();
  }

  static Stream<Golden> goldens() {
    return CorruptionOracles.manifest(List.of("contrast", "brightness", "saturate", "pixelate", "jpeg_compression")).stream();
  }

  static Stream<Replay> replays() {
    return CorruptionOracles.replays(List.of("elastic_transform")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replays")
  void elasticMatchesGoldenGivenDraws(Replay c) {
    ReplayRandomSource src = c.source();
    Image out = Corruption.named(c.corruption()).apply(CorruptionOracles.clean(c.image()), c.severity(), c.preset(), src);
    assertTrue(src.exhausted(), "every recorded draw is used");
    Diff d = Diff.of(out, CorruptionOracles.png(c.goldenPng()));
    SUMMARY.add(c.corruption(), c.impl(), d);
    // README 3.7 allows max 2, mean 0.05; bit-exact
    assertEquals(0, d.max(), c + ": " + d);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void matchesGolden(Golden g) {
    Image out = Corruption.named(g.corruption()).apply(CorruptionOracles.clean(g.image()), g.severity(),
        g.preset(), new ReplayRandomSource(List.of()));
    Diff d = Diff.of(out, CorruptionOracles.png(g.png()));
    SUMMARY.add(g.corruption(), g.impl(), d);
    // README 3.7: contrast exact; brightness, saturate, pixelate max 1; jpeg codec dependent - all bit-exact
    assertEquals(0, d.max(), g + ": " + d);
  }
}
