package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.corrupt.CorruptionOracles.Diff;
import dev.robusta.corrupt.CorruptionOracles.Replay;
import dev.robusta.data.Image;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fog, snow and spatter against the golden PNGs of both references given the recorded draws, with
 * the README 3.7 tolerances, plus the edge cases of issue 4.
 */
@Timeout(60)
class WeatherCorruptionsTest {
  static final List<String> WEATHER = List.of("fog", "snow", "spatter");

  static Stream<Replay> replays() {
    List<Replay> r = CorruptionOracles.replays(WEATHER);
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
    System.out.println("[weather golden] " + c + ": " + d);
    // README 3.7 allows max 1 (fog, spatter), max 2 / mean 0.5 (snow vs hendrycks); what is achieved is
    // demanded: fog and snow bit-exact for both references, spatter bit-exact vs hendrycks and within 1 of
    // imagecorruptions (whose mud branch differs from hendrycks' in a few pixels)
    boolean exact = !(c.corruption().equals("spatter") && c.impl().equals("imagecorruptions"));
    if (exact) {
      assertEquals(0, d.max(), c + ": " + d);
    } else {
      assertTrue(d.max() <= 1 && d.mean() <= 0.01, c + ": " + d);
    }
  }

  @Test
  void fogOnAllZeroImagesKeepsShapeAndStaysZero() {
    for (int[] hw : new int[][] {{128, 128}, {100, 150}}) {
      for (Preset p : Preset.values()) {
        Image zero = new Image(hw[0], hw[1], 3, new byte[hw[0] * hw[1] * 3]);
        Image out = Corruption.named("fog").apply(zero, 5, p, 1L);
        assertEquals(hw[0], out.height());
        assertEquals(hw[1], out.width());
        assertEquals(zero, out, "fog of an all-zero image must stay all zero (" + p + ")");
      }
    }
  }
}
