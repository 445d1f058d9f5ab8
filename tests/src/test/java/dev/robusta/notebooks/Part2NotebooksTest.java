package dev.robusta.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.ExecutedNotebook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curated OOD-detection notebooks (10-16) execute headless through {@code ./robusta run} on the real data
 * in {@code ../shared} and Debian's Fashion-MNIST with no failing cell, and their executed copies hold the
 * tables (text/html with the expected header), figures (a Plotly div) and printed lines each notebook is
 * about, including the reproduced effect. Skips with the reason when Jupyter or {@code ../shared} is absent.
 * The time of each notebook and the total are printed.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class Part2NotebooksTest {
  private static long totalNanos;

  @TempDir static Path out;

  @BeforeAll
  static void needsJupyterAndShared() throws Exception {
    ExecutedNotebook.assumeJupyterAndShared();
  }

  @AfterAll
  static void reportTime() {
    System.out.printf("Part 2 notebooks: total run time %.1f s%n", totalNanos / 1e9);
  }

  @Test
  void oodBaselines() throws Exception {
    ExecutedNotebook nb = run("10-ood-baselines");
    nb.assertHtmlTable("OOD detection baselines, ResNet-20 on CIFAR-10", "<th>fpr95</th>");
    nb.assertHtmlTable("OOD detection baselines", "HIGHER_IS_MORE_OOD");
    nb.assertHtmlTable("FPR95 under four conventions", "<th>max - min</th>");
    nb.assertPlotly("ROC: CIFAR-10 vs TinyImageNet (resize)");
    nb.assertPlotly("MSP: CIFAR-10 vs TinyImageNet (resize)");
    nb.assertPlotly("ODIN (T=1000, eps=0.0014): CIFAR-10 vs TinyImageNet (resize)");
    nb.assertPlotly("Mahalanobis: CIFAR-10 vs TinyImageNet (resize)");
    nb.assertPlotly("KNN: CIFAR-10 vs TinyImageNet (resize)");
    for (String score : List.of("MSP", "MaxLogit", "energy", "entropy", "KL-matching", "ODIN (T=1000, no perturbation)",
        "ODIN (T=1000, eps=0.0014)", "Mahalanobis", "ViM", "KNN", "ensemble MSP (3 ResNets)")) {
      double auroc = nb.number("  " + Pattern.quote(score) + " +AUROC ([0-9.]+)");
      assertTrue(auroc > 0.5 && auroc <= 1, score + ": mean AUROC " + auroc + " should beat chance");
    }
    // penultimate features: W f + b from the graph's own final layer reproduces the logits
    double featureError = nb.number("max \\|W f \\+ b - logits\\| = ([0-9.eE+-]+)");
    assertTrue(featureError < 1e-4, "logits recomputed from the penultimate features differ by " + featureError);
    // ODIN's input perturbation: the premise (ID raised more than OOD) and its effect on the mean AUROC
    double idRaise = nb.number("ODIN premise: the perturbation raises the mean ID score by ([0-9.]+)");
    double oodRaise = nb.number("ODIN premise: .* the largest OOD raise is ([0-9.]+)");
    assertTrue(idRaise > oodRaise, "ODIN should raise ID scores more than OOD scores: " + idRaise + " vs " + oodRaise);
    double odinT = nb.number("  " + Pattern.quote("ODIN (T=1000, no perturbation)") + " +AUROC ([0-9.]+)");
    double odin = nb.number("  " + Pattern.quote("ODIN (T=1000, eps=0.0014)") + " +AUROC ([0-9.]+)");
    assertTrue(odin > odinT, "the input perturbation should raise ODIN's mean AUROC: " + odinT + " -> " + odin);
    double spread = nb.number("Largest FPR95 spread between conventions: ([0-9.]+)");
    assertTrue(spread > 0 && spread <= 1, "the FPR95 conventions should disagree somewhere: " + spread);
  }

  @Test
  void outlierExposure() throws Exception {
    ExecutedNotebook nb = run("11-outlier-exposure");
    nb.assertHtmlTable("Outlier Exposure before/after, Fashion-MNIST CNN (MSP)", "<th>fpr95</th>");
    nb.assertHtmlTable("Outlier Exposure before/after", "Outlier Exposure subsampling: 10 draws");
    nb.assertPng();
    double before = nb.number("OE effect, mean over 5 test OOD sets: FPR95 ([0-9.]+)%");
    double after = nb.number("OE effect, mean over 5 test OOD sets: FPR95 [0-9.]+% -> ([0-9.]+)%");
    assertTrue(after < before, "OE should lower the mean FPR95: " + before + "% -> " + after + "%");
  }

  @Test
  void probabilityScoreInterpreter() throws Exception {
    ExecutedNotebook nb = run("15-probability-score-interpreter");
    nb.assertPlotly("on the fit split");
    nb.assertHtmlTable("PSI readings (alpha 0.05), ResNet-20", "<th>uncertain</th>");
    nb.assertHtmlTable("PSI vs MSP vs MaxLogit, ResNet-20 on CIFAR-10", "PSI(alpha=0.05)");
    double correct = nb.number("PSI on test \\(correct\\): ([0-9.]+)% in-class");
    double wrong = nb.number("PSI on test \\(misclassified\\): ([0-9.]+)% in-class");
    double noise = nb.number("PSI on Gaussian: ([0-9.]+)% in-class");
    assertTrue(correct > wrong && correct > noise,
        "PSI should call correctly classified test images in-class more often than errors or noise: " + correct
            + "% vs " + wrong + "% / " + noise + "%");
    for (String score : List.of("PSI\\(alpha=0.05\\)", "MSP", "MaxLogit")) {
      double auroc = nb.number("vs TinyImageNet \\(resize\\): " + score + " AUROC ([0-9.]+)");
      assertTrue(auroc > 0.5 && auroc <= 1, score + " AUROC on Tiny-ImageNet " + auroc);
    }
  }

  @Test
  void nearOodAndShifted() throws Exception {
    ExecutedNotebook nb = run("16-near-ood-and-shifted");
    nb.assertPng();
    nb.assertHtmlTable("Semantic vs covariate shift, ResNet-20 on CIFAR-10", "<th>AUROC clean vs semantic</th>");
    double clean = nb.number("clean: Accuracy \\[full\\]: top-1 ([0-9.]+)");
    for (String c : List.of("gaussian_noise", "defocus_blur", "contrast", "jpeg_compression")) {
      double acc = nb.number(c + ": Accuracy \\[full\\]: top-1 ([0-9.]+)");
      assertTrue(acc < clean, c + " at severity 3 should lower accuracy: " + acc + " vs clean " + clean);
    }
    for (String score : List.of("MSP", "MaxLogit", "energy", "entropy")) {
      double semantic = nb.number(score + " +semantic AUROC ([0-9.]+)");
      double rejected = nb.number(score + " +semantic AUROC .*correct shifted rejected ([0-9.]+)%");
      assertTrue(semantic > 0.5 && semantic <= 1, score + " semantic-shift AUROC " + semantic);
      assertTrue(rejected >= 0 && rejected <= 100, score + " rejection " + rejected);
    }
  }

  @Test
  void unknownDetection() throws Exception {
    ExecutedNotebook nb = run("14-unknown-detection");
    nb.assertHtmlTable("Unknown detection: one model, three kinds of unknowns", "<th>AURC</th>");
    nb.assertHtmlTable("Unknown detection: one model, three kinds of unknowns", "<th>open-set AUROC</th>");
    for (String score : List.of("MSP", "MaxLogit", "energy", "entropy", "deep ensemble MSP (3)")) {
      double mis = nb.number(Pattern.quote(score) + " +misclassification AUROC ([0-9.]+)");
      double aurc = nb.number(Pattern.quote(score) + " +misclassification AUROC [0-9.]+ +AURC ([0-9.]+)");
      double open = nb.number(Pattern.quote(score) + " +misclassification .*open-set AUROC ([0-9.]+)");
      assertTrue(mis > 0.5 && mis <= 1, score + " misclassification AUROC " + mis);
      assertTrue(aurc > 0 && aurc < 0.5, score + " AURC " + aurc);
      assertTrue(open > 0 && open <= 1, score + " open-set AUROC " + open);
    }
  }

  @Test
  void selfSupervision() throws Exception {
    ExecutedNotebook nb = run("12-self-supervision-and-pretraining");
    nb.assertStream("objective CE + 0.5*CE(rotation 0/90/180/270)");
    nb.assertHtmlTable("Rotation head before/after, Fashion-MNIST CNN (MSP)", "<th>fpr95</th>");
    double before = nb.number("Rotation head effect, mean over 5 OOD sets: FPR95 ([0-9.]+)%");
    double after = nb.number("Rotation head effect, mean over 5 OOD sets: FPR95 [0-9.]+% -> ([0-9.]+)%");
    assertTrue(before >= 0 && before <= 100 && after >= 0 && after <= 100, before + " -> " + after);
  }

  @Test
  void compoundCorruptions() throws Exception {
    ExecutedNotebook nb = run("13-compound-corruptions");
    nb.assertPng();
    nb.assertStream("objective CE + 0.5*OE(outliers=fashion-mnist-train/compound-corruptions)");
    nb.assertHtmlTable("Compound corruptions vs Outlier Exposure, Fashion-MNIST CNN (MSP)", "<th>fpr95</th>");
    String tail = ": test accuracy [0-9.]+%, mean over 5 OOD sets FPR95 ([0-9.]+)%";
    double ce = nb.number("CE" + tail);
    double cnc = nb.number(Pattern.quote("CE + OE(compound corruptions)") + tail);
    double real = nb.number(Pattern.quote("CE + OE(real outliers)") + tail);
    assertTrue(cnc < ce, "compound-corruption outliers should lower the mean FPR95: " + ce + "% -> " + cnc + "%");
    assertTrue(real < ce, "real outliers should lower the mean FPR95: " + ce + "% -> " + real + "%");
  }

  // ---------------------------------------------------------------------------------------------

  /** An executed notebook's outputs. */
  static ExecutedNotebook run(String name) throws IOException, InterruptedException {
    ExecutedNotebook nb = ExecutedNotebook.run(name, out, 800);
    totalNanos += nb.nanos();
    return nb;
  }
}
