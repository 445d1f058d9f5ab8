package dev.robusta.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * MNIST-style IDX files (LeCun's format, gzip or raw): {@code idx3-ubyte} images {@code [N, H, W]}
 * uint8 and {@code idx1-ubyte} labels {@code [N]} uint8, big-endian headers (magic 0x0803 / 0x0801).
 * The decompressed pixels stay in memory (47 MB for the 60,000 Fashion-MNIST training images); the
 * images are 1-channel {@link Image}s.
 */
final class IdxDataset implements Dataset {
  private final String id;
  private final byte[] pixels;
  private final byte[] labels;
  private final int n;
  private final int h;
  private final int w;
  private final LabelSpace space;
  private final String source;

  private IdxDataset(String id, byte[] pixels, byte[] labels, int n, int h, int w, LabelSpace space,
      String source) {
    this.id = id;
    this.pixels = pixels;
    this.labels = labels;
    this.n = n;
    this.h = h;
    this.w = w;
    this.space = space;
    this.source = source;
  }

  /**
   * @param images the {@code *-images-idx3-ubyte[.gz]} file
   * @param labelFile the {@code *-labels-idx1-ubyte[.gz]} file
   * @throws DatasetException when a file is missing, has a wrong magic number, or the counts disagree
   */
  static IdxDataset read(String id, Path images, Path labelFile, LabelSpace space) {
    Objects.requireNonNull(space, "space");
    int[] dims = new int[3];
    byte[] px = readIdx(images, 0x0803, dims);
    int[] ldims = new int[1];
    byte[] lb = readIdx(labelFile, 0x0801, ldims);
    if (dims[0] != ldims[0]) {
      throw new DatasetException(id + ": " + images + " holds " + dims[0] + " images but " + labelFile
          + " holds " + ldims[0] + " labels", "re-download the pair of files from the same release");
    }
    for (int i = 0; i < lb.length; i++) {
      if ((lb[i] & 0xff) >= space.size()) {
        throw new DatasetException(id + ": label " + (lb[i] & 0xff) + " at index " + i + " of " + labelFile
            + " is outside the " + space.size() + " classes", "check that the file is the right dataset's");
      }
    }
    return new IdxDataset(id, px, lb, dims[0], dims[1], dims[2], space, images.getParent().toString());
  }

  private static byte[] readIdx(Path file, int magic, int[] dims) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException("IDX file " + file + " is missing",
          "place the four *-ubyte.gz files of the dataset in one folder and pass it as the root");
    }
    try (InputStream raw = Files.newInputStream(file);
         InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
         DataInputStream d = new DataInputStream(in)) {
      int m = d.readInt();
      if (m != magic) {
        throw new DatasetException(String.format("%s: IDX magic 0x%08x, expected 0x%08x", file, m, magic),
            "images files are idx3-ubyte (0x0803), label files idx1-ubyte (0x0801)");
      }
      long total = 1;
      for (int i = 0; i < dims.length; i++) {
        dims[i] = d.readInt();
        total *= dims[i];
      }
      if (total > Integer.MAX_VALUE - 16) {
        throw new DatasetException(file + ": IDX payload of " + total + " bytes is too large", "split the file");
      }
      byte[] out = new byte[(int) total];
      d.readFully(out);
      return out;
    } catch (EOFException e) {
      throw new DatasetException(file + " is truncated (shorter than its IDX header says)",
          "re-download it; the registry lists its size and checksum", e);
    } catch (IOException e) {
      throw new DatasetException("cannot read IDX file " + file + ": " + e.getMessage(),
          "re-download it; the registry lists its size and checksum", e);
    }
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return n; }

  @Override
  public LabelSpace labelSpace() { return space; }

  @Override
  public Sample get(int index) {
    Objects.checkIndex(index, n);
    byte[] px = new byte[h * w];
    System.arraycopy(pixels, index * h * w, px, 0, h * w);
    return new Sample(Image.wrap(h, w, 1, px), labels[index] & 0xff,
        Map.of("index", Integer.toString(index)));
  }

  @Override
  public String toString() {
    return "Dataset[" + id + ", " + n + " images " + h + "x" + w + "x1, IDX from " + source + ", "
        + space.size() + " classes]";
  }
}
