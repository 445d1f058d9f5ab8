package dev.robusta.corrupt;

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
 * Blur corruptions against the golden PNGs (README 3.7): deterministic ones (gaussian, defocus,
 * zoom) on every oracle image x severity x reference, max 1 and mean abs &lt;= 0.01; glass blur
 * (max 1, mean 0.01) and motion blur (port: max 1 mean 0.01, ImageMagick: max 1 mean 0.02) given
 * the recorded draws.
 */
@Timeout(120)
class BlurCorruptionsTest {
  static final List<String> DETERMINISTIC = List.of("gaussian_blur", "defocus_blur", "zoom_blur");
  static final List<String> RANDOM = List.of("glass_blur", "motion_blur");

  static Stream<Golden> goldens() {
    return CorruptionOracles.manifest(DETERMINISTIC).stream();
  }

  static Stream<Replay> replays() {
    return CorruptionOracles.replays(RANDOM).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void deterministicBlurMatchesGolden(Golden g) {
    Image out = Corruption.named(g.corruption()).apply(CorruptionOracles.clean(g.image()), g.severity(),
        g.preset(), new ReplayRandomSource(List.of()));
    Diff d = Diff.of(out, CorruptionOracles.png(g.png()));
    assertTrue(d.max() <= 1 && d.mean() <= 0.01, g + ": " + d);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replays")
  void randomBlurMatchesGoldenGivenDraws(Replay c) {
    ReplayRandomSource src = c.source();
    Image out = Corruption.named(c.corruption()).apply(CorruptionOracles.clean(c.image()), c.severity(), c.preset(), src);
    assertTrue(src.exhausted(), "every recorded draw is used");
    Diff d = Diff.of(out, CorruptionOracles.png(c.goldenPng()));
    double meanTol = c.corruption().equals("motion_blur") && c.impl().equals("hendrycks") ? 0.02 : 0.01;
    assertTrue(d.max() <= 1 && d.mean() <= meanTol, c + ": " + d);
  }
}
