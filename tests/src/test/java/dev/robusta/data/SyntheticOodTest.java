package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.SyntheticOod.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SyntheticOodTest {

  @Test
  void gaussianIsClippedHalfSigmaNoise() {
    SyntheticOod g = new SyntheticOod(Kind.GAUSSIAN, 200, 32, 32, 3, 1);
    long n = 0;
    long clipped = 0;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < g.size(); i++) {
      for (float v : g.tensor(i)) {
        assertTrue(v >= -1f && v <= 1f);
        n++;
        sum += v;
        sq += v * v;
        if (Math.abs(v) == 1f) {
          clipped++;
        }
      }
    }
    assertEquals(0.0, sum / n, 0.005);
    // P(|N(0, 0.5)| > 1) = 2 * (1 - Phi(2)) = 0.0455
    assertEquals(0.0455, (double) clipped / n, 0.003);
    // variance of clip(N(0,0.25), -1, 1) = 0.25 * (1 - 0.0455 - 2*2*phi(2)) + 0.0455 = 0.2337...
    double var = sq / n;
    assertEquals(0.2337, var, 0.004);
  }

  @Test
  void rademacherIsPlusMinusOne() {
    SyntheticOod r = new SyntheticOod(Kind.RADEMACHER, 50, 32, 32, 3, 7);
    long plus = 0;
    long n = 0;
    for (int i = 0; i < r.size(); i++) {
      for (float v : r.tensor(i)) {
        assertTrue(v == 1f || v == -1f);
        plus += v > 0 ? 1 : 0;
        n++;
      }
      Sample s = r.get(i);
      for (byte b : s.image().pixels()) {
        assertTrue((b & 0xff) == 0 || (b & 0xff) == 255);
      }
      assertEquals(-1, s.label());
    }
    assertEquals(0.5, (double) plus / n, 0.01);
  }

  @Test
  void uniformCoversMinusOneToOne() {
    SyntheticOod u = new SyntheticOod(Kind.UNIFORM, 50, 16, 16, 1, 3);
    double sum = 0;
    int n = 0;
    for (int i = 0; i < u.size(); i++) {
      for (float v : u.tensor(i)) {
        assertTrue(v >= -1f && v < 1f);
        sum += v;
        n++;
      }
    }
    assertEquals(0.0, sum / n, 0.02);
    assertEquals(1, u.get(0).image().channels());
  }

  /** Golden values from scipy.ndimage.gaussian_filter(m, 1.5, mode='nearest', truncate=4.0), scipy 1.10.1. */
  @Test
  void blobBlurMatchesScipyOnAFixedMask() {
    int h = 32;
    int w = 32;
    int c = 3;
    double[] m = new double[h * w * c];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int k = 0; k < c; k++) {
          m[(y * w + x) * c + k] = ((y * 7 + x * 3 + k * 5) % 10) < 7 ? 1 : 0;
        }
      }
    }
    double[] b = GaussianBlur3d.blur(m, new int[] {h, w, c}, 1.5, 4.0);
    assertEquals(0.7967448172500973, b[0], 1e-12);
    assertEquals(0.6926537681251825, b[(5 * w + 9) * c + 1], 1e-12);
    assertEquals(0.7967448172500973, b[(31 * w + 31) * c + 2], 1e-12);
    assertEquals(0.6864087013869516, b[(16 * w + 3) * c], 1e-12);
    int kept = 0;
    double sum = 0;
    for (double v : b) {
      if (v >= 0.75) {
        kept++;
        sum += v;
      }
    }
    assertEquals(12, kept);
    assertEquals(9.444878166069067, sum, 1e-9);
    double[] blobs = SyntheticOod.blobsFromMask(m, h, w, c);
    assertEquals(2 * 0.7967448172500973 - 1, blobs[0], 1e-12);
    assertEquals(-1.0, blobs[(5 * w + 9) * c + 1], 0.0);
  }

  @Test
  void blobsAreMostlyMinusOneWithBrightBlobs() {
    SyntheticOod b = new SyntheticOod(Kind.BLOBS, 20, 32, 32, 3, 11);
    long minus = 0;
    long n = 0;
    for (int i = 0; i < b.size(); i++) {
      for (float v : b.tensor(i)) {
        assertTrue(v == -1f || (v >= 0.5f - 1e-6f && v <= 1f), "blob value " + v);
        minus += v == -1f ? 1 : 0;
        n++;
      }
    }
    double frac = (double) minus / n;
    assertTrue(frac > 0.2 && frac < 0.95, "fraction at -1: " + frac);
  }

  @Test
  void seededRandomAccessIsRepeatable() {
    for (Kind k : Kind.values()) {
      SyntheticOod a = new SyntheticOod(k, 10, 8, 8, 3, 42);
      SyntheticOod b = new SyntheticOod(k, 10, 8, 8, 3, 42);
      SyntheticOod other = new SyntheticOod(k, 10, 8, 8, 3, 43);
      assertArrayEquals(a.tensor(7), b.tensor(7));
      assertEquals(a.get(3).image(), b.get(3).image());
      assertFalse(java.util.Arrays.equals(a.tensor(7), a.tensor(6)), k + ": samples 6 and 7 equal");
      assertFalse(java.util.Arrays.equals(a.tensor(7), other.tensor(7)), k + ": seed ignored");
      assertTrue(a.toString().contains("seed 42"));
    }
    assertThrows(IllegalArgumentException.class, () -> new SyntheticOod(Kind.BLOBS, 10, 8, 8, 2, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> new SyntheticOod(Kind.BLOBS, 10, 8, 8, 3, 1).get(10));
  }

  @Test
  void pixelRenderingInvertsToTensorWithin1Over255() {
    SyntheticOod g = new SyntheticOod(Kind.GAUSSIAN, 3, 8, 8, 3, 5);
    float[] t = g.tensor(2);
    Image img = g.get(2).image();
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          double back = img.get(y, x, c) / 255.0 * 2 - 1;
          assertEquals(t[(c * 8 + y) * 8 + x], back, 1.0 / 255 + 1e-6);
        }
      }
    }
  }
}
