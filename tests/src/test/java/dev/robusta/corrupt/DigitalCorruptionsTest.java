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
 * (README 3.7): contrast, pixelate and jpeg_compression exact; brightness and saturate max 1, mean
 * abs &lt;= 0.01; elastic_transform given the recorded draws max 2, mean abs &lt;= 0.05.
 */
@Timeout(120)
class DigitalCorruptionsTest {
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
    assertTrue(d.max() <= 2 && d.mean() <= 0.05, c + ": " + d);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void matchesGolden(Golden g) {
    Image out = Corruption.named(g.corruption()).apply(CorruptionOracles.clean(g.image()), g.severity(),
        g.preset(), new ReplayRandomSource(List.of()));
    Diff d = Diff.of(out, CorruptionOracles.png(g.png()));
    if (g.corruption().equals("contrast") || g.corruption().equals("pixelate")
        || g.corruption().equals("jpeg_compression")) {
      assertEquals(0, d.max(), g + ": " + d);
    } else {
      assertTrue(d.max() <= 1 && d.mean() <= 0.01, g + ": " + d);
    }
  }
}
