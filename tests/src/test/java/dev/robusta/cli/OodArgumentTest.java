package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import dev.robusta.data.SyntheticOod;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ood} items: synthetic sets, any folder of images (DIR or NAME=DIR), registered sets keep their hints. */
@Timeout(60)
class OodArgumentTest {
  /** A 10-image 32x32 RGB in-distribution stand-in. */
  private static final Dataset ID = new Dataset() {
    @Override
    public String id() { return "id"; }

    @Override
    public int size() { return 10; }

    @Override
    public Sample get(int index) { return new Sample(Image.wrap(32, 32, 3, new byte[32 * 32 * 3]), 0, Map.of()); }
  };

  private static void png(Path file, int w, int h, int rgb) throws Exception {
    Files.createDirectories(file.getParent());
    BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        b.setRGB(x, y, rgb);
      }
    }
    assertTrue(ImageIO.write(b, file.toString().endsWith(".jpg") ? "jpg" : "png", file.toFile()));
  }

  @Test
  void anyFolderIsAnUnlabelledSetOfEveryDecodableImageInSortedPathOrder(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("my-photos");
    png(dir.resolve("b/c/2.jpg"), 40, 30, 0x00ff00);
    png(dir.resolve("a/1.png"), 8, 8, 0xff0000);
    png(dir.resolve("misnamed.dat"), 5, 7, 0x0000ff); // a PNG by content
    png(dir.resolve(".hidden/3.png"), 8, 8, 0xffffff);
    Files.writeString(dir.resolve("notes.txt"), "not an image");
    Files.writeString(dir.resolve("fake.jpg"), "not a JPEG either");

    Dataset named = OodArgument.resolve("mine=" + dir, ID, 1);
    assertEquals("mine", named.id());
    assertEquals(3, named.size(), named.toString());
    assertEquals(null, named.labelSpace());
    List<String> paths = new ArrayList<>();
    for (Sample s : named) {
      assertEquals(-1, s.label());
      assertEquals(3, s.image().channels());
      paths.add(dir.relativize(Path.of(s.meta().get("path"))).toString());
    }
    assertEquals(List.of("a/1.png", "b/c/2.jpg", "misnamed.dat"), paths);
    assertEquals(255, named.get(0).image().get(0, 0, 0));
    assertEquals(40, named.get(1).image().width());
    assertEquals(7, named.get(2).image().height());

    Dataset plain = OodArgument.resolve(dir.toString(), ID, 1);
    assertEquals("my-photos", plain.id(), "named after the folder");
    assertEquals(3, plain.size());
  }

  @Test
  void syntheticSetsTakeTheIdImageShapeAndAFifthOfItsSize() {
    Dataset g = OodArgument.resolve("Gaussian", ID, 7);
    assertTrue(g instanceof SyntheticOod, g.toString());
    assertEquals(2, g.size());
    Image img = g.get(0).image();
    assertEquals(List.of(32, 32, 3), List.of(img.height(), img.width(), img.channels()));
  }

  @Test
  void errorsNameTheItemAndKeepTheLoadersHint(@TempDir Path tmp) throws Exception {
    UsageException e = assertThrows(UsageException.class, () -> OodArgument.resolve("no-such-thing", ID, 1));
    assertTrue(e.getMessage().contains("'no-such-thing' is neither a synthetic set, a registered id nor a folder"),
        e.getMessage());
    Files.createDirectories(tmp.resolve("empty"));
    e = assertThrows(UsageException.class, () -> OodArgument.resolve("x=" + tmp.resolve("empty"), ID, 1));
    assertTrue(e.getMessage().contains("holds no JPEG, PNG, GIF or BMP file"), e.getMessage());
    e = assertThrows(UsageException.class, () -> OodArgument.resolve("x=" + tmp.resolve("absent"), ID, 1));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    // a registered id with a folder that is not a copy of it: the registry loader's own message and hint
    e = assertThrows(UsageException.class, () -> OodArgument.resolve("tiny-imagenet=" + tmp.resolve("empty"), ID, 1));
    assertTrue(e.getMessage().startsWith("OOD set 'tiny-imagenet="), e.getMessage());
    assertFalse(e.hint().contains("synthetic sets:"), "the generic hint replaced the loader's: " + e.hint());
  }
}
