package dev.robusta.notebooks;


import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.infer.ClipFiles;
import dev.robusta.testing.ExecutedNotebook;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curated notebooks 01-09 execute headless through {@code ./robusta run} on the real data in
 * {@code ../shared} with no failing cell, and their executed copies hold the tables (text/html with the
 * expected header), figures (a Plotly div) and printed comparison lines each notebook is about. Skips with
 * the reason when Jupyter or {@code ../shared} is absent. The total time is printed at the end.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class Part1NotebooksTest {
  private static long totalNanos;

  @TempDir static Path out;

  @BeforeAll
  static void needsJupyterAndShared() throws Exception {
    ExecutedNotebook.assumeJupyterAndShared();
  }

  @AfterAll
  static void reportTime() {
    System.out.printf("Part 1 notebooks: total run time %.1f s%n", totalNanos / 1e9);
  }

  @Test
  void quickstart() throws Exception {
    ExecutedNotebook nb = run("01-quickstart");
    nb.assertHtmlTable("ResNet-20 on CIFAR-10: reproduced vs published", "<th>top-1 (%)</th>");
    nb.assertPlotly("Reliability diagram: ResNet-20 on CIFAR-10");
    nb.assertPng();
    nb.assertStream("reproduced top-1 ");
    nb.assertStream("report written: ");
  }

  @Test
  void commonCorruptions() throws Exception {
    ExecutedNotebook nb = run("03-common-corruptions");
    nb.assertHtmlTable("ImageNet-C mCE: reproduced from RobustBench", "<th>mCE (RobustBench)</th>");
    // the mCE recomputed from RobustBench's per-cell accuracies equals RobustBench's own (rounded to 0.01)
    nb.assertStream("ImageNet-C [Standard_R50]: mCE 0.7637, relative mCE 1.0626");
    nb.assertPlotly("ImageNet-C CE per corruption");
    nb.assertPng();
    nb.assertHtmlTable("Live: MobileNetV2-int8 top-1 error", "<th>CE vs AlexNet (%)</th>");
    nb.assertHtmlTable("Live: ImageNet-P metrics", "<th>flip probability</th>");
  }

  @Test
  void effectiveRobustness() throws Exception {
    ExecutedNotebook nb = run("05-effective-robustness");
    nb.assertHtmlTable("Baseline fits on logit axes", "<th>slope</th>");
    nb.assertHtmlTable("Mean effective robustness (accuracy points) by family", "<th>ImageNet-R</th>");
    nb.assertPlotly("Effective robustness: ImageNet vs ImageNet-R");
    nb.assertStream("CLIP zero-shot ViT-B/32 effective robustness on ImageNet-R: +");
  }

  @Test
  void architecturesAndClip() throws Exception {
    ExecutedNotebook nb = run("08-architectures-and-clip");
    nb.assertHtmlTable("Mean top-1 (%) by architecture family", "<th>imagenet-r</th>");
    nb.assertHtmlTable("Effective robustness on ImageNet-R by family and pre-training", "<th>mean ER on ImageNet-R</th>");
    nb.assertPlotly("ImageNet-R top-1 against model size");
    nb.assertStream("mean effective robustness on ImageNet-R, CLIP / image-text pre-training: +");
    // zero-shot section: the plumbing check (ResNet-20 as image encoder, identity class embeddings) gives
    // the ResNet's predictions on every image; real CLIP runs only when its exported files are present
    nb.assertHtmlTable("Zero-shot plumbing check on CIFAR-10 test JPEGs (not CLIP)", "<th>same prediction as ResNet-20</th>");
    nb.assertStream("same prediction on 1000 of 1000 images");
    double zeroShot = nb.number("plumbing check \\(not CLIP\\): zero-shot top-1 ([0-9.]+)%");
    double resnet = nb.number("ResNet-20 top-1 ([0-9.]+)%, same prediction");
    assertEquals(resnet, zeroShot, 0.0);
    Path clipDir = Path.of(System.getenv().getOrDefault("ROBUSTA_CLIP_DIR",
        Shared.repo().resolve("../shared/data/models/clip-vit-b-32").toString()));
    nb.assertStream(new ClipFiles(clipDir).complete() ? "CLIP ViT-B/32 zero-shot on " : "CLIP zero-shot skipped: ");
  }

  @Test
  void naturalAdversarialExamples() throws Exception {
    ExecutedNotebook nb = run("02-natural-adversarial-examples");
    nb.assertHtmlTable("ImageNet-A: reproduced (sample photos) vs published", "<th>top-1 (%)</th>");
    nb.assertStream("published DenseNet-121 on ImageNet-A 2.47% (timm)");
    nb.assertPlotly("Risk-coverage of MobileNetV2-int8");
    nb.assertHtmlTable("ImageNet-A and ImageNet-V2 example photos", "<th>prediction</th>");
    nb.assertHtmlTable("ImageNet-O-style detection with MSP", "<th>metric</th>");
  }

  @Test
  void cifar10C() throws Exception {
    ExecutedNotebook nb = run("04-cifar10-c");
    nb.assertPng();
    nb.assertHtmlTable("CIFAR-10-C top-1 (%) of the CIFAR ResNets, reproduced here", "<th>mean corruption acc</th>");
    nb.assertPlotly("CIFAR-10-C: top-1 against severity");
    nb.assertHtmlTable("CIFAR-10-C leaderboard (RobustBench) beside the reproduced ResNets", "<th>source</th>");
    nb.assertStream("RobustBench Standard (WRN-28-10): ");
  }

  /** 235 s here (three small trainings, 75 generated cells x 300 images; 2 cores shared with a full CIFAR-10-C run, about 60 s of CPU time). */
  @Test
  void augMixPixMix() throws Exception {
    ExecutedNotebook nb = run("07-augmix-pixmix");
    nb.assertPng();
    String table = "Standard vs AugMix vs PixMix on Fashion-MNIST-C, reproduced here";
    nb.assertHtmlTable(table, "<th>mean corruption error (%)</th>");
    nb.assertHtmlTable(table, "<th>RMS calib. corrupted (%)</th>");
    nb.assertHtmlTable(table, "<tr><td>Standard</td><td>CE</td>");
    nb.assertHtmlTable(table, "<tr><td>AugMix + JSD</td><td>CE + 12.0*JSD(AugMix)</td>");
    nb.assertHtmlTable(table, "<tr><td>PixMix</td><td>CE on PixMix images</td>");
    nb.assertPlotly("Fashion-MNIST-C error per corruption (mean over severities)");
    nb.assertHtmlTable("Corruption error: published (CIFAR-10-C) beside reproduced", "<td>AugMix paper, Table 1 (published)</td>");
    nb.assertStream("generated 75 cells x 300 images");
    // the reproduced figures are printed beside the published ones; each is a percentage in 0..100
    for (String model : new String[] {"Standard", "AugMix", "PixMix"}) {
      double v = nb.number("reproduced mean corruption error: .*?" + model + " ([0-9.]+)%");
      org.junit.jupiter.api.Assertions.assertTrue(v > 0 && v < 100, model + ": " + v);
    }
    nb.assertStream("published 26.9% -> 11.2%, ratio 0.42");
    // RobustBench's CIFAR-10-C CSV read by the notebook: AugMix's released WRN-40-2 agrees with the paper's 11.2%
    nb.assertHtmlTable("Corruption error: published (CIFAR-10-C) beside reproduced", "<td>RobustBench CSV (published)</td>");
    nb.assertStream("RobustBench CIFAR-10-C mean error: Standard (WRN-28-10) 26.54%, Hendrycks2020AugMixWRN 11.18%");
  }

  @Test
  void manyFaces() throws Exception {
    ExecutedNotebook nb = run("06-many-faces");
    nb.assertHtmlTable("Many-Faces datasets in the registry", "<th>how to get it</th>");
    nb.assertHtmlTable("ImageNet-200 vs ImageNet-R top-1 (%) and the gap", "<th>gap (points)</th>");
    nb.assertPlotly("ImageNet-200 vs ImageNet-R (published)");
    nb.assertStream("rendition breakdown not run: IMAGENET_R_ROOT is not set");
    nb.assertPng();
  }

  @Test
  void oodCvNuisances() throws Exception {
    ExecutedNotebook nb = run("09-ood-cv-nuisances");
    nb.assertStream("generated stand-in tree (NOT the OOD-CV data): ");
    nb.assertPng();
    nb.assertHtmlTable("Top-1 per nuisance (generated stand-in, not OOD-CV)", "<th>gap to iid (points)</th>");
    nb.assertPlotly("Top-1 per nuisance (stand-in)");
  }

  // ---------------------------------------------------------------------------------------------

  /** An executed notebook's outputs. */
  static ExecutedNotebook run(String name) throws IOException, InterruptedException {
    ExecutedNotebook nb = ExecutedNotebook.run(name, out, 560);
    totalNanos += nb.nanos();
    return nb;
  }
}
