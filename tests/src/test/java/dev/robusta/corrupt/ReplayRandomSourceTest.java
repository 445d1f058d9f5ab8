package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replay semantics: draws in order, kind and size checked, exhaustion reported. */
class ReplayRandomSourceTest {
  @Test
  void servesRecordedDrawsInOrder() {
    ReplayRandomSource r = new ReplayRandomSource(List.of(
        new ReplayRandomSource.Draw("uniform", new double[] {0.25}),
        new ReplayRandomSource.Draw("randint", new double[] {-1, 1, 0, -2}),
        new ReplayRandomSource.Draw("legacy_random", new double[] {0, 1}),
        new ReplayRandomSource.Draw("poisson", new double[] {3, 0})));
    assertTrue(r.uniform(-45, 45) == 0.25);
    assertArrayEquals(new int[] {-1, 1, 0, -2}, r.randint(-2, 2, 4));
    assertArrayEquals(new boolean[] {false, true}, r.bernoulli(0.1, 2));
    assertFalse(r.exhausted());
    assertArrayEquals(new int[] {3, 0}, r.poisson(new double[] {2.5, 0.1}));
    assertTrue(r.exhausted());
    var e = assertThrows(IllegalStateException.class, () -> r.normal(0, 1, 1));
    assertTrue(e.getMessage().contains("exhausted"), e.getMessage());
  }

  @Test
  void wrongKindOrSizeIsReported() {
    ReplayRandomSource r = new ReplayRandomSource(List.of(new ReplayRandomSource.Draw("normal", new double[] {1, 2})));
    var kind = assertThrows(IllegalStateException.class, () -> r.uniform(0, 1, 2));
    assertTrue(kind.getMessage().contains("normal") && kind.getMessage().contains("uniform"), kind.getMessage());
    var size = assertThrows(IllegalStateException.class, () -> r.normal(0, 1, 3));
    assertTrue(size.getMessage().contains("2 values") && size.getMessage().contains("3"), size.getMessage());
  }

  @Test
  void seededSourceIsReproducibleAndPoissonMeanIsRight() {
    double[] lam = new double[20000];
    java.util.Arrays.fill(lam, 37.5);
    int[] a = RandomSource.seeded(4).poisson(lam);
    assertArrayEquals(a, RandomSource.seeded(4).poisson(lam));
    double m = 0;
    double v = 0;
    for (int k : a) {
      m += k;
    }
    m /= a.length;
    for (int k : a) {
      v += (k - m) * (k - m);
    }
    v /= a.length - 1;
    // mean and variance of Poisson(37.5) are 37.5; 20000 draws: standard errors 0.043 and ~0.4
    assertTrue(Math.abs(m - 37.5) < 0.2, "mean " + m);
    assertTrue(Math.abs(v - 37.5) < 2.0, "variance " + v);
  }
}
