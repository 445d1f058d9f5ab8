package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Augmentations;
import dev.robusta.data.Image;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seeded IFS fractal generator: determinism, shape, value range, coverage and the grey/RGB relation. */
@Timeout(60)
class FractalPicturesTest {

  private static double cover(Image im) {
    byte[] p = im.pixels();
    int lit = 0;
    int n = im.height() * im.width();
    for (int i = 0; i < n; i++) {
      boolean on = false;
      for (int c = 0; c < im.channels(); c++) {
        on |= p[i * im.channels() + c] != 0;
      }
      lit += on ? 1 : 0;
    }
    return (double) lit / n;
  }

  @Test
  void sameSeedSamePicturesOtherSeedOtherPictures() {
    List<Image> a = FractalPictures.generate(6, 32, 3, 11L);
    List<Image> b = Augmentations.fractals(6, 32, 3, 11L);
    assertEquals(a, b, "the same (count, size, channels, seed) must give identical pictures");
    List<Image> c = FractalPictures.generate(6, 32, 3, 12L);
    for (int i = 0; i < 6; i++) {
      assertNotEquals(a.get(i), c.get(i), "picture " + i + " must depend on the seed");
    }
    assertEquals(6, a.stream().distinct().count(), "the pictures of one set must differ from each other");
  }

  @Test
  void shapeRangeAndCoverage() {
    for (int size : new int[] {8, 28, 64}) {
      for (Image im : FractalPictures.generate(10, size, 3, 3L)) {
        assertEquals(size, im.height());
        assertEquals(size, im.width());
        assertEquals(3, im.channels());
        int[] v = new int[im.pixels().length];
        byte[] p = im.pixels();
        for (int i = 0; i < p.length; i++) {
          v[i] = p[i] & 0xff;
        }
        int max = Arrays.stream(v).max().getAsInt();
        assertTrue(max >= 64 && max <= 255, "brightest value " + max + " at size " + size);
        assertEquals(0, Arrays.stream(v).min().getAsInt(), "the background is black");
        if (size >= 28) {
          double cov = cover(im);
          assertTrue(cov >= 0.08 && cov <= 0.60, "coverage " + cov + " outside the accepted 8..60%");
        }
      }
    }
  }

  @Test
  void greyIsTheLumaOfTheColourPicture() {
    Image rgb = FractalPictures.generate(28, 3, 99L);
    Image grey = FractalPictures.generate(28, 1, 99L);
    assertEquals(1, grey.channels());
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        long want = Math.round(0.299 * rgb.get(y, x, 0) + 0.587 * rgb.get(y, x, 1) + 0.114 * rgb.get(y, x, 2));
        assertEquals(want, grey.get(y, x, 0), "pixel " + y + "," + x);
      }
    }
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> FractalPictures.generate(0, 28, 1, 1L));
    assertThrows(IllegalArgumentException.class, () -> FractalPictures.generate(2, 7, 1, 1L));
    assertThrows(IllegalArgumentException.class, () -> FractalPictures.generate(28, 2, 1L));
  }
}
