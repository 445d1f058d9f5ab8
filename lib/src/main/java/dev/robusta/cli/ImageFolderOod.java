package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.data.DatasetException;
import dev.robusta.data.ImageDecoder;
import dev.robusta.data.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Any folder of images as an unlabelled OOD set ({@code --ood DIR} or {@code --ood NAME=DIR}): every regular file
 * below the folder (recursively, hidden files and folders skipped) whose content is a JPEG, PNG, GIF or BMP (sniffed from its
 * first bytes, not its extension), in sorted path order; labels -1; images decoded to RGB on {@link #get}.
 * The model's preset resizes them (e.g. to 32x32 for the CIFAR ResNets).
 */
final class ImageFolderOod implements Dataset {
  private final String id;
  private final Path root;
  private final List<Path> files;

  private ImageFolderOod(String id, Path root, List<Path> files) {
    this.id = id;
    this.root = root;
    this.files = files;
  }

  /**
   * @param id the set's name in tables and the cache key
   * @param dir the folder, scanned recursively
   * @throws DatasetException when the folder does not exist or holds no decodable image
   */
  static ImageFolderOod scan(String id, Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new DatasetException("OOD folder " + root + " does not exist",
          "pass a folder of images (--ood DIR or --ood NAME=DIR), a registered id or a synthetic set");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).filter(p -> !hidden(root.relativize(p)))
          .filter(ImageDecoder::recognises).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new DatasetException("OOD folder " + root + " holds no JPEG, PNG, GIF or BMP file",
          "point --ood at a folder of images");
    }
    return new ImageFolderOod(id, root, files);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return files.size(); }

  @Override
  public Sample get(int index) {
    Objects.checkIndex(index, files.size());
    Path p = files.get(index);
    return new Sample(ImageDecoder.decode(p), -1, Map.of("path", p.toString()));
  }

  @Override
  public String toString() {
    return "Dataset[" + id + ", " + files.size() + " unlabelled images (any folder, recursive) under " + root + "]";
  }
}
