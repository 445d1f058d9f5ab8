package dev.robusta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Metrics;
import dev.robusta.cli.Main;
import dev.robusta.infer.Backend;
import dev.robusta.infer.LogitsCache;
import dev.robusta.infer.Predictions;
import dev.robusta.metrics.OodDetectionResult;
import dev.robusta.metrics.Scores;
import dev.robusta.ood.LogitScores;
import dev.robusta.report.ResultTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Shared by the end-to-end tests: run the CLI in-process, read its CSV tables and its logits cache. */
final class EvalRuns {
  private EvalRuns() {}

  /** Exit status and captured output of one {@link Main#run} call. */
  record Run(int status, String out, String err) {}

  /** Runs {@code ./robusta ARGS} in this JVM with stdout/stderr captured. */
  static Run main(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      int status = Main.run(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** @return the CSV table whose file name starts with {@code prefix} in {@code dir} */
  static Table table(Path dir, String prefix) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      Path f = s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + prefix + "*.csv in " + dir));
      return ResultTable.readCsv(f).table();
    }
  }

  static String tail(String s) {
    return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
  }

  /** @return every complete entry of a logits cache, read without the model */
  static List<Predictions> cached(Path cache) {
    List<Predictions> out = new ArrayList<>();
    for (Path m : LogitsCache.at(cache).entries()) {
      out.add(LogitsCache.read(m));
    }
    return out;
  }

  /** @return the cached clean logits of a model (file name without extension) run on a backend */
  static Predictions clean(Path cache, String model, Backend backend) {
    return cached(cache).stream().filter(p -> p.model().name().equals(model) && p.model().backend() == backend
        && p.cell().startsWith("clean/")).findFirst()
        .orElseThrow(() -> new AssertionError("no cached clean logits of " + model + " on " + backend));
  }

  /** @return how many rows of two equally long logit arrays have different argmax */
  static int disagreements(Predictions a, Predictions b) {
    assertEquals(a.size(), b.size(), "both runs cover the same images");
    int[] pa = a.predicted();
    int[] pb = b.predicted();
    int n = 0;
    for (int i = 0; i < pa.length; i++) {
      if (pa[i] != pb[i]) {
        n++;
      }
    }
    return n;
  }

  /**
   * Asserts that every row of an OOD table equals {@link Metrics#ood} on the cached logits (ID = the model's
   * clean cell, OOD = the set's {@code ood/} cell), to 1e-9.
   */
  static void assertOodMatchesCache(Table ood, Path cache, String model, Backend backend) {
    List<Predictions> all = cached(cache);
    Predictions id = clean(cache, model, backend);
    assertEquals(10_000, id.size());
    for (Row row : ood) {
      String set = row.getString("oodSet");
      Predictions o = all.stream().filter(p -> p.model().name().equals(model) && p.model().backend() == backend
          && p.dataset().equals(set) && p.cell().startsWith("ood/")).findFirst()
          .orElseThrow(() -> new AssertionError("no cached logits for " + set));
      assertEquals(o.size(), (int) row.getInt("nOod"), set + ": nOod is the cached set's size");
      String score = row.getString("score");
      OodDetectionResult expected = Metrics.ood(score(score, id.logits()), score(score, o.logits()));
      assertEquals(expected.auroc(), row.getDouble("auroc"), 1e-9, set + " " + score + " AUROC");
      assertEquals(expected.fpr95(), row.getDouble("fpr95"), 1e-9, set + " " + score + " FPR95");
      assertEquals(expected.auprIn(), row.getDouble("auprIn"), 1e-9, set + " " + score + " AUPR-In");
      assertEquals(expected.auprOut(), row.getDouble("auprOut"), 1e-9, set + " " + score + " AUPR-Out");
      assertTrue(expected.auroc() >= 0 && expected.auroc() <= 1);
    }
  }

  static Scores score(String name, float[][] logits) {
    double[][] d = new double[logits.length][];
    for (int i = 0; i < d.length; i++) {
      d[i] = new double[logits[i].length];
      for (int j = 0; j < d[i].length; j++) {
        d[i][j] = logits[i][j];
      }
    }
    return switch (name) {
      case "MSP" -> LogitScores.msp(d);
      case "MaxLogit" -> LogitScores.maxLogit(d);
      case "energy" -> LogitScores.energy(d, 1.0);
      case "entropy" -> LogitScores.entropy(d);
      default -> throw new AssertionError(name);
    };
  }
}
