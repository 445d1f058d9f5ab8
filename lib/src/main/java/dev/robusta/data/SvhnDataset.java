package dev.robusta.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * SVHN cropped digits ({@code test_32x32.mat}, Netzer et al. 2011): {@code X} uint8
 * {@code [32, 32, 3, N]} in MATLAB's column-major order, {@code y} {@code [N, 1]} with label 10
 * meaning digit 0 (mapped to 0 here, as torchvision does). The pixels stay in memory (80 MB for the
 * 26,032 test images).
 */
final class SvhnDataset implements Dataset {
  private final String id;
  private final byte[] x;
  private final int[] labels;
  private final LabelSpace space;

  SvhnDataset(String id, Path file, LabelSpace space) {
    this.id = id;
    this.space = Objects.requireNonNull(space);
    Map<String, MatV5.Matrix> m = MatV5.read(file);
    MatV5.Matrix xm = m.get("X");
    MatV5.Matrix ym = m.get("y");
    if (xm == null || ym == null || xm.uint8() == null || xm.dims().length != 4 || xm.dims()[0] != 32
        || xm.dims()[1] != 32 || xm.dims()[2] != 3) {
      throw new LayoutMismatchException(id + ": " + file + " does not hold X uint8 [32,32,3,N] and y",
          "use SVHN's test_32x32.mat (format 2, cropped digits)");
    }
    int n = xm.dims()[3];
    double[] y = ym.values() != null ? ym.values() : toDoubles(ym.uint8());
    if (y.length != n) {
      throw new LayoutMismatchException(id + ": " + n + " images but " + y.length + " labels in " + file, "re-download it");
    }
    this.x = xm.uint8();
    this.labels = new int[n];
    for (int i = 0; i < n; i++) {
      int l = (int) y[i];
      if (l < 1 || l > 10) {
        throw new LayoutMismatchException(id + ": label " + l + " at " + i + " is outside 1..10", "re-download it");
      }
      labels[i] = l == 10 ? 0 : l;
    }
  }

  private static double[] toDoubles(byte[] b) {
    double[] d = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      d[i] = b[i] & 0xff;
    }
    return d;
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return labels.length; }

  @Override
  public LabelSpace labelSpace() { return space; }

  @Override
  public Sample get(int index) {
    Objects.checkIndex(index, labels.length);
    byte[] px = new byte[3072];
    int base = index * 3072;
    for (int c = 0; c < 3; c++) {
      for (int col = 0; col < 32; col++) {
        for (int row = 0; row < 32; row++) {
          px[(row * 32 + col) * 3 + c] = x[base + c * 1024 + col * 32 + row];
        }
      }
    }
    return new Sample(Image.wrap(32, 32, 3, px), labels[index], Map.of("index", Integer.toString(index)));
  }

  @Override
  public String toString() {
    return "Dataset[" + id + ", " + labels.length + " images 32x32x3, SVHN .mat (label 10 -> digit 0), 10 classes]";
  }
}
