package dev.robusta.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Images decoded lazily from a list of files with one label each. Holds only the relative paths and
 * labels (a few MB for 50,000 files), never pixels.
 */
final class FileListDataset implements Dataset {
  private final String id;
  private final Path root;
  private final String[] files;
  private final int[] labels;
  private final LabelSpace space;
  private final Map<String, String> meta;
  private final ImageDecoder decoder;
  private final String layout;

  /**
   * @param root the folder the relative paths resolve against
   * @param files relative paths, in sample order
   * @param labels one label per file ({@code -1} for unlabelled)
   * @param meta metadata added to every sample (corruption, severity...)
   * @param layout a short description of the on-disk layout, for toString
   */
  FileListDataset(String id, Path root, String[] files, int[] labels, LabelSpace space,
      Map<String, String> meta, ImageDecoder decoder, String layout) {
    if (files.length != labels.length) {
      throw new IllegalArgumentException(files.length + " files but " + labels.length + " labels");
    }
    this.id = Objects.requireNonNull(id);
    this.root = root;
    this.files = files;
    this.labels = labels;
    this.space = space;
    this.meta = Map.copyOf(meta);
    this.decoder = Objects.requireNonNull(decoder);
    this.layout = layout;
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return files.length; }

  @Override
  public LabelSpace labelSpace() { return space; }

  /** @return the label of sample {@code index} without decoding the image */
  int labelOf(int index) {
    return labels[index];
  }

  /** @return the file of sample {@code index} */
  Path path(int index) {
    return root.resolve(files[index]);
  }

  @Override
  public Sample get(int index) {
    Objects.checkIndex(index, files.length);
    Path p = root.resolve(files[index]);
    Map<String, String> m = new HashMap<>(meta);
    m.put("path", p.toString());
    int label = labels[index];
    if (label >= 0 && space != null) {
      m.put("class", space.classes().get(label));
      if (space.mapsToImagenet()) {
        m.put("imagenet_index", Integer.toString(space.toImagenet(label)));
      }
    }
    return new Sample(decoder.read(p), label, m);
  }

  @Override
  public String toString() {
    String s = "Dataset[" + id + ", " + files.length + " images, " + layout + " under " + root;
    if (space != null) {
      s += ", " + space.size() + " classes";
      if (space.policy() != null) {
        s += ", label policy " + space.policy();
      }
    }
    if (!meta.isEmpty()) {
      s += ", " + new java.util.TreeMap<>(meta);
    }
    return s + "]";
  }
}
