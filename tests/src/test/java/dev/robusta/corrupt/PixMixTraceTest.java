package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.Image;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link PixMix#trace}: the same draws as {@code apply}, its last step is apply's output before Normalize. */
@Timeout(60)
class PixMixTraceTest {

  private static Image noise(int size, int channels, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] p = new byte[size * size * channels];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) r.nextInt(256);
    }
    return Image.wrap(size, size, channels, p);
  }

  @Test
  void lastStepIsApplysOutputAndRoundsAreBoundedByK() {
    PixMix px = PixMix.builder().k(4).normalize(new float[] {0f}, new float[] {1f}).build();
    Image img = noise(24, 3, 1);
    Image pic = FractalPictures.generate(24, 3, 5L);
    Set<Integer> rounds = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      List<PixMix.Step> steps = px.trace(img, pic, seed);
      float[] out = px.apply(img, pic, AugmentRandom.seeded(seed));
      Image last = steps.get(steps.size() - 1).result();
      int plane = 24 * 24;
      for (int c = 0; c < 3; c++) {
        for (int i = 0; i < plane; i++) {
          int want = Math.round(Math.min(1f, Math.max(0f, out[c * plane + i])) * 255f);
          assertEquals(want, last.get(i / 24, i % 24, c), "seed " + seed + " channel " + c + " pixel " + i);
        }
      }
      assertTrue(steps.size() >= 1 && steps.size() <= 5, "start + 0..k rounds, got " + steps.size());
      assertNull(steps.get(0).mixing());
      assertTrue(steps.get(0).source().contains("original"));
      for (PixMix.Step s : steps.subList(1, steps.size())) {
        assertTrue(s.source().equals("mixing picture") || s.source().startsWith("augmented original ("), s.source());
        assertTrue(s.mixing() != null && Double.isFinite(s.a()) && Double.isFinite(s.b()));
      }
      rounds.add(steps.size() - 1);
    }
    assertEquals(Set.of(0, 1, 2, 3, 4), rounds, "40 seeds must draw every round count 0..4");
  }

  @Test
  void traceRejectsAMismatchedPicture() {
    PixMix px = PixMix.builder().build();
    assertThrows(IllegalArgumentException.class, () -> px.trace(noise(24, 3, 1), noise(24, 1, 2), 0L));
  }
}
