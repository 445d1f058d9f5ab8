package dev.robusta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A corruption that cannot run here (frost without its six textures) is left out of the grid and the mean by
 * name, even though the inference pipeline wraps the reason: the run finishes with the other corruptions
 * instead of stopping after computing them.
 */
class EvalUnavailableCorruptionTest {

  @Test
  @Timeout(600)
  void frostWithoutTexturesIsReportedAndLeftOutNotFatal(@TempDir Path tmp) throws Exception {
    Path model = Shared.path("data/models/cifar10-resnet/cifar10_resnet20.pt");
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    Path empty = Files.createDirectories(tmp.resolve("no-frost-textures"));
    String before = System.getProperty("robusta.frost.dir");
    System.setProperty("robusta.frost.dir", empty.toString());
    try {
      EvalRuns.Run r = EvalRuns.main("eval", "--model", model.toString(), "--preset", "cifar", "--dataset", "cifar10",
          "--root", root.toString(), "--corruptions", "cifar10-c", "--only", "contrast,frost", "--limit", "20",
          "--out", tmp.resolve("out").toString(), "--cache", tmp.resolve("cache").toString());
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().contains("corruption 'frost' is unavailable and left out of the grid and the mean")
          && r.out().contains("frost texture"), r.out());
      Table grid = EvalRuns.table(tmp.resolve("out/cifar10-test"), "top-1-error-per-corruption");
      assertEquals(1, grid.rowCount(), "only contrast is in the grid");
      assertEquals("contrast", grid.getString(0, 0));
    } finally {
      if (before == null) {
        System.clearProperty("robusta.frost.dir");
      } else {
        System.setProperty("robusta.frost.dir", before);
      }
    }
  }
}
