package dev.robusta.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Scans the on-disk layouts of image benchmarks into {@link FileListDataset}s. */
final class FolderScanner {
  private FolderScanner() {}

  /** @return sub-folders of {@code dir}, sorted by name; plain files (README.txt) are skipped */
  static List<Path> subdirs(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** @return image files directly in {@code dir} (by extension, case-insensitive), sorted by name */
  static List<Path> images(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(FolderScanner::isImageName).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  static boolean isImageName(Path p) {
    String n = p.getFileName().toString();
    if (n.startsWith(".")) {
      return false;
    }
    String l = n.toLowerCase(Locale.ROOT);
    return l.endsWith(".jpg") || l.endsWith(".jpeg") || l.endsWith(".png") || l.endsWith(".bmp");
  }

  static void requireDir(String id, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(id + ": folder " + dir + " does not exist",
          "pass the folder that holds the dataset's class folders (see `./robusta datasets info "
              + id.split("/")[0] + "`)");
    }
  }

  /**
   * {@code root/<class name or wnid>/<image>}: the label is the class's index in {@code space},
   * never the folder's sort position. Every folder must be a class of the space.
   *
   * @param expectedClasses the number of class folders the registry expects, or -1 for any
   * @throws LayoutMismatchException when a folder is not a class of the space, or the folder count
   *     differs from {@code expectedClasses}
   */
  static FileListDataset byClassFolders(String id, Path root, LabelSpace space, int expectedClasses,
      Map<String, String> meta, ImageDecoder decoder) {
    return byClassFolders(id, root, space, expectedClasses, meta, decoder, null);
  }

  /** @param extension when not null, list files with this extension instead of images */
  static FileListDataset byClassFolders(String id, Path root, LabelSpace space, int expectedClasses,
      Map<String, String> meta, ImageDecoder decoder, String extension) {
    requireDir(id, root);
    List<Path> dirs = subdirs(root);
    if (expectedClasses >= 0 && dirs.size() != expectedClasses) {
      throw new LayoutMismatchException(id + ": " + root + " has " + dirs.size()
          + " class folders where " + expectedClasses + " are expected",
          "this folder holds a different dataset or an incomplete extraction; re-extract it or check"
              + " the dataset id");
    }
    List<String> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path d : dirs) {
      String cls = d.getFileName().toString();
      int label = space.indexOf(cls);
      if (label < 0) {
        throw new LayoutMismatchException(id + ": folder '" + cls + "' in " + root + " is not a class of "
            + space.name() + " (" + space.size() + " classes)",
            "remove stray folders, or load the folder with the dataset id it belongs to");
      }
      for (Path f : extension == null ? images(d) : withExtension(d, extension)) {
        files.add(cls + "/" + f.getFileName());
        labels.add(label);
      }
    }
    return new FileListDataset(id, root, files.toArray(String[]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(), space, meta, decoder, "class folders");
  }

  static List<Path> withExtension(Path dir, String ext) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + ext)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * ImageNet-V2's {@code root/<0..999>/<image>}: the label is the integer value of the folder name
   * (sorting "0","1","10","100"... as strings would scramble labels).
   */
  static FileListDataset byIntegerFolders(String id, Path root, LabelSpace imagenet1k,
      ImageDecoder decoder) {
    requireDir(id, root);
    TreeMap<Integer, Path> byLabel = new TreeMap<>();
    for (Path d : subdirs(root)) {
      String n = d.getFileName().toString();
      int label;
      try {
        label = Integer.parseInt(n);
      } catch (NumberFormatException e) {
        throw new LayoutMismatchException(id + ": folder '" + n + "' in " + root
            + " is not an integer class index", "ImageNet-V2 folders are named 0..999");
      }
      if (label < 0 || label >= imagenet1k.size()) {
        throw new LayoutMismatchException(id + ": folder '" + n + "' is outside 0.." + (imagenet1k.size() - 1),
            "ImageNet-V2 folders are named 0..999");
      }
      byLabel.put(label, d);
    }
    List<String> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    byLabel.forEach((label, d) -> {
      for (Path f : images(d)) {
        files.add(d.getFileName() + "/" + f.getFileName());
        labels.add(label);
      }
    });
    return new FileListDataset(id, root, files.toArray(String[]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(), imagenet1k, Map.of(), decoder,
        "integer class folders (label = folder number)");
  }

  /** A flat folder of unlabelled images (OOD sets such as LSUN, iSUN): label -1. */
  static FileListDataset unlabelled(String id, Path root, ImageDecoder decoder) {
    requireDir(id, root);
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).filter(FolderScanner::isImageName).sorted()
          .forEach(p -> files.add(root.relativize(p).toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    int[] none = new int[files.size()];
    java.util.Arrays.fill(none, -1);
    return new FileListDataset(id, root, files.toArray(String[]::new), none, null, Map.of(), decoder,
        "unlabelled image files");
  }
}
