package dev.robusta.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10-P: {@code <perturbation>.npy}, uint8 {@code [10000, T, 32, 32, 3]} in CIFAR-10 test order
 * (Hendrycks & Dietterich, {@code make_cifar_p.py}). The files carry no labels (the reference
 * evaluation compares frames with each other), so {@link #label(int)} is -1.
 */
final class CifarPSequences implements SequenceDataset {
  private final String id;
  private final NpyFile npy;
  private final int t;
  private final int h;
  private final int w;
  private final int c;

  CifarPSequences(String id, Path file) {
    this.id = id;
    this.npy = NpyFile.open(file);
    long[] s = npy.shape;
    if (s.length != 5) {
      throw new LayoutMismatchException(id + ": " + file + " has shape " + java.util.Arrays.toString(s)
          + " where [N, T, H, W, C] is expected", "re-download the perturbation file");
    }
    this.t = (int) s[1];
    this.h = (int) s[2];
    this.w = (int) s[3];
    this.c = (int) s[4];
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return (int) npy.shape[0]; }

  @Override
  public int label(int index) {
    java.util.Objects.checkIndex(index, size());
    return -1;
  }

  @Override
  public LabelSpace labelSpace() { return null; }

  /** @return frames per sequence */
  int length() { return t; }

  @Override
  public List<Image> frames(int index) {
    java.util.Objects.checkIndex(index, size());
    int n = h * w * c;
    byte[] all = npy.readBytes((long) index * t * n, t * n);
    List<Image> out = new ArrayList<>(t);
    for (int k = 0; k < t; k++) {
      out.add(Image.wrap(h, w, c, java.util.Arrays.copyOfRange(all, k * n, (k + 1) * n)));
    }
    return out;
  }

  @Override
  public String toString() {
    return "SequenceDataset[" + id + ", " + size() + " sequences of " + t + " frames " + h + "x" + w + "x" + c
        + " from " + npy.path.getFileName() + ", no labels]";
  }
}
