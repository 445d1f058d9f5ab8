package dev.robusta.cli;

import dev.robusta.data.ClassListsAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Readable names of ImageNet-1k wnids for printed predictions, from an optional
 * {@code imagenet1k_labels.tsv} ({@code index<TAB>wnid<TAB>lemma, ...}, a header line) in the class-list
 * folder ({@code ROBUSTA_CLASS_LISTS}). Without it names are empty and only wnids are printed.
 */
final class ImageNetClassNames {
  static final String FILE = "imagenet1k_labels.tsv";
  private final Map<String, String> names;
  private final Path source;

  private ImageNetClassNames(Map<String, String> names, Path source) {
    this.names = names;
    this.source = source;
  }

  /** @return the names found next to the class lists in use, or an empty map */
  static ImageNetClassNames load() {
    Path dir = ClassListsAccess.folder();
    Path f = dir == null ? null : dir.resolve(FILE);
    if (f == null || !Files.isRegularFile(f)) {
      return new ImageNetClassNames(Map.of(), null);
    }
    try {
      Map<String, String> m = new HashMap<>();
      List<String> lines = Files.readAllLines(f);
      for (String line : lines) {
        String[] parts = line.split("\t");
        if (parts.length >= 3 && parts[1].matches("n\\d{8}")) {
          m.put(parts[1], parts[2].split(",")[0].trim());
        }
      }
      return new ImageNetClassNames(m, f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  /** @return the first lemma of the wnid ({@code "tench"}), or "" when unknown */
  String name(String wnid) {
    return names.getOrDefault(wnid, "");
  }

  /** @return where the names come from, for the protocol lines */
  String source() {
    return source == null ? "wnids only (no " + FILE + " in the class-list folder)" : source.toString();
  }
}
