package dev.robusta.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} file of {@code uint8} ({@code |u1}) or {@code int64} ({@code <i8}) values in C
 * order, read by position: the header is parsed once, rows are read on demand (a 150 MB CIFAR-10-C
 * array is never loaded whole). Format: NumPy's NEP 1 ({@code \x93NUMPY}, version 1.0/2.0/3.0).
 */
final class NpyFile {
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  final Path path;
  final String descr;
  final long[] shape;
  final long dataOffset;
  final int itemSize;

  private NpyFile(Path path, String descr, long[] shape, long dataOffset, int itemSize) {
    this.path = path;
    this.descr = descr;
    this.shape = shape;
    this.dataOffset = dataOffset;
    this.itemSize = itemSize;
  }

  /**
   * @throws DatasetException when the file is missing, not .npy, Fortran-ordered, of an unsupported
   *     dtype, or shorter than its header says
   */
  static NpyFile open(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new DatasetException(path + " is missing", "place the dataset's .npy files in the folder passed as root");
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(head, 0);
      head.flip();
      byte[] magic = new byte[6];
      head.get(magic);
      if (head.limit() < 10 || !Arrays.equals(magic, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'})) {
        throw new DatasetException(path + " is not a .npy file (bad magic)", "re-download it");
      }
      int major = head.get() & 0xff;
      head.get();
      long headerLen;
      long start;
      if (major == 1) {
        headerLen = head.getShort() & 0xffff;
        start = 10;
      } else {
        headerLen = head.getInt() & 0xffffffffL;
        start = 12;
      }
      ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
      ch.read(hb, start);
      String header = new String(hb.array(), StandardCharsets.ISO_8859_1);
      Matcher d = DESCR.matcher(header);
      Matcher f = FORTRAN.matcher(header);
      Matcher s = SHAPE.matcher(header);
      if (!d.find() || !f.find() || !s.find()) {
        throw new DatasetException(path + ": unreadable .npy header: " + header.trim(), "re-download it");
      }
      if (f.group(1).equals("True")) {
        throw new DatasetException(path + " is Fortran-ordered ('fortran_order': True)",
            "save it in C order: np.save(f, np.ascontiguousarray(a))");
      }
      String descr = d.group(1);
      int item = switch (descr) {
        case "|u1", "<u1", "|i1" -> 1;
        case "<i8", "<u8" -> 8;
        default -> throw new DatasetException(path + ": dtype " + descr + " is not supported (uint8 or int64)",
            "convert it: np.save(f, a.astype(np.uint8))");
      };
      long[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty())
          .mapToLong(Long::parseLong).toArray();
      long count = 1;
      for (long x : shape) {
        count *= x;
      }
      long offset = start + headerLen;
      if (ch.size() < offset + count * item) {
        throw new DatasetException(path + " is truncated: header says " + Arrays.toString(shape) + " ("
            + (offset + count * item) + " bytes) but the file has " + ch.size(), "re-download it");
      }
      return new NpyFile(path, descr, shape, offset, item);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** @return elements per leading-axis row (product of shape[1..]) */
  long rowElements() {
    long n = 1;
    for (int i = 1; i < shape.length; i++) {
      n *= shape[i];
    }
    return n;
  }

  /** Reads {@code count} bytes of uint8 data starting at element {@code element}. */
  byte[] readBytes(long element, int count) {
    if (itemSize != 1) {
      throw new IllegalStateException(path + " is not uint8");
    }
    byte[] out = new byte[count];
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.wrap(out);
      long pos = dataOffset + element;
      while (b.hasRemaining()) {
        int r = ch.read(b, pos + b.position());
        if (r < 0) {
          throw new DatasetException(path + " ended early", "re-download it");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return out;
  }

  /** @return every value as an int (labels: uint8 or int64) */
  int[] readAllInts() {
    long n = 1;
    for (long x : shape) {
      n *= x;
    }
    if (n > 100_000_000) {
      throw new IllegalStateException(path + " is too large to read whole");
    }
    int[] out = new int[(int) n];
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate((int) (n * itemSize)).order(ByteOrder.LITTLE_ENDIAN);
      while (b.hasRemaining()) {
        if (ch.read(b, dataOffset + b.position()) < 0) {
          throw new DatasetException(path + " ended early", "re-download it");
        }
      }
      b.flip();
      for (int i = 0; i < out.length; i++) {
        out[i] = itemSize == 1 ? b.get() & 0xff : (int) b.getLong();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return out;
  }
}
