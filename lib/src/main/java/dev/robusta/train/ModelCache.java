package dev.robusta.train;

import java.nio.file.Path;

/** Where trained weights are cached: {@code $ROBUSTA_DATA/models}, else {@code ~/.cache/robusta/models}. */
final class ModelCache {
  private ModelCache() {}

  static Path root() {
    String env = System.getenv("ROBUSTA_DATA");
    Path base = env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "robusta");
    return base.resolve("models").toAbsolutePath();
  }
}
