package dev.robusta.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves class-list resources ({@code imagenet1k-wnids}, {@code imagenet-a-wnids}...) to their
 * lines: from a local folder ({@link #useFolder(Path)}, {@code ROBUSTA_CLASS_LISTS} or system property
 * {@code robusta.classLists}) holding the registry's file names, else from the {@link Store} (download
 * with checksum). A local copy is checked against the registry's sha256 too.
 */
final class ClassLists {
  private static volatile Path folder = initialFolder();
  private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

  private ClassLists() {}

  private static Path initialFolder() {
    String p = System.getProperty("robusta.classLists");
    String e = System.getenv("ROBUSTA_CLASS_LISTS");
    return p != null ? Path.of(p) : e != null && !e.isBlank() ? Path.of(e) : null;
  }

  static void useFolder(Path dir) {
    folder = dir;
    CACHE.clear();
  }

  /** @return the local class-list folder in use, or null when class lists come from the cache */
  static Path folder() {
    return folder;
  }

  /** @return the non-blank, trimmed lines of the resource's (single) file */
  static List<String> lines(Registry reg, String resourceId, Store store) {
    return CACHE.computeIfAbsent(resourceId, id -> read(reg.resource(id), store));
  }

  private static List<String> read(RegistryEntry r, Store store) {
    ArchiveSpec a = r.archives().get(0);
    Path local = folder == null ? null : folder.resolve(a.file());
    Path file;
    if (local != null && Files.isRegularFile(local)) {
      Checksums.verify(local, a, local.toString());
      file = local;
    } else {
      try {
        file = store.prepare(r).resolve(a.file());
      } catch (DownloadException e) {
        throw new DownloadException("class list " + r.id() + " (" + a.file() + ") is needed: " + e.getMessage(),
            "put " + a.file() + " in a folder and call Datasets.useClassLists(folder) or set ROBUSTA_CLASS_LISTS", e);
      }
    }
    try {
      return Files.readAllLines(file).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
