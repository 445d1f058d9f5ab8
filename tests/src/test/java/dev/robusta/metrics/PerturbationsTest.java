package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ImageNet-P flip probability, top-5 and Zipf distance, mFR / mT5D against {@code oracles/metrics/imagenet_p}. */
@Timeout(60)
class PerturbationsTest {
  private static final double TOL = 1e-12;

  /** @return logits [V][F][K] from logits_K{k}.csv (columns video, frame, c0..) */
  static double[][][] logits(int k) throws IOException {
    List<String> lines = Files.readAllLines(Shared.path("oracles/metrics/imagenet_p/logits_K" + k + ".csv"));
    int v = 0;
    int f = 0;
    for (String l : lines.subList(1, lines.size())) {
      String[] p = l.split(",", 3);
      v = Math.max(v, Integer.parseInt(p[0]) + 1);
      f = Math.max(f, Integer.parseInt(p[1]) + 1);
    }
    double[][][] out = new double[v][f][];
    for (String l : lines.subList(1, lines.size())) {
      String[] p = l.split(",");
      double[] row = new double[p.length - 2];
      for (int c = 0; c < row.length; c++) row[c] = Double.parseDouble(p[c + 2]);
      out[Integer.parseInt(p[0])][Integer.parseInt(p[1])] = row;
    }
    return out;
  }

  @Test
  void matchesReferenceMetrics() throws IOException {
    Map<Integer, double[][][]> byK = Map.of(1000, logits(1000), 10, logits(10));
    List<Map<String, String>> rows = OracleCsv.read(Shared.path("oracles/metrics/imagenet_p/p_metrics.csv"));
    assertEquals(8, rows.size());
    for (Map<String, String> r : rows) {
      double[][][] l = byK.get(Integer.parseInt(r.get("num_classes")));
      FrameRule rule = r.get("noise_perturbation").equals("1") ? FrameRule.AGAINST_FIRST_FRAME : FrameRule.CONSECUTIVE;
      int d = Integer.parseInt(r.get("difficulty"));
      PerturbationResult p = Perturbations.evaluate("p", l, rule, d);
      String what = r.get("num_classes") + " classes, " + rule + ", d=" + d;
      assertEquals(Double.parseDouble(r.get("flip_prob")), p.flipProbability(), TOL, "flip " + what);
      assertEquals(Double.parseDouble(r.get("top5_dist")), p.top5Distance(), TOL, "top5 " + what);
      assertEquals(Double.parseDouble(r.get("zipf_dist")), p.zipfDistance(), TOL, "zipf " + what);
      String[] pvf = r.get("per_video_flip_prob").split(";");
      String[] pvt = r.get("per_video_top5_dist").split(";");
      for (int v = 0; v < pvf.length; v++) {
        assertEquals(Double.parseDouble(pvf[v]), p.perVideoFlipProbability()[v], TOL, "video flip " + v);
        assertEquals(Double.parseDouble(pvt[v]), p.perVideoTop5Distance()[v], TOL, "video top5 " + v);
      }
      assertEquals(p.flipProbability(), Perturbations.flipProbability(predictions(l), rule, d), TOL);
    }
  }

  @Test
  void predictionsFileIsTheArgmax() throws IOException {
    double[][][] l = logits(10);
    List<String> lines = Files.readAllLines(Shared.path("oracles/metrics/imagenet_p/predictions_K10.csv"));
    int[][] pred = predictions(l);
    for (int v = 0; v < pred.length; v++) {
      String[] p = lines.get(v + 1).split(",");
      for (int f = 0; f < pred[v].length; f++) assertEquals(Integer.parseInt(p[f + 1]), pred[v][f], "video " + v + " frame " + f);
    }
  }

  static int[][] predictions(double[][][] l) {
    int[][] p = new int[l.length][];
    for (int v = 0; v < l.length; v++) {
      p[v] = new int[l[v].length];
      for (int f = 0; f < l[v].length; f++) p[v][f] = Softmax.argmax(l[v][f]);
    }
    return p;
  }

  @Test
  void mfrAndMt5dExample() throws IOException {
    Map<String, Double> fp = new LinkedHashMap<>();
    Map<String, Double> fpA = new LinkedHashMap<>();
    Map<String, Double> t5 = new LinkedHashMap<>();
    Map<String, Double> t5A = new LinkedHashMap<>();
    double mfr = Double.NaN;
    double mt5d = Double.NaN;
    Map<String, Double> fr = new LinkedHashMap<>();
    for (Map<String, String> r : OracleCsv.read(Shared.path("oracles/metrics/imagenet_p/mfr_mt5d_example.csv"))) {
      String p = r.get("perturbation");
      if (p.equals("MEAN")) {
        mfr = Double.parseDouble(r.get("FR"));
        mt5d = Double.parseDouble(r.get("T5D_ratio"));
        continue;
      }
      fp.put(p, Double.parseDouble(r.get("model_FP")));
      fpA.put(p, Double.parseDouble(r.get("alexnet_FP_madeup")));
      t5.put(p, Double.parseDouble(r.get("model_T5D")));
      t5A.put(p, Double.parseDouble(r.get("alexnet_T5D_madeup")));
      fr.put(p, Double.parseDouble(r.get("FR")));
    }
    NormalisedMean m = Perturbations.normalisedMean("mFR", fp, fpA);
    assertEquals(mfr, m.value(), TOL);
    fr.forEach((p, v) -> assertEquals(v, m.ratios().get(p), TOL, p));
    assertEquals(mt5d, Perturbations.normalisedMean("mT5D", t5, t5A).value(), TOL);
    fp.remove("tilt");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Perturbations.normalisedMean("mFR", fp, fpA));
    assertTrue(e.getMessage().contains("[tilt]"), e.getMessage());
  }

  @Test
  void frameRuleFollowsTheName() {
    assertEquals(FrameRule.AGAINST_FIRST_FRAME, FrameRule.forPerturbation("shot_noise"));
    assertEquals(FrameRule.CONSECUTIVE, FrameRule.forPerturbation("tilt"));
    // hand case: predictions 0,1,0,0 -> noise rule compares with frame 0: flips at frame 1 only (1/3);
    // consecutive rule: 0->1, 1->0 flip, 0->0 not (2/3); difficulty 2: pairs (0,0) and (1,0): 1/2
    int[][] p = {{0, 1, 0, 0}};
    assertEquals(1.0 / 3, Perturbations.flipProbability(p, FrameRule.AGAINST_FIRST_FRAME, 1), 1e-15);
    assertEquals(2.0 / 3, Perturbations.flipProbability(p, FrameRule.CONSECUTIVE, 1), 1e-15);
    assertEquals(0.5, Perturbations.flipProbability(p, FrameRule.CONSECUTIVE, 2), 1e-15);
  }
}
