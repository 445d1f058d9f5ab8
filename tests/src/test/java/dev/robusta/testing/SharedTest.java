package dev.robusta.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SharedTest {
  @Test
  void testsRunFromTheRepositoryRoot() {
    assertTrue(Files.isRegularFile(Shared.repo().resolve("robusta")), "working directory " + Shared.repo());
    assertTrue(Files.isRegularFile(Shared.repo().resolve("datasets.yaml")));
  }

  @Test
  void sharedManifestIsReadable() throws Exception {
    assertTrue(Files.readString(Shared.path("data/MANIFEST.md")).contains("reference-values.json"));
  }
}
