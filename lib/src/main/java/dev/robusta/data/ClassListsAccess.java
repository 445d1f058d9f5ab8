package dev.robusta.data;

import java.nio.file.Path;

/** Public door to the package-private class-list resolver (used by the {@code Datasets} facade). */
public final class ClassListsAccess {
  private ClassListsAccess() {}

  /** Reads class lists from {@code dir} (files named as in the registry) instead of the cache. */
  public static void useFolder(Path dir) {
    ClassLists.useFolder(dir);
  }

  /**
   * @return the local class-list folder in use ({@link #useFolder(Path)}, {@code ROBUSTA_CLASS_LISTS} or
   *     {@code robusta.classLists}), or null when class lists come from the dataset cache
   */
  public static Path folder() {
    return ClassLists.folder();
  }
}
