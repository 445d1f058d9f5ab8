package dev.robusta.data;

import java.nio.file.Path;

/** Public door to the package-private class-list resolver (used by the {@code Datasets} facade). */
public final class ClassListsAccess {
  private ClassListsAccess() {}

  /** Reads class lists from {@code dir} (files named as in the registry) instead of the cache. */
  public static void useFolder(Path dir) {
    ClassLists.useFolder(dir);
  }
}
