package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the layering: {@code metrics} works on plain arrays (no DJL) and never imports {@code ood};
 * in {@code ood} only {@code Odin} touches DJL.
 */
@Timeout(30)
class ArchitectureTest {
  static List<Path> sources(String pkg) throws IOException {
    Path dir = Shared.repo().resolve("lib/src/main/java/dev/robusta/" + pkg);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void metricsImportsNeitherDjlNorOod() throws IOException {
    List<Path> files = sources("metrics");
    assertTrue(files.size() > 20, "found " + files.size() + " metrics sources");
    for (Path f : files) {
      String src = Files.readString(f);
      assertTrue(!src.contains("import ai.djl"), f + " imports DJL");
      assertTrue(!src.contains("import dev.robusta.ood"), f + " imports ood (package cycle)");
      assertTrue(!src.contains("import dev.robusta.report") && !src.contains("import dev.robusta.infer"), f + " imports a higher layer");
    }
  }

  @Test
  void onlyOdinTouchesDjlInOod() throws IOException {
    long djl = 0;
    for (Path f : sources("ood")) {
      if (Files.readString(f).contains("import ai.djl")) {
        assertEquals("Odin.java", f.getFileName().toString());
        djl++;
      }
    }
    assertEquals(1, djl);
  }
}
