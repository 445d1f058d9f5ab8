package dev.robusta.corrupt;

/** Loads OpenCV's bundled natives (org.openpnp:opencv) once per JVM. */
final class OpenCv {
  private static volatile boolean loaded;

  private OpenCv() {}

  static void load() {
    if (!loaded) {
      synchronized (OpenCv.class) {
        if (!loaded) {
          nu.pattern.OpenCV.loadLocally();
          loaded = true;
        }
      }
    }
  }
}
