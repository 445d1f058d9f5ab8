package dev.robusta.corrupt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal reader of the oracles' little-endian C-order .npy files (float32/float64/uint8/int8/uint16). */
final class OracleNpy {
  final int[] shape;
  final double[] values;

  private OracleNpy(int[] shape, double[] values) {
    this.shape = shape;
    this.values = values;
  }

  static OracleNpy read(Path p) throws IOException {
    return parse(Files.readAllBytes(p));
  }

  static OracleNpy parse(byte[] all) {
    ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    int major = all[6];
    int headerLen;
    int offset;
    if (major == 1) {
      headerLen = bb.getShort(8) & 0xffff;
      offset = 10;
    } else {
      headerLen = bb.getInt(8);
      offset = 12;
    }
    String header = new String(all, offset, headerLen, StandardCharsets.ISO_8859_1);
    Matcher d = Pattern.compile("'descr':\\s*'([^']+)'").matcher(header);
    Matcher s = Pattern.compile("'shape':\\s*\\(([^)]*)\\)").matcher(header);
    if (!d.find() || !s.find() || header.contains("'fortran_order': True")) {
      throw new IllegalArgumentException("unsupported npy header: " + header);
    }
    String[] dims = s.group(1).split(",");
    int n = 1;
    int count = 0;
    int[] shape = new int[dims.length];
    for (String dim : dims) {
      if (!dim.isBlank()) {
        shape[count] = Integer.parseInt(dim.trim());
        n *= shape[count++];
      }
    }
    shape = java.util.Arrays.copyOf(shape, count);
    int pos = offset + headerLen;
    double[] v = new double[n];
    String descr = d.group(1);
    for (int i = 0; i < n; i++) {
      switch (descr) {
        case "<f4" -> v[i] = bb.getFloat(pos + 4 * i);
        case "<f8" -> v[i] = bb.getDouble(pos + 8 * i);
        case "|u1" -> v[i] = all[pos + i] & 0xff;
        case "|i1" -> v[i] = all[pos + i];
        case "<u2" -> v[i] = bb.getShort(pos + 2 * i) & 0xffff;
        case "<i8" -> v[i] = bb.getLong(pos + 8 * i);
        default -> throw new IllegalArgumentException("unsupported dtype " + descr);
      }
    }
    return new OracleNpy(shape, v);
  }
}
