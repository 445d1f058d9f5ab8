package dev.robusta.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CIFAR binary batches ({@code cifar-10-batches-bin/*.bin}: per image 1 label byte then 1,024 R,
 * 1,024 G, 1,024 B bytes; CIFAR-100 {@code test.bin}/{@code train.bin}: coarse and fine label bytes
 * first, the fine one is used). Records are read by position.
 */
final class CifarBinaryDataset implements Dataset {
  private final String id;
  private final List<Path> files;
  private final long[] starts;
  private final int labelBytes;
  private final int total;
  private final LabelSpace space;

  CifarBinaryDataset(String id, List<Path> files, int labelBytes, LabelSpace space) {
    this.id = id;
    this.files = List.copyOf(files);
    this.labelBytes = labelBytes;
    this.space = space;
    int rec = labelBytes + 3072;
    starts = new long[files.size() + 1];
    for (int i = 0; i < files.size(); i++) {
      long size;
      try {
        size = Files.size(files.get(i));
      } catch (IOException e) {
        throw new DatasetException(id + ": " + files.get(i) + " is missing",
            "pass the folder holding the CIFAR .bin batches", e);
      }
      if (size % rec != 0) {
        throw new LayoutMismatchException(id + ": " + files.get(i) + " has " + size + " bytes, not a multiple of the "
            + rec + "-byte record", "re-download the archive (CIFAR-10 records are 3073 bytes, CIFAR-100 3074)");
      }
      starts[i + 1] = starts[i] + size / rec;
    }
    total = (int) starts[files.size()];
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return total; }

  @Override
  public LabelSpace labelSpace() { return space; }

  @Override
  public Sample get(int index) {
    Objects.checkIndex(index, total);
    int f = 0;
    while (starts[f + 1] <= index) {
      f++;
    }
    int rec = labelBytes + 3072;
    byte[] buf = new byte[rec];
    try (FileChannel ch = FileChannel.open(files.get(f), StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.wrap(buf);
      long pos = (index - starts[f]) * rec;
      while (b.hasRemaining()) {
        if (ch.read(b, pos + b.position()) < 0) {
          throw new DatasetException(files.get(f) + " ended early", "re-download it");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int label = buf[labelBytes - 1] & 0xff;
    if (label >= space.size()) {
      throw new LayoutMismatchException(id + ": label " + label + " at record " + index + " is outside "
          + space.size() + " classes", "check the file is the right CIFAR variant");
    }
    byte[] hwc = new byte[3072];
    for (int p = 0; p < 1024; p++) {
      hwc[p * 3] = buf[labelBytes + p];
      hwc[p * 3 + 1] = buf[labelBytes + 1024 + p];
      hwc[p * 3 + 2] = buf[labelBytes + 2048 + p];
    }
    return new Sample(Image.wrap(32, 32, 3, hwc), label, Map.of("index", Integer.toString(index),
        "class", space.classes().get(label)));
  }

  @Override
  public String toString() {
    return "Dataset[" + id + ", " + total + " images 32x32x3, CIFAR binary batches " + files.stream()
        .map(p -> p.getFileName().toString()).toList() + ", " + space.size() + " classes]";
  }
}
