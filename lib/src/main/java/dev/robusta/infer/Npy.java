package dev.robusta.infer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimal NumPy {@code .npy} (format version 1.0) encoder/decoder for C-order little-endian
 * {@code float32 [N, D]} and {@code int32 [N]} arrays, the two shapes the logits cache stores.
 * {@code numpy.load} reads what this writes.
 */
final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|]?[a-z]\\d)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  private Npy() {}

  static byte[] encode(float[][] rows, int cols) {
    ByteBuffer b = start("<f4", "(" + rows.length + ", " + cols + ")", (long) rows.length * cols * 4);
    for (float[] r : rows) {
      if (r.length != cols) {
        throw new IllegalArgumentException("ragged rows: expected " + cols + " columns, got " + r.length);
      }
      for (float v : r) {
        b.putFloat(v);
      }
    }
    return b.array();
  }

  static byte[] encode(int[] values) {
    ByteBuffer b = start("<i4", "(" + values.length + ",)", (long) values.length * 4);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  private static ByteBuffer start(String descr, String shape, long dataBytes) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int pad = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    if (dataBytes + MAGIC.length + 4 + header.length() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("array too large for one .npy buffer: " + dataBytes + " bytes");
    }
    ByteBuffer b = ByteBuffer.allocate((int) (MAGIC.length + 4 + header.length() + dataBytes))
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.US_ASCII));
    return b;
  }

  /** A decoded array: {@code shape} and data as float or int. */
  record Array(long[] shape, float[] f32, int[] i32) {}

  /**
   * @throws IllegalArgumentException when the bytes are not a C-order {@code <f4}, {@code <i4} or {@code <i8}
   *     .npy ({@code <i8} is returned as {@code i32} when every value fits)
   */
  static Array decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (byte m : MAGIC) {
      if (!b.hasRemaining() || b.get() != m) {
        throw new IllegalArgumentException("not a .npy file (bad magic)");
      }
    }
    int major = b.get();
    b.get();
    int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
    if (headerLen < 0 || b.remaining() < headerLen) {
      throw new IllegalArgumentException(".npy header is truncated");
    }
    byte[] h = new byte[headerLen];
    b.get(h);
    String header = new String(h, StandardCharsets.US_ASCII);
    String descr = group(DESCR, header, "descr");
    if (group(FORTRAN, header, "fortran_order").equals("True")) {
      throw new IllegalArgumentException(".npy in Fortran order is not supported");
    }
    String[] dims = group(SHAPE, header, "shape").split(",");
    long count = 1;
    int nd = 0;
    long[] shape = new long[dims.length];
    for (String d : dims) {
      if (!d.isBlank()) {
        shape[nd] = Long.parseLong(d.trim());
        count *= shape[nd++];
      }
    }
    shape = java.util.Arrays.copyOf(shape, nd);
    int itemSize = descr.equals("<i8") ? 8 : 4;
    if (b.remaining() != count * itemSize) {
      throw new IllegalArgumentException(".npy data holds " + b.remaining() + " bytes, the header promises "
          + count * itemSize);
    }
    switch (descr) {
      case "<f4" -> {
        float[] f = new float[(int) count];
        b.asFloatBuffer().get(f);
        return new Array(shape, f, null);
      }
      case "<i4" -> {
        int[] v = new int[(int) count];
        b.asIntBuffer().get(v);
        return new Array(shape, null, v);
      }
      case "<i8" -> {
        // int64 (numpy's default integer, e.g. token ids): kept exactly when every value fits in an int
        int[] v = new int[(int) count];
        var lb = b.asLongBuffer();
        for (int i = 0; i < v.length; i++) {
          long x = lb.get();
          if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(".npy int64 value " + x + " at flat index " + i
                + " does not fit in 32 bits");
          }
          v[i] = (int) x;
        }
        return new Array(shape, null, v);
      }
      default -> throw new IllegalArgumentException("unsupported .npy dtype " + descr
          + " (need <f4, <i4 or <i8; convert with arr.astype('float32') or arr.astype('int64'))");
    }
  }

  static float[][] rows(Array a) {
    if (a.f32 == null || a.shape.length != 2) {
      throw new IllegalArgumentException("expected a float32 [N, D] array");
    }
    int n = (int) a.shape[0];
    int d = (int) a.shape[1];
    float[][] out = new float[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a.f32, i * d, out[i], 0, d);
    }
    return out;
  }

  private static String group(Pattern p, String header, String what) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IllegalArgumentException(".npy header lacks '" + what + "': " + header.trim());
    }
    return m.group(1);
  }

}
