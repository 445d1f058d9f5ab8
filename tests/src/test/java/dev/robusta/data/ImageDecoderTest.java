package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.ImageDecoder.Backend;
import dev.robusta.data.ImageDecoder.Channels;
import dev.robusta.testing.Shared;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ImageDecoderTest {
  @TempDir Path tmp;

  /** An 8x8 CMYK JPEG laid out like Photoshop/PIL write it: Adobe APP14 marker, inverted ink values. */
  static byte[] whiteCmykJpeg() throws Exception {
    WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 8, 8, 4, null);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        for (int c = 0; c < 4; c++) {
          r.setSample(x, y, c, 255); // inverted: 255 = no ink
        }
      }
    }
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bo)) {
      w.setOutput(out);
      w.write(null, new IIOImage(r, null, null), null);
    }
    byte[] raw = bo.toByteArray();
    byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    byte[] out = new byte[raw.length + app14.length];
    System.arraycopy(raw, 0, out, 0, 2);
    System.arraycopy(app14, 0, out, 2, app14.length);
    System.arraycopy(raw, 2, out, 2 + app14.length, raw.length - 2);
    return out;
  }

  @Test
  void whiteCmykJpegDecodesToWhiteRgb() throws Exception {
    Path f = tmp.resolve("cmyk.jpg");
    Files.write(f, whiteCmykJpeg());
    assertEquals(4, ImageFormat.jpegComponents(Files.readAllBytes(f)));
    for (Backend b : Backend.values()) {
      Image img = ImageDecoder.of(Channels.RGB, b).read(f);
      assertEquals(3, img.channels());
      assertEquals(8, img.height());
      for (byte v : img.pixels()) {
        assertTrue((v & 0xff) >= 250, "CMYK white decoded to " + (v & 0xff) + " with " + b);
      }
    }
  }

  @Test
  void pngDataInJpegFileIsDetectedByContent() throws Exception {
    BufferedImage red = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        red.setRGB(x, y, 0xFF0000);
      }
    }
    Path f = tmp.resolve("n01440764_10027.JPEG");
    ImageIO.write(red, "png", f.toFile());
    Image img = ImageDecoder.decode(f);
    assertEquals(8, img.width());
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        assertEquals(255, img.get(y, x, 0));
        assertEquals(0, img.get(y, x, 1));
        assertEquals(0, img.get(y, x, 2));
      }
    }
  }

  @Test
  void truncatedJpegThrowsNamingTheFile() throws Exception {
    Path src = Shared.path("data/datasets/imagenet-sample-images/n01440764_tench.JPEG");
    byte[] all = Files.readAllBytes(src);
    Path f = tmp.resolve("cut short.JPEG");
    Files.write(f, Arrays.copyOf(all, all.length / 2));
    for (Backend b : Backend.values()) {
      ImageDecodeException e = assertThrows(ImageDecodeException.class,
          () -> ImageDecoder.of(Channels.RGB, b).read(f));
      assertTrue(e.getMessage().contains("cut short.JPEG"), e.getMessage());
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
      assertEquals(f.toString(), e.file());
    }
  }

  @Test
  void truncatedPngAndGarbageThrow() throws Exception {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 64; i++) {
      img.setRGB(i, i, 0x123456 * i);
    }
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    ImageIO.write(img, "png", bo);
    byte[] png = bo.toByteArray();
    Path f = tmp.resolve("half.png");
    Files.write(f, Arrays.copyOf(png, png.length / 2));
    assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(f));
    Path g = tmp.resolve("text.jpg");
    Files.writeString(g, "not an image");
    ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(g));
    assertTrue(e.getMessage().contains("unrecognised image format"), e.getMessage());
    assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(tmp.resolve("missing.jpg")));
  }

  @Test
  void greyscaleJpegKeptOrReplicated() {
    Path f = Shared.path("data/datasets/imagenet-sample-images/n03804744_nail.JPEG");
    for (Backend b : Backend.values()) {
      Image keep = ImageDecoder.of(Channels.KEEP, b).read(f);
      assertEquals(1, keep.channels(), "greyscale kept as 1 channel with " + b);
      Image rgb = ImageDecoder.of(Channels.RGB, b).read(f);
      assertEquals(3, rgb.channels());
      assertEquals(keep.toRgb(), rgb);
    }
  }

  @Test
  void apostropheInFileNameAndBothBackendsAgree() throws Exception {
    Path dir = Shared.path("data/datasets/imagenet-sample-images");
    Path f = dir.resolve("n03992509_potter's_wheel.JPEG");
    assertTrue(Files.exists(f));
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().limit(12).toList();
    }
    files = Stream.concat(Stream.of(f), files.stream()).toList();
    for (Path p : files) {
      Image a = ImageDecoder.of(Channels.RGB, Backend.AUTO).read(p);
      Image b = ImageDecoder.of(Channels.RGB, Backend.IMAGEIO).read(p);
      assertEquals(a.height(), b.height());
      assertEquals(a.width(), b.width());
      byte[] pa = a.pixels();
      byte[] pb = b.pixels();
      int max = 0;
      long sum = 0;
      for (int i = 0; i < pa.length; i++) {
        int d = Math.abs((pa[i] & 0xff) - (pb[i] & 0xff));
        max = Math.max(max, d);
        sum += d;
      }
      // libjpeg-turbo (bit-exact with PIL on these files) vs the JDK's libjpeg 6b: identical on most
      // files, up to 9 levels apart (mean 0.77) on some where chroma upsampling differs
      assertTrue(max <= 12 && sum <= pa.length, p + ": OpenCV and TwelveMonkeys differ by max " + max
          + ", mean " + (double) sum / pa.length);
    }
  }
}
