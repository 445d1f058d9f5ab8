package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.Image;
import dev.robusta.testing.Shared;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image grids as PNG: the 19 ImageNet-C corruptions x 5 severities of a picture, and augmentation samples. */
class ImageGridTest {
  @TempDir Path dir;

  private static Image read(Path p) {
    try {
      return Image.of(ImageIO.read(p.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reference (hendrycks) output for a corruption and severity of dog224, from the oracle PNGs. */
  private static Image golden(Path folder, String corruption, int severity) {
    try (Stream<Path> s = Files.list(folder)) {
      Path p = s.filter(f -> {
        String n = f.getFileName().toString();
        return n.startsWith(corruption + "_s" + severity + "_") && (n.endsWith("_both.png") || n.endsWith("_hendrycks.png"));
      }).findFirst().orElseThrow(() -> new AssertionError("no golden " + corruption + " s" + severity));
      return read(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void pictureAndIts19CorruptionsAt5Severities() throws Exception {
    Path folder = Shared.path("oracles/corruptions/dog224");
    Image clean = read(Shared.path("oracles/corruptions/clean/dog224.png"));
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      s.map(p -> p.getFileName().toString().replaceAll("_s[1-5]_.*", "")).distinct().sorted().forEach(names::add);
    }
    assertEquals(19, names.size(), names.toString());
    int cell = 112;
    ImageGrid g = ImageGrid.corruptions("dog224 under ImageNet-C", clean, names, (c, sev) -> golden(folder, c, sev),
        cell);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(g.png()));
    assertEquals(130 + 6 * (cell + 4), png.getWidth());
    assertEquals(44 + 19 * (cell + 4), png.getHeight());
    assertTrue(g.toString().contains("19 rows x 6 columns"), g.toString());
    // cells are the pictures: the mean colour of the fog s5 cell is the mean colour of the golden image
    int row = names.indexOf("fog");
    double[] cellMean = mean(png, 130 + 5 * (cell + 4), 44 + row * (cell + 4), cell);
    BufferedImage ref = golden(folder, "fog", 5).toBufferedImage();
    double[] refMean = mean(ref, 0, 0, 224);
    for (int c = 0; c < 3; c++) {
      assertEquals(refMean[c], cellMean[c], 2.0, "channel " + c);
    }
    Map<String, String> bundle = g.mimeBundle();
    assertEquals(g.png().length, Base64.getDecoder().decode(bundle.get("image/png")).length);
    assertTrue(bundle.containsKey("text/plain"));
    Path file = g.write(dir.resolve("grid.png"));
    assertArrayEquals(g.png(), Files.readAllBytes(file));
  }

  private static double[] mean(BufferedImage im, int x0, int y0, int size) {
    double[] m = new double[3];
    for (int y = y0; y < y0 + size; y++) {
      for (int x = x0; x < x0 + size; x++) {
        int rgb = im.getRGB(x, y);
        m[0] += (rgb >> 16) & 255;
        m[1] += (rgb >> 8) & 255;
        m[2] += rgb & 255;
      }
    }
    for (int c = 0; c < 3; c++) {
      m[c] /= (double) size * size;
    }
    return m;
  }

  @Test
  void smallPicturesAreEnlargedPixelExact() throws Exception {
    byte[] px = new byte[32 * 32 * 3];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (i * 7);
    }
    Image small = Image.wrap(32, 32, 3, px);
    Map<String, List<Image>> samples = new LinkedHashMap<>();
    samples.put("AugMix", List.of(small, small));
    samples.put("PixMix", List.of(small));
    ImageGrid g = ImageGrid.samples("augmentation samples", small, samples, 64);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(g.png()));
    // nearest-neighbour x2: grid pixel (2x+1, 2y+1) of the first cell equals source pixel (x, y)
    for (int[] p : new int[][] {{0, 0}, {5, 17}, {31, 31}}) {
      int rgb = png.getRGB(130 + 2 * p[0] + 1, 44 + 2 * p[1] + 1);
      assertEquals(small.get(p[1], p[0], 0), (rgb >> 16) & 255);
      assertEquals(small.get(p[1], p[0], 2), rgb & 255);
    }
    assertTrue(g.toString().contains("2 rows x 3 columns"), g.toString());
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.of("t", List.of("a"), List.of("x"),
        List.of(List.of(small, small)), 64));
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.of("t", List.of("a"), List.of("x"),
        List.of(List.of(small)), 4));
  }
}
