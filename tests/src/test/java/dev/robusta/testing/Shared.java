package dev.robusta.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared} (models, samples, oracles) beside the repository. Tests that need it call
 * {@link #path(String)}, which skips the test with a visible reason when the folder is absent.
 */
public final class Shared {
  private Shared() {}

  /** @return the shared folder: {@code $ROBUSTA_SHARED}, else {@code ../shared} from the repository root */
  public static Path root() {
    String env = System.getenv("ROBUSTA_SHARED");
    return (env != null ? Path.of(env) : Path.of("..", "shared")).toAbsolutePath().normalize();
  }

  /**
   * @param relative a path inside the shared folder, e.g. {@code data/models/cifar10-resnet}
   * @return the absolute path; the calling test is skipped (with the reason) when it is absent
   */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(Files.exists(p), () -> "skipped: " + p + " is absent (the ../shared folder beside the"
        + " repository holds the real models, samples and oracles; CI has it)");
    return p;
  }

  /** @return the repository root (Surefire runs the tests there) */
  public static Path repo() {
    return Path.of("").toAbsolutePath();
  }
}
