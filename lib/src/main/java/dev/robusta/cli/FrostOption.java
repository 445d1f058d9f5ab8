package dev.robusta.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the frost corruption finds its six texture pictures (a registry resource, {@code imagenet-c-frost},
 * never shipped in the repository): {@code --frost DIR}, else an existing {@code robusta.frost.dir} /
 * {@code ROBUSTA_FROST_DIR}, else the dataset cache's {@code imagenet-c-frost} folder when it holds them.
 * Without any of them frost is reported as unavailable and left out of the grid and the mean, by name.
 */
final class FrostOption {
  private FrostOption() {}

  static void apply(Args a) {
    if (a.has("--frost")) {
      Path dir = Path.of(a.value("--frost")).toAbsolutePath();
      if (!Files.isRegularFile(dir.resolve("frost1.png"))) {
        throw new UsageException("--frost " + dir + " does not hold frost1.png .. frost6.jpg",
            "./robusta datasets download imagenet-c-frost, or copy the six files of hendrycks/robustness");
      }
      System.setProperty("robusta.frost.dir", dir.toString());
      return;
    }
    if (System.getProperty("robusta.frost.dir") != null || System.getenv("ROBUSTA_FROST_DIR") != null) {
      return;
    }
    String env = System.getenv("ROBUSTA_DATA");
    Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache",
        "robusta");
    Path cached = root.resolve("imagenet-c-frost");
    if (Files.isRegularFile(cached.resolve("frost1.png"))) {
      System.setProperty("robusta.frost.dir", cached.toString());
    }
  }
}
