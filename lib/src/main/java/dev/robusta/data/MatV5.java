package dev.robusta.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A minimal reader of MATLAB v5 {@code .mat} files (The MathWorks, "MAT-File Format", level 5):
 * little-endian, numeric matrices, optionally zlib-compressed ({@code miCOMPRESSED}). Enough for
 * SVHN's {@code test_32x32.mat}; structs, cells, sparse and complex arrays are refused.
 */
final class MatV5 {
  /** One numeric matrix: column-major values, MATLAB class id, dimensions. */
  record Matrix(String name, int[] dims, int matlabClass, byte[] uint8, double[] values) {}

  private MatV5() {}

  static Map<String, Matrix> read(Path file) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DatasetException(file + " cannot be read: " + e.getMessage(), "check the path", e);
    }
    if (all.length < 128 || !new String(all, 0, 10, java.nio.charset.StandardCharsets.US_ASCII).startsWith("MATLAB 5.0")) {
      throw new DatasetException(file + " is not a MATLAB v5 .mat file", "SVHN's files are test_32x32.mat / train_32x32.mat");
    }
    if (all[126] != 'I' || all[127] != 'M') {
      throw new DatasetException(file + " is a big-endian .mat file", "only little-endian .mat files are supported");
    }
    ByteBuffer b = ByteBuffer.wrap(all, 128, all.length - 128).slice().order(ByteOrder.LITTLE_ENDIAN);
    Map<String, Matrix> out = new HashMap<>();
    while (b.remaining() >= 8) {
      int type = b.getInt();
      int n = b.getInt();
      ByteBuffer data = b.slice().order(ByteOrder.LITTLE_ENDIAN);
      data.limit(n);
      b.position(b.position() + n + (type == 15 ? 0 : pad(n)));
      if (type == 15) {
        data = ByteBuffer.wrap(inflate(data, file)).order(ByteOrder.LITTLE_ENDIAN);
        type = data.getInt();
        n = data.getInt();
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        data.limit(n);
      }
      if (type == 14) {
        Matrix m = matrix(data, file);
        out.put(m.name(), m);
      }
    }
    return out;
  }

  private static int pad(int n) {
    return (8 - n % 8) % 8;
  }

  private static byte[] inflate(ByteBuffer data, Path file) {
    byte[] in = new byte[data.remaining()];
    data.get(in);
    Inflater inf = new Inflater();
    inf.setInput(in);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 4);
    byte[] buf = new byte[1 << 16];
    try {
      while (!inf.finished()) {
        int k = inf.inflate(buf);
        if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw new DatasetException(file + ": truncated compressed element", "re-download the file");
        }
        out.write(buf, 0, k);
      }
    } catch (DataFormatException e) {
      throw new DatasetException(file + ": corrupt compressed element: " + e.getMessage(), "re-download the file", e);
    } finally {
      inf.end();
    }
    return out.toByteArray();
  }

  /** A sub-element: returns {type, offset-after-header, length}, advancing b past it (with padding). */
  private static ByteBuffer sub(ByteBuffer b, int[] typeOut) {
    int tag = b.getInt();
    int type;
    int n;
    ByteBuffer data;
    if ((tag >>> 16) != 0) { // small data element: 4 bytes of data inside the tag
      type = tag & 0xffff;
      n = tag >>> 16;
      data = b.slice().order(ByteOrder.LITTLE_ENDIAN);
      data.limit(n);
      b.position(b.position() + 4);
    } else {
      type = tag;
      n = b.getInt();
      data = b.slice().order(ByteOrder.LITTLE_ENDIAN);
      data.limit(n);
      b.position(b.position() + n + pad(n));
    }
    typeOut[0] = type;
    return data;
  }

  private static Matrix matrix(ByteBuffer b, Path file) {
    int[] t = new int[1];
    ByteBuffer flags = sub(b, t);
    int cls = flags.getInt() & 0xff;
    boolean complex = (flags.getInt(0) & 0x800) != 0;
    if (cls < 6 || cls > 15 || complex) {
      throw new DatasetException(file + ": MATLAB class " + cls + (complex ? " (complex)" : "")
          + " is not supported", "only real numeric matrices are read");
    }
    ByteBuffer dimsB = sub(b, t);
    int[] dims = new int[dimsB.remaining() / 4];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = dimsB.getInt();
    }
    ByteBuffer nameB = sub(b, t);
    byte[] nb = new byte[nameB.remaining()];
    nameB.get(nb);
    String name = new String(nb, java.nio.charset.StandardCharsets.US_ASCII);
    ByteBuffer real = sub(b, t);
    int type = t[0];
    long count = 1;
    for (int d : dims) {
      count *= d;
    }
    if (type == 2 && cls == 9) { // uint8 stored as uint8: keep the bytes
      byte[] v = new byte[(int) count];
      real.get(v);
      return new Matrix(name, dims, cls, v, null);
    }
    double[] v = new double[(int) count];
    for (int i = 0; i < v.length; i++) {
      v[i] = switch (type) {
        case 1 -> real.get();
        case 2 -> real.get() & 0xff;
        case 3 -> real.getShort();
        case 4 -> real.getShort() & 0xffff;
        case 5 -> real.getInt();
        case 6 -> real.getInt() & 0xffffffffL;
        case 7 -> real.getFloat();
        case 9 -> real.getDouble();
        default -> throw new DatasetException(file + ": storage type " + type + " is not supported", "re-save the file");
      };
    }
    return new Matrix(name, dims, cls, null, v);
  }
}
