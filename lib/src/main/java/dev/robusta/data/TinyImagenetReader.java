package dev.robusta.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tiny-ImageNet-200 as extracted from {@code tiny-imagenet-200.zip}: {@code wnids.txt} (200 wnids;
 * labels are their sorted order), {@code val/images/*.JPEG} labelled by the tab-separated
 * {@code val/val_annotations.txt} (file, wnid, box), {@code train/<wnid>/images/*.JPEG}.
 */
final class TinyImagenetReader {
  private TinyImagenetReader() {}

  /** @return the 200-class space: the sorted wnids of {@code wnids.txt} */
  static LabelSpace labelSpace(String id, Path root) {
    Path f = root.resolve("wnids.txt");
    if (!Files.isRegularFile(f)) {
      throw new LayoutMismatchException(id + ": " + f + " is missing",
          "pass the extracted tiny-imagenet-200 folder (it holds wnids.txt, train/ and val/)");
    }
    try {
      List<String> w = Files.readAllLines(f).stream().map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();
      return LabelSpace.of("tiny-imagenet-200", w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dataset validation(String id, Path root, ImageDecoder decoder) {
    LabelSpace space = labelSpace(id, root);
    Path ann = root.resolve("val/val_annotations.txt");
    if (!Files.isRegularFile(ann)) {
      throw new LayoutMismatchException(id + ": " + ann + " is missing",
          "the validation split needs val/val_annotations.txt from the original zip");
    }
    List<String> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    try {
      int line = 0;
      for (String l : Files.readAllLines(ann)) {
        line++;
        if (l.isBlank()) {
          continue;
        }
        String[] t = l.split("\t");
        int label = t.length >= 2 ? space.indexOf(t[1].trim()) : -1;
        if (label < 0) {
          throw new LayoutMismatchException(id + ": " + ann + " line " + line + " names wnid '"
              + (t.length >= 2 ? t[1] : "") + "' that is not in wnids.txt", "re-extract the dataset");
        }
        files.add("val/images/" + t[0].trim());
        labels.add(label);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FileListDataset(id, root, files.toArray(String[]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(), space, Map.of(), decoder,
        "val/images + val_annotations.txt");
  }

  static Dataset train(String id, Path root, ImageDecoder decoder) {
    LabelSpace space = labelSpace(id, root);
    List<String> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String wnid : space.classes()) {
      Path d = root.resolve("train").resolve(wnid).resolve("images");
      if (!Files.isDirectory(d)) {
        throw new LayoutMismatchException(id + ": " + d + " is missing", "re-extract the dataset");
      }
      for (Path p : FolderScanner.images(d)) {
        files.add("train/" + wnid + "/images/" + p.getFileName());
        labels.add(space.indexOf(wnid));
      }
    }
    return new FileListDataset(id, root, files.toArray(String[]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(), space, Map.of(), decoder,
        "train/<wnid>/images");
  }
}
