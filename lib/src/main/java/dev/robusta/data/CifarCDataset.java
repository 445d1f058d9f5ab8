package dev.robusta.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One (corruption, severity) cell of CIFAR-10-C / CIFAR-100-C: rows {@code [(s-1)*10000, s*10000)} of
 * {@code <corruption>.npy} (uint8 {@code [50000, 32, 32, 3]}), labels from the shared
 * {@code labels.npy} (the test labels repeated 5 times). Hendrycks & Dietterich, ICLR 2019;
 * slicing as RobustBench's {@code load_corruptions_cifar}. Pixels are read per sample, never whole.
 */
final class CifarCDataset implements Dataset {
  private final String id;
  private final NpyFile images;
  private final int[] labels;
  private final int offset;
  private final int count;
  private final int h;
  private final int w;
  private final int c;
  private final LabelSpace space;
  private final String corruption;
  private final int severity;

  /**
   * @param perSeverity images per severity block (10,000)
   * @throws LayoutMismatchException when the arrays' shapes disagree with 5 blocks of perSeverity
   */
  CifarCDataset(String id, Path root, String corruption, int severity, int perSeverity, LabelSpace space) {
    this.id = id;
    this.corruption = corruption;
    this.severity = severity;
    this.space = Objects.requireNonNull(space);
    this.images = NpyFile.open(root.resolve(corruption + ".npy"));
    NpyFile lab = NpyFile.open(root.resolve("labels.npy"));
    long[] s = images.shape;
    if (s.length != 4 || s[0] != 5L * perSeverity) {
      throw new LayoutMismatchException(id + ": " + images.path + " has shape " + java.util.Arrays.toString(s)
          + " where [" + 5 * perSeverity + ", H, W, C] is expected", "re-download the corruption file");
    }
    if (lab.shape.length != 1 || lab.shape[0] != s[0]) {
      throw new LayoutMismatchException(id + ": labels.npy has shape " + java.util.Arrays.toString(lab.shape)
          + " where [" + s[0] + "] is expected", "re-download labels.npy");
    }
    this.h = (int) s[1];
    this.w = (int) s[2];
    this.c = (int) s[3];
    this.offset = (severity - 1) * perSeverity;
    this.count = perSeverity;
    int[] all = lab.readAllInts();
    this.labels = java.util.Arrays.copyOfRange(all, offset, offset + count);
    for (int l : labels) {
      if (l < 0 || l >= space.size()) {
        throw new LayoutMismatchException(id + ": label " + l + " in labels.npy is outside " + space.size()
            + " classes", "check that the folder holds the right CIFAR-C variant");
      }
    }
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return count; }

  @Override
  public LabelSpace labelSpace() { return space; }

  @Override
  public Sample get(int index) {
    Objects.checkIndex(index, count);
    int n = h * w * c;
    byte[] px = images.readBytes((long) (offset + index) * n, n);
    return new Sample(Image.wrap(h, w, c, px), labels[index], Map.of("corruption", corruption,
        "severity", Integer.toString(severity), "index", Integer.toString(index)));
  }

  @Override
  public String toString() {
    return "Dataset[" + id + ", " + count + " images " + h + "x" + w + "x" + c + ", rows " + offset + ".."
        + (offset + count - 1) + " of " + images.path.getFileName() + ", corruption " + corruption
        + ", severity " + severity + ", " + space.size() + " classes]";
  }
}
