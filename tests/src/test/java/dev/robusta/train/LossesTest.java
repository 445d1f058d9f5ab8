package dev.robusta.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loss terms against closed forms and a plain-Java double-precision reference. */
class LossesTest {
  private static NDManager m;

  @BeforeAll
  static void open() { m = NDManager.newBaseManager("PyTorch"); }

  @AfterAll
  static void close() { m.close(); }

  @ParameterizedTest
  @CsvSource({"10, 0.0", "10, 3.7", "10, -250", "2, 1.0", "100, 12.5", "1000, 0.0"})
  void outlierExposureOnEqualLogitsIsLogC(int classes, float value) {
    float[] v = new float[7 * classes];
    java.util.Arrays.fill(v, value);
    double oe = Losses.outlierExposure(m.create(v, new Shape(7, classes))).getFloat();
    assertEquals(Math.log(classes), oe, 1e-6 * Math.log(classes), "OE term of equal logits, C=" + classes);
  }

  @Test
  void outlierExposureAboveLogCOtherwiseAndMatchesReference() {
    double[][] z = random(9, 10, 3.0, 1);
    double ref = 0;
    for (double[] row : z) {
      ref += lse(row) - mean(row);
    }
    ref /= z.length;
    double oe = Losses.outlierExposure(array(z)).getFloat();
    assertEquals(ref, oe, 1e-5);
    assertTrue(oe > Math.log(10));
  }

  @ParameterizedTest
  @CsvSource({"0.0", "0.1", "0.3"})
  void crossEntropyWithLabelSmoothingMatchesReference(double eps) {
    double[][] z = random(6, 5, 2.0, 2);
    long[] y = {0, 4, 2, 2, 1, 3};
    double ref = 0;
    for (int i = 0; i < z.length; i++) {
      double l = lse(z[i]);
      for (int c = 0; c < 5; c++) {
        double t = (c == y[i] ? 1 - eps : 0) + eps / 5;
        ref -= t * (z[i][c] - l);
      }
    }
    ref /= z.length;
    assertEquals(ref, Losses.crossEntropy(array(z), m.create(y), eps).getFloat(), 1e-5);
  }

  @Test
  void jensenShannonMatchesAugMixReference() {
    double[][] a = random(4, 10, 2.0, 3);
    double[][] b = random(4, 10, 2.0, 4);
    double[][] c = random(4, 10, 2.0, 5);
    double ref = 0;
    for (int i = 0; i < 4; i++) {
      double[] pa = softmax(a[i]);
      double[] pb = softmax(b[i]);
      double[] pc = softmax(c[i]);
      for (int k = 0; k < 10; k++) {
        double mk = Math.log(Math.min(1, Math.max(1e-7, (pa[k] + pb[k] + pc[k]) / 3)));
        ref += pa[k] * (Math.log(pa[k]) - mk) + pb[k] * (Math.log(pb[k]) - mk) + pc[k] * (Math.log(pc[k]) - mk);
      }
    }
    ref = ref / 4 / 3;
    assertEquals(ref, Losses.jensenShannon(array(a), array(b), array(c)).getFloat(), 1e-6);
    assertEquals(0, Losses.jensenShannon(array(a), array(a), array(a)).getFloat(), 1e-6);
  }

  @Test
  void badInputsAreRejectedWithTheReason() {
    NDArray z = m.zeros(new Shape(3, 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Losses.crossEntropy(z, m.create(new long[] {0, 1, 2}), 1.0));
    assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Losses.rotation(z, m.create(new long[] {0, 1, 2})));
    assertTrue(e.getMessage().contains("4 logits"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Losses.outlierExposure(m.zeros(new Shape(5))));
    assertTrue(e.getMessage().contains("[N, C]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Losses.jensenShannon(z, m.zeros(new Shape(2, 5)), z));
    assertTrue(e.getMessage().contains("aug1 must have 3 rows"), e.getMessage());
  }

  private static NDArray array(double[][] z) {
    float[] f = new float[z.length * z[0].length];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z[0].length; j++) {
        f[i * z[0].length + j] = (float) z[i][j];
        z[i][j] = f[i * z[0].length + j];
      }
    }
    return m.create(f, new Shape(z.length, z[0].length));
  }

  private static double[][] random(int n, int c, double scale, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] z = new double[n][c];
    for (double[] row : z) {
      for (int j = 0; j < c; j++) {
        row[j] = (float) ((r.nextDouble() * 2 - 1) * scale);
      }
    }
    return z;
  }

  private static double lse(double[] v) {
    double mx = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      mx = Math.max(mx, x);
    }
    double s = 0;
    for (double x : v) {
      s += Math.exp(x - mx);
    }
    return mx + Math.log(s);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double[] softmax(double[] v) {
    double l = lse(v);
    double[] p = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      p[i] = Math.exp(v[i] - l);
    }
    return p;
  }
}
