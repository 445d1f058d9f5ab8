package dev.robusta.ood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mahalanobis (the issue's singular 2-D case), KNN and ViM on hand-checkable features. */
@Timeout(30)
class FeatureScoresTest {

  @Test
  void mahalanobisSingularCovarianceFromTheIssue() {
    double[][] f = {{-1, 0}, {1, 0}, {3, 0}, {5, 0}};
    int[] y = {0, 0, 1, 1};
    Mahalanobis m = Mahalanobis.fit(f, y); // covariance [[1, 0], [0, 0]]: singular, no exception
    assertEquals(1, m.rank());
    assertArrayEquals(new double[] {1.0, 9.0}, m.squaredDistances(new double[] {1, 0}), 1e-12);
    Scores s = m.score(new double[][] {{1, 0}, {2, 0}, {10, 0}});
    assertEquals(Orientation.HIGHER_IS_MORE_OOD, s.orientation());
    assertArrayEquals(new double[] {1.0, 4.0, 36.0}, s.values(), 1e-12);
  }

  @Test
  void scalingTheCovarianceChangesNoRanking() {
    double[][] means = {{0, 0, 0}, {4, 1, 0}};
    double[][] cov = {{2, 0.5, 0}, {0.5, 1, 0}, {0, 0, 0}};
    double[][] test = {{1, 0, 0}, {3, 3, 1}, {-2, 1, 0}, {4, 0.5, 2}, {0.5, 0.5, 0}};
    double[] base = Mahalanobis.of(means, cov).score(test).values();
    for (double c : new double[] {1e-3, 7, 1e4}) {
      double[][] scaled = new double[3][3];
      for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) scaled[i][j] = cov[i][j] * c;
      double[] v = Mahalanobis.of(means, scaled).score(test).values();
      for (int i = 0; i < v.length; i++) {
        assertEquals(base[i] / c, v[i], 1e-9 * Math.max(1, base[i] / c), "distances scale by 1/c");
        for (int j = 0; j < v.length; j++) {
          if (Math.abs(base[i] - base[j]) > 1e-9 * Math.max(base[i], base[j])) {
            assertEquals(Double.compare(base[i], base[j]), Double.compare(v[i], v[j]), "ranking");
          }
        }
      }
    }
  }

  @Test
  void mahalanobisMatchesTheClosedFormWhenInvertible() {
    double[][] means = {{0, 0}};
    double[][] cov = {{4, 0}, {0, 0.25}};
    // (x^2 / 4) + (y^2 / 0.25)
    assertEquals(1.0 + 4.0, Mahalanobis.of(means, cov).squaredDistances(new double[] {2, 1})[0], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Mahalanobis.fit(new double[][] {{1, 2}}, new int[] {1}));
  }

  @Test
  void knnUsesTheKthNormalisedNeighbour() {
    double[][] train = {{1, 0}, {0, 1}, {-1, 0}, {2, 0.0}};
    Knn knn = Knn.fit(train, 2);
    // query (5, 0) normalises to (1, 0): distances 0 (twice: (1,0) and (2,0) normalised), sqrt2, 2 -> 2nd = 0
    Scores s = knn.score(new double[][] {{5, 0}, {0, -3}});
    assertEquals(Orientation.HIGHER_IS_MORE_ID, s.orientation());
    assertEquals(0.0, s.values()[0], 1e-15);
    // (0, -1): distances sqrt2, 2, sqrt2, sqrt2 -> 2nd smallest sqrt2
    assertEquals(-Math.sqrt(2), s.values()[1], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Knn.fit(train, 5));
    assertThrows(IllegalArgumentException.class, () -> knn.score(new double[][] {{0, 0}}));
  }

  @Test
  void vimByHand() {
    // W picks the first two coordinates, b = (1, 2): u = -W^+ b = (-1, -2, 0); training features vary only in
    // the first two coordinates around u, plus a small third coordinate; sign quadruples make the cross
    // moments with the third coordinate exactly zero, so the residual space is exactly the third axis
    double[][] w = {{1, 0, 0}, {0, 1, 0}};
    double[] b = {1, 2};
    SplittableRandom r = new SplittableRandom(5);
    double[][] train = new double[200][];
    double sumMax = 0;
    double sumRes = 0;
    for (int i = 0; i < train.length; i += 4) {
      double a0 = 3 * r.nextGaussian();
      double a1 = 3 * r.nextGaussian();
      double t = 0.1 * (1 + r.nextDouble());
      train[i] = new double[] {-1 + a0, -2 + a1, t};
      train[i + 1] = new double[] {-1 + a0, -2 + a1, -t};
      train[i + 2] = new double[] {-1 - a0, -2 - a1, t};
      train[i + 3] = new double[] {-1 - a0, -2 - a1, -t};
    }
    for (double[] x : train) {
      sumMax += Math.max(x[0] + 1, x[1] + 2);
      sumRes += Math.abs(x[2]);
    }
    Vim vim = Vim.fit(w, b, train, 2);
    assertArrayEquals(new double[] {-1, -2, 0}, vim.origin(), 1e-12);
    assertEquals(sumMax / sumRes, vim.alpha(), 1e-9 * vim.alpha());
    double[] x = {0.5, 1.0, 0.3};
    double z0 = 0.5 + 1;
    double z1 = 1.0 + 2;
    double lse = Math.max(z0, z1) + Math.log(Math.exp(z0 - Math.max(z0, z1)) + Math.exp(z1 - Math.max(z0, z1)));
    Scores s = vim.score(new double[][] {x, {0.5, 1.0, 0.0}});
    assertEquals(lse - vim.alpha() * 0.3, s.values()[0], 1e-9);
    assertEquals(lse, s.values()[1], 1e-9, "a point in the principal subspace keeps its energy");
    assertEquals(Orientation.HIGHER_IS_MORE_ID, s.orientation());
    assertTrue(s.values()[0] < s.values()[1]);
  }
}
