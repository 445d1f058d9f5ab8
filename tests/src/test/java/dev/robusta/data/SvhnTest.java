package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.Datasets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SVHN's .mat layout, on a 3-image file written by scipy.io.savemat (make_svhn_tiny.py beside it). */
@Timeout(30)
class SvhnTest {
  @TempDir Path tmp;

  @Test
  void readsScipyWrittenMatWithLabel10AsDigit0() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("svhn_tiny.mat")) {
      Files.write(tmp.resolve("test_32x32.mat"), in.readAllBytes());
    }
    assertThrows(LayoutMismatchException.class, () -> Datasets.load("svhn", tmp), "26,032 images expected");
    Dataset d = Datasets.loadPartial("svhn", tmp);
    assertEquals(3, d.size());
    assertEquals(0, d.get(0).label(), "label 10 means digit 0");
    assertEquals(1, d.get(1).label());
    assertEquals(5, d.get(2).label());
    assertEquals(24, d.get(1).image().get(1, 2, 0), "scipy.io.loadmat gives X[1,2,0,1] = 24");
    for (int n = 0; n < 3; n++) {
      Image img = d.get(n).image();
      for (int r = 0; r < 32; r += 5) {
        for (int c = 0; c < 32; c += 3) {
          for (int ch = 0; ch < 3; ch++) {
            assertEquals((7 * r + 3 * c + 50 * ch + 11 * n) % 256, img.get(r, c, ch));
          }
        }
      }
    }
    Files.writeString(tmp.resolve("test_32x32.mat"), "MATLAB 5.0 but not really");
    assertThrows(DatasetException.class, () -> Datasets.loadPartial("svhn", tmp));
  }
}
