package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Randomised checks of the fast paths against brute-force definitions (seeded, small inputs, many ties). */
@Timeout(60)
class PropertyTest {

  @Test
  void stableRadixArgsortEqualsAStableComparisonSort() {
    SplittableRandom r = new SplittableRandom(1);
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(0, 300);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        int kind = r.nextInt(6);
        v[i] = switch (kind) {
          case 0 -> 0.0;
          case 1 -> -0.0;
          case 2 -> r.nextInt(5) - 2;
          case 3 -> r.nextGaussian() * 1e300;
          case 4 -> -Double.MIN_VALUE * r.nextInt(3);
          default -> r.nextDouble();
        };
      }
      int[] expected = IntStream.range(0, n).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> v[i] + 0.0)).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, Sorting.argsortStable(v), "trial " + trial);
    }
  }

  @Test
  void oodMetricsEqualPairwiseAndThresholdDefinitions() {
    SplittableRandom r = new SplittableRandom(2);
    for (int trial = 0; trial < 300; trial++) {
      int np = r.nextInt(1, 40);
      int nn = r.nextInt(1, 40);
      double[] pos = new double[np];
      double[] neg = new double[nn];
      for (int i = 0; i < np; i++) pos[i] = r.nextInt(8) + 0.5 * r.nextInt(2);
      for (int i = 0; i < nn; i++) neg[i] = r.nextInt(6);
      // AUROC = P(pos > neg) + 0.5 P(pos == neg)
      double wins = 0;
      for (double p : pos) for (double q : neg) wins += p > q ? 1 : p == q ? 0.5 : 0;
      OodDetectionResult res = OodDetection.evaluate(Scores.higherIsOod("s", neg), Scores.higherIsOod("s", pos), OodConvention.DEFAULT);
      assertEquals(wins / (np * nn), res.auroc(), 1e-12, "AUROC trial " + trial);
      // brute force over distinct thresholds, descending
      double[] thr = IntStream.range(0, np + nn).mapToDouble(i -> i < np ? pos[i] : neg[i - np]).distinct()
          .boxed().sorted(Comparator.reverseOrder()).mapToDouble(Double::doubleValue).toArray();
      double ap = 0;
      double prevRecall = 0;
      double firstFpr = Double.NaN;
      double detErr = 0.5;
      for (double t : thr) {
        long tp = Arrays.stream(pos).filter(x -> x >= t).count();
        long fp = Arrays.stream(neg).filter(x -> x >= t).count();
        double recall = tp / (double) np;
        ap += (recall - prevRecall) * tp / (double) (tp + fp);
        prevRecall = recall;
        if (Double.isNaN(firstFpr) && recall >= 0.95) firstFpr = fp / (double) nn;
        detErr = Math.min(detErr, 0.5 * (1 - recall) + 0.5 * fp / (double) nn);
      }
      assertEquals(ap, res.auprOut(), 1e-12, "AP trial " + trial);
      assertEquals(firstFpr, res.fpr95(), 1e-15, "FPR95 trial " + trial);
      assertEquals(detErr, res.detectionError(), 1e-15, "detection error trial " + trial);
    }
  }

  @Test
  void eceEqualsDirectBinning() {
    SplittableRandom r = new SplittableRandom(3);
    int bins = 15;
    for (int trial = 0; trial < 100; trial++) {
      int n = r.nextInt(1, 200);
      double[] c = new double[n];
      boolean[] k = new boolean[n];
      for (int i = 0; i < n; i++) {
        c[i] = r.nextInt(4) == 0 ? r.nextInt(16) / 15.0 : r.nextDouble(); // many values on bin edges
        k[i] = r.nextBoolean();
      }
      double[] sc = new double[bins];
      double[] sk = new double[bins];
      int[] cnt = new int[bins];
      for (int i = 0; i < n; i++) {
        int b = 0; // bin b holds edge[b] < c <= edge[b + 1], edges i * (1/15) as numpy.linspace, 0.0 in bin 0
        while (b < bins - 1 && c[i] > (b + 1) * (1.0 / bins)) b++;
        sc[b] += c[i];
        sk[b] += k[i] ? 1 : 0;
        cnt[b]++;
      }
      double ece = 0;
      for (int b = 0; b < bins; b++) if (cnt[b] > 0) ece += cnt[b] / (double) n * Math.abs(sk[b] / cnt[b] - sc[b] / cnt[b]);
      assertEquals(ece, Calibration.ece(c, k).value(), 1e-12, "trial " + trial);
    }
  }
}
