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
 * recorded draws (README 3.4): bit-exact (the README would allow max 1 on 0.01% of values for
 * gaussian and speckle).
 */
@Timeout(60)
class NoiseCorruptionsTest {
  static final GoldenSummary SUMMARY = new GoldenSummary("Noise corruptions vs golden PNGs (given recorded draws)");

  @org.junit.jupiter.api.AfterAll
  static void printSummary() {
    SUMMARY.print();
  }

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
    SUMMARY.add(c.corruption(), c.impl(), d);
    // README 3.7 allows max 1 on 0.01% of values for gaussian/speckle; all four are bit-exact
    assertEquals(0, d.max(), c + ": " + d);
  }
}
