package dev.robusta.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Builds small trees and files with the real layouts of the benchmarks, at test time. */
final class Fixtures {
  private Fixtures() {}

  /** Writes a w x h RGB JPEG whose red channel encodes {@code tag} (for identifying files after loading). */
  private static final java.util.Map<String, byte[]> ENCODED = new java.util.concurrent.ConcurrentHashMap<>();

  static void jpeg(Path file, int w, int h, int tag) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] bytes = ENCODED.get(w + "x" + h + ":" + (tag & 0xff));
    if (bytes == null) {
      bytes = encode(w, h, tag);
      ENCODED.put(w + "x" + h + ":" + (tag & 0xff), bytes);
    }
    Files.write(file, bytes);
  }

  private static byte[] encode(int w, int h, int tag) throws IOException {
    BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        b.setRGB(x, y, ((tag & 0xff) << 16) | 0x4080);
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ImageIO.write(b, "jpeg", out);
    return out.toByteArray();
  }

  /** Creates one (possibly empty) folder per class and {@code perClass} images in the first {@code filled} classes. */
  static void classTree(Path root, List<String> classes, int filled, int perClass, String ext) throws IOException {
    for (int i = 0; i < classes.size(); i++) {
      Path d = root.resolve(classes.get(i));
      Files.createDirectories(d);
      if (i < filled) {
        for (int k = 0; k < perClass; k++) {
          jpeg(d.resolve(classes.get(i) + "_" + k + ext), 8, 8, i);
        }
      }
    }
  }

  /**
   * Writes a uint8 C-order .npy with the given shape; the data region is sparse (zeros) except for the
   * rows written with {@link #writeNpyRow}.
   *
   * @return the offset of the data region
   */
  static long npy(Path file, long... shape) throws IOException {
    StringBuilder dims = new StringBuilder();
    long n = 1;
    for (long s : shape) {
      dims.append(s).append(", ");
      n *= s;
    }
    String sh = shape.length == 1 ? shape[0] + "," : dims.substring(0, dims.length() - 2);
    String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + sh + "), }";
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    byte[] hb = header.getBytes(StandardCharsets.ISO_8859_1);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
      f.write(hb.length & 0xff);
      f.write(hb.length >> 8);
      f.write(hb);
      long off = f.getFilePointer();
      f.setLength(off + n);
      return off;
    }
  }

  static void writeAt(Path file, long pos, byte[] data) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(pos);
      f.write(data);
    }
  }
}
