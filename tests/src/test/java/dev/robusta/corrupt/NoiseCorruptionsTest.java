package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.corrupt.CorruptionOracles.Diff;
import dev.robusta.corrupt.CorruptionOracles.Replay;
import dev.robusta.data.Image;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gaussian, shot, impulse and speckle noise against the golden PNGs of both references, fed the
 * recorded draws (README 3.4): exact, speckle/gaussian allowing max 1 on at most 0.01% of values.
 */
@Timeout(60)
class NoiseCorruptionsTest {
  static final List<String> NOISE = List.of("gaussian_noise", "shot_noise", "impulse_noise", "speckle_noise");

  static Stream<Replay> replays() {
    List<Replay> r = CorruptionOracles.replays(NOISE);
    assertFalse(r.isEmpty());
    return r.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replays")
  void reproducesGoldenGivenRecordedDraws(Replay c) {
    ReplayRandomSource src = c.source();
    Image out = Corruption.named(c.corruption()).apply(CorruptionOracles.clean(c.image()), c.severity(), c.preset(), src);
    assertTrue(src.exhausted(), "every recorded draw is used");
    Diff d = Diff.of(out, CorruptionOracles.png(c.goldenPng()));
    if (c.corruption().equals("gaussian_noise") || c.corruption().equals("speckle_noise")) {
      assertTrue(d.max() <= 1 && d.nonZero() <= d.n() * 1e-4, c + ": " + d);
    } else {
      assertEquals(0, d.max(), c + ": " + d);
    }
  }
}
