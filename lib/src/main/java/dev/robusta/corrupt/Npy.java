package dev.robusta.corrupt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Minimal reader of NumPy {@code .npy} (format 1.0/2.0, C order) and {@code .npz} archives, for the
 * numeric dtypes the oracles use ({@code <f8 <f4 <i8 <i4 |u1 <u2 |i1 |b1}). Values come back as
 * doubles with their shape.
 */
final class Npy {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  /** One array: its values flattened in C order, its shape and dtype string. */
  record Array(double[] values, int[] shape, String dtype) {}

  private Npy() {}

  /** Reads every entry of an {@code .npz}, keyed by the entry name without {@code .npy}. */
  static Map<String, Array> readNpz(Path npz) {
    Map<String, Array> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(npz.toFile())) {
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        String name = e.getName().endsWith(".npy")
            ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
        try (InputStream in = zip.getInputStream(e)) {
          out.put(name, read(in.readAllBytes(), npz + "#" + name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read npz " + npz, e);
    }
    return out;
  }

  static Array read(byte[] bytes, String what) {
    if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[2] != 'U') {
      throw new IllegalArgumentException(what + " is not a .npy array (bad magic)");
    }
    int major = bytes[6];
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen;
    int offset;
    if (major == 1) {
      headerLen = bb.getShort(8) & 0xffff;
      offset = 10;
    } else {
      headerLen = bb.getInt(8);
      offset = 12;
    }
    String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
    int data = offset + headerLen;
    Matcher d = DESCR.matcher(header);
    Matcher o = ORDER.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !o.find() || !s.find()) {
      throw new IllegalArgumentException(what + ": unreadable .npy header " + header);
    }
    if (o.group(1).equals("True")) {
      throw new IllegalArgumentException(what + ": Fortran-order arrays are not supported");
    }
    String[] dims = s.group(1).split(",");
    int n = 1;
    int k = 0;
    int[] shape = new int[dims.length];
    for (String dim : dims) {
      if (!dim.isBlank()) {
        shape[k] = Integer.parseInt(dim.trim());
        n *= shape[k++];
      }
    }
    shape = java.util.Arrays.copyOf(shape, k);
    String dtype = d.group(1);
    double[] v = new double[n];
    bb.position(data);
    switch (dtype) {
      case "<f8" -> { for (int i = 0; i < n; i++) v[i] = bb.getDouble(); }
      case "<f4" -> { for (int i = 0; i < n; i++) v[i] = bb.getFloat(); }
      case "<i8" -> { for (int i = 0; i < n; i++) v[i] = bb.getLong(); }
      case "<i4" -> { for (int i = 0; i < n; i++) v[i] = bb.getInt(); }
      case "<u2" -> { for (int i = 0; i < n; i++) v[i] = bb.getShort() & 0xffff; }
      case "|u1", "|b1" -> { for (int i = 0; i < n; i++) v[i] = bb.get() & 0xff; }
      case "|i1" -> { for (int i = 0; i < n; i++) v[i] = bb.get(); }
      default -> throw new IllegalArgumentException(what + ": unsupported dtype " + dtype);
    }
    return new Array(v, shape, dtype);
  }
}
