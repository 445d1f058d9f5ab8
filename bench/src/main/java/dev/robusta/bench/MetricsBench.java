package dev.robusta.bench;

import dev.robusta.metrics.Calibration;
import dev.robusta.metrics.CalibrationError;
import dev.robusta.metrics.OodConvention;
import dev.robusta.metrics.OodDetection;
import dev.robusta.metrics.OodDetectionResult;
import dev.robusta.metrics.Scores;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ./robusta bench metrics [N]}: AUROC + AUPR-In + AUPR-Out + FPR95 on N scores (default 10
 * million, half ID, half OOD) and ECE (15 bins) on N confidences, Robusta beside scikit-learn (Debian's
 * {@code /usr/bin/python3}) on the same arrays in the same run. The arrays are written once to a temp
 * file of little-endian float64 that both sides read; each side is timed 3 times after one warm-up and
 * the median is reported; file reading is not timed. Values must agree to 1e-9 (AUROC/AUPR are
 * computed exactly here and by trapezoids/step sums in scikit-learn; FPR95 and ECE to 1e-12).
 *
 * <p>Python reference: {@code roc_auc_score}, {@code average_precision_score} (OOD positive and,
 * negated, ID positive), {@code roc_curve} + first TPR &gt;= 0.95 (OpenOOD's FPR95 rule, Robusta's
 * {@code OodConvention.DEFAULT}); ECE from {@code sklearn.calibration.calibration_curve(n_bins=15)} with
 * bin counts from the same bin assignment ({@code searchsorted} on the inner edges, right-closed).
 */
public final class MetricsBench {
  private MetricsBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    String python = System.getenv().getOrDefault("ROBUSTA_PYTHON", "/usr/bin/python3");
    int nId = n / 2;
    int nOod = n - nId;
    SplittableRandom rnd = new SplittableRandom(20260101L);
    double[] id = new double[nId];
    double[] ood = new double[nOod];
    // float32-rounded scores, so ties occur as they do with real model outputs
    for (int i = 0; i < nId; i++) id[i] = (float) rnd.nextGaussian();
    for (int i = 0; i < nOod; i++) ood[i] = (float) (0.8 + rnd.nextGaussian());
    double[] conf = new double[n];
    boolean[] correct = new boolean[n];
    for (int i = 0; i < n; i++) {
      double c = Math.min(1.0, Math.max(0.0, (float) (0.35 + 0.65 * Math.sqrt(rnd.nextDouble()))));
      conf[i] = c;
      correct[i] = rnd.nextDouble() < c - 0.05;
    }
    Path dir = Files.createTempDirectory("robusta-metrics-bench");
    try {
      write(dir.resolve("id.f64"), id);
      write(dir.resolve("ood.f64"), ood);
      write(dir.resolve("conf.f64"), conf);
      double[] corr = new double[n];
      for (int i = 0; i < n; i++) corr[i] = correct[i] ? 1 : 0;
      write(dir.resolve("correct.f64"), corr);
      Path script = dir.resolve("ref.py");
      Files.writeString(script, PYTHON, StandardCharsets.UTF_8);

      Scores sId = Scores.higherIsOod("synthetic", id);
      Scores sOod = Scores.higherIsOod("synthetic", ood);
      OodDetectionResult res = null;
      CalibrationError ece = null;
      double[] tOod = new double[3];
      double[] tEce = new double[3];
      OodDetection.evaluate(sId, sOod, OodConvention.DEFAULT); // warm-up
      Calibration.ece(conf, correct);
      for (int r = 0; r < 3; r++) {
        long t0 = System.nanoTime();
        res = OodDetection.evaluate(sId, sOod, OodConvention.DEFAULT);
        long t1 = System.nanoTime();
        ece = Calibration.ece(conf, correct);
        long t2 = System.nanoTime();
        tOod[r] = (t1 - t0) / 1e9;
        tEce[r] = (t2 - t1) / 1e9;
      }
      System.err.println("robusta metrics bench: running scikit-learn on the same " + n + " scores ...");
      Process p = new ProcessBuilder(python, script.toString(), dir.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        System.err.println(out);
        throw new IllegalStateException("the scikit-learn reference failed (needs Debian's python3-sklearn at " + python
            + "; set ROBUSTA_PYTHON to another interpreter)");
      }
      Map<String, Double> py = new HashMap<>();
      for (String line : out.split("\n")) {
        String[] kv = line.trim().split("=");
        if (kv.length == 2) py.put(kv[0], Double.parseDouble(kv[1]));
      }
      double jOod = median(tOod);
      double jEce = median(tEce);
      double pOod = py.get("t_ood");
      double pEce = py.get("t_ece");
      System.out.printf(Locale.ROOT, "%nMetrics benchmark: %,d scores (%,d ID + %,d OOD, float32-rounded, ties present), "
          + "%,d confidences; %d cores, median of 3 runs%n%n", n, nId, nOod, n, Runtime.getRuntime().availableProcessors());
      System.out.println("| metric | Robusta | scikit-learn | abs diff |");
      System.out.println("|---|---|---|---|");
      row("AUROC", res.auroc(), py.get("auroc"));
      row("AUPR-Out (OOD positive)", res.auprOut(), py.get("aupr_out"));
      row("AUPR-In (ID positive)", res.auprIn(), py.get("aupr_in"));
      row("FPR95 (OOD positive, first TPR >= 0.95)", res.fpr95(), py.get("fpr95"));
      row("ECE (15 bins)", ece.value(), py.get("ece"));
      System.out.println();
      System.out.println("| task | Robusta (s) | scikit-learn (s) | speed-up |");
      System.out.println("|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| AUROC + AUPR-In + AUPR-Out + FPR95 | %.3f | %.3f | %.1fx |%n", jOod, pOod, pOod / jOod);
      System.out.printf(Locale.ROOT, "| ECE | %.3f | %.3f | %.1fx |%n", jEce, pEce, pEce / jEce);
      double worst = Math.max(Math.max(Math.abs(res.auroc() - py.get("auroc")), Math.abs(res.auprOut() - py.get("aupr_out"))),
          Math.abs(res.auprIn() - py.get("aupr_in")));
      boolean same = worst < 1e-9 && Math.abs(res.fpr95() - py.get("fpr95")) < 1e-12 && Math.abs(ece.value() - py.get("ece")) < 1e-12;
      System.out.println();
      System.out.println(same ? "values agree (AUROC/AUPR within 1e-9, FPR95 and ECE within 1e-12)" : "VALUES DIFFER");
      System.out.println("Robusta result: " + res);
      if (!same) System.exit(1);
    } finally {
      try (var s = Files.list(dir)) {
        for (Path f : s.toList()) Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    }
  }

  private static void row(String name, double j, double p) {
    System.out.printf(Locale.ROOT, "| %s | %.15f | %.15f | %.1e |%n", name, j, p, Math.abs(j - p));
  }

  private static double median(double[] t) {
    double[] s = t.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static void write(Path file, double[] v) throws IOException {
    try (OutputStream o = Files.newOutputStream(file); DataOutputStream d = new DataOutputStream(o)) {
      ByteBuffer b = ByteBuffer.allocate(8 * 65536).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < v.length; i++) {
        b.putDouble(v[i]);
        if (!b.hasRemaining()) {
          d.write(b.array(), 0, b.position());
          b.clear();
        }
      }
      d.write(b.array(), 0, b.position());
    }
  }

  private static final String PYTHON = String.join("\n",
      "import sys, time, numpy as np",
      "from sklearn.metrics import roc_auc_score, average_precision_score, roc_curve",
      "from sklearn.calibration import calibration_curve",
      "d = sys.argv[1]",
      "idv = np.fromfile(d + '/id.f64', dtype='<f8'); oodv = np.fromfile(d + '/ood.f64', dtype='<f8')",
      "conf = np.fromfile(d + '/conf.f64', dtype='<f8'); corr = np.fromfile(d + '/correct.f64', dtype='<f8')",
      "s = np.concatenate([oodv, idv]); y = np.concatenate([np.ones(len(oodv)), np.zeros(len(idv))])",
      "def ood():",
      "    auroc = roc_auc_score(y, s)",
      "    aupr_out = average_precision_score(y, s)",
      "    aupr_in = average_precision_score(1 - y, -s)",
      "    fpr, tpr, _ = roc_curve(y, s)",
      "    return auroc, aupr_out, aupr_in, fpr[np.argmax(tpr >= 0.95)]",
      "def ece():",
      "    prob_true, prob_pred = calibration_curve(corr, conf, n_bins=15)",
      "    bins = np.linspace(0.0, 1.0, 16)",
      "    counts = np.bincount(np.searchsorted(bins[1:-1], conf), minlength=15)",
      "    w = counts[counts > 0] / len(conf)",
      "    return float(np.sum(w * np.abs(prob_true - prob_pred)))",
      "def timed(f):",
      "    f(); ts = []",
      "    for _ in range(3):",
      "        t0 = time.perf_counter(); r = f(); ts.append(time.perf_counter() - t0)",
      "    return r, sorted(ts)[1]",
      "(auroc, aupr_out, aupr_in, fpr95), t_ood = timed(ood)",
      "e, t_ece = timed(ece)",
      "for k, v in [('auroc', auroc), ('aupr_out', aupr_out), ('aupr_in', aupr_in), ('fpr95', fpr95), ('ece', e),",
      "             ('t_ood', t_ood), ('t_ece', t_ece)]:",
      "    print('%s=%r' % (k, float(v)))",
      "");
}
