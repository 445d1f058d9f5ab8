package dev.robusta.cli;

import dev.robusta.Corruptions;
import dev.robusta.Metrics;
import dev.robusta.corrupt.Preset;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.metrics.CalibrationError;
import dev.robusta.metrics.OodDetectionResult;
import dev.robusta.metrics.OperatingPoints;
import dev.robusta.metrics.ReliabilityDiagram;
import dev.robusta.metrics.RiskCoverageCurve;
import dev.robusta.metrics.Scores;
import dev.robusta.ood.LogitScores;
import dev.robusta.report.AccuracyTable;
import dev.robusta.report.CalibrationCharts;
import dev.robusta.report.CalibrationTable;
import dev.robusta.report.CorruptionCharts;
import dev.robusta.report.CorruptionTable;
import dev.robusta.report.Curve;
import dev.robusta.report.OodCharts;
import dev.robusta.report.OodTable;
import dev.robusta.report.Report;
import dev.robusta.report.ResultTable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The evaluation job behind {@code demo} and {@code eval}: clean accuracy and calibration, the corruption
 * grid (accuracy per corruption x severity, mean corruption error, calibration and AURRA per severity), OOD
 * detection with four logit scores, aligned tables on the terminal and a self-contained HTML report.
 */
final class EvalJob {
  /** The four logit-based OOD scores the job reports. */
  static final List<String> SCORES = List.of("MSP", "MaxLogit", "energy", "entropy");

  /**
   * @param modelName shown in tables
   * @param model the classifier's logits on a dataset
   * @param classes the label space size of the ID set; the model must output exactly this many logits
   * @param idTest the clean in-distribution test set
   * @param corruptions corruption names (the 15 benchmark ones), empty for none
   * @param preset the corruption severity tables
   * @param cellLimit images per corruption cell (the first ones of the test set)
   * @param oodSets OOD sets, labels ignored
   * @param seed corruption seed
   * @param outDir where report.html and the CSV tables go
   * @param config run configuration lines for the report
   * @param citations registry ids to cite in the report
   * @param progress the progress receiver of a {@link BatchLogits} source, or null
   * @param modelChannels 1 for a greyscale model: its corrupted cells go through {@link GreyscaleCorrupted}
   */
  record Spec(String modelName, LogitsSource model, int classes, Dataset idTest, List<String> corruptions,
      Preset preset, int cellLimit, List<Dataset> oodSets, long seed, Path outDir, Map<String, String> config,
      List<String> citations, Progress progress, int modelChannels) {
    /** A 3-channel model (every model loaded through the inference module). */
    Spec(String modelName, LogitsSource model, int classes, Dataset idTest, List<String> corruptions,
        Preset preset, int cellLimit, List<Dataset> oodSets, long seed, Path outDir, Map<String, String> config,
        List<String> citations, Progress progress) {
      this(modelName, model, classes, idTest, corruptions, preset, cellLimit, oodSets, seed, outDir, config,
          citations, progress, 3);
    }
  }

  /** Receives the progress of a {@link BatchLogits} source; the job attaches its bar while it runs. */
  static final class Progress implements java.util.function.LongConsumer {
    private volatile ProgressBar bar;

    @Override
    public void accept(long n) {
      ProgressBar b = bar;
      if (b != null) {
        b.stepBy(n);
      }
    }
  }

  /** What the job produced. */
  record Result(double cleanAccuracy, CorruptionTable.Grid grid, List<OodTable.Row> ood, List<ResultTable> tables,
      Path report, Map<String, String> unavailable) {}

  private final Spec spec;
  private final PrintStream out;
  private ProgressBar bar;

  EvalJob(Spec spec, PrintStream out) {
    this.spec = spec;
    this.out = out;
  }

  Result run() {
    long total = spec.idTest().size() + (long) spec.corruptions().size() * 5 * Math.min(spec.cellLimit(),
        spec.idTest().size());
    for (Dataset d : spec.oodSets()) {
      total += d.size();
    }
    List<Object> reportItems = new ArrayList<>();
    List<ResultTable> tables = new ArrayList<>();
    Map<String, String> unavailable = new LinkedHashMap<>();
    if (spec.progress() != null) {
      bar = new ProgressBarBuilder().setTaskName("evaluate").setInitialMax(total).setUnit(" img", 1)
          .setUpdateIntervalMillis(1000).showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
      spec.progress().bar = bar;
    }
    try {
      // clean
      int n = spec.idTest().size();
      int[] labels = new int[n];
      double[][] clean = logits(spec.idTest(), "clean", labels);
      double cleanAcc = accuracy(clean, labels);
      List<CalibrationTable.Row> calRows = new ArrayList<>();
      calRows.add(calibration(spec.modelName(), spec.idTest().id() + " (clean)", clean, labels));
      ReliabilityDiagram rd = Metrics.reliability(confidence(clean), correct(clean, labels));
      reportItems.add(CalibrationCharts.reliability("Reliability diagram, " + spec.idTest().id() + " (clean)",
          bins(rd), rd.ece()));

      // corruptions
      CorruptionTable.Grid grid = null;
      if (!spec.corruptions().isEmpty()) {
        int m = Math.min(spec.cellLimit(), n);
        int[] cellLabels = java.util.Arrays.copyOf(labels, m);
        Map<String, double[]> errors = new LinkedHashMap<>();
        List<List<double[][]>> bySeverity = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
          bySeverity.add(new ArrayList<>());
        }
        Dataset cellSource = new FirstSamples(spec.idTest(), m);
        dev.robusta.corrupt.CorruptedBenchmark bench = Corruptions.corrupted(cellSource, spec.preset(), spec.seed());
        for (String c : spec.corruptions()) {
          double[] err = new double[5];
          double[][][] cells = new double[5][][];
          int done = 0;
          try {
            for (int s = 1; s <= 5; s++) {
              Dataset cell = bench.cell(c, s);
              if (spec.modelChannels() == 1) {
                cell = new GreyscaleCorrupted(cell, cellSource);
              }
              cells[s - 1] = logits(cell, c + "/" + s, null);
              err[s - 1] = 1 - accuracy(cells[s - 1], cellLabels);
              done++;
            }
            errors.put(c, err);
            for (int s = 0; s < 5; s++) {
              bySeverity.get(s).add(cells[s]);
            }
          } catch (RuntimeException e) {
            // a corruption that cannot run here (not implemented, frost textures absent), also when the
            // inference pipeline wraps the reason: reported below; anything else stops the run
            Throwable why = unavailableReason(e);
            if (why == null) {
              throw e;
            }
            unavailable.put(c, why.getMessage());
            if (bar != null) {
              bar.stepBy((long) m * (5 - done));
            }
          }
        }
        if (!unavailable.isEmpty()) {
          out.println();
          unavailable.forEach((c, why) -> out.println("robusta: corruption '" + c + "' is unavailable and left out"
              + " of the grid and the mean: " + why));
        }
        double meanErr = 0;
        for (double[] e : errors.values()) {
          for (double v : e) {
            meanErr += v;
          }
        }
        meanErr = errors.isEmpty() ? Double.NaN : meanErr / (5.0 * errors.size());
        boolean imagenetC = spec.preset() == dev.robusta.corrupt.Preset.IMAGENET_C;
        boolean all15 = errors.keySet().containsAll(Corruptions.benchmarkNames());
        if (imagenetC && all15) {
          // the ImageNet-C protocol: CE normalised by AlexNet's errors, mCE and relative mCE over the 15
          dev.robusta.metrics.CorruptionErrors.Builder b = dev.robusta.metrics.CorruptionErrors.builder(spec.modelName())
              .clean(1 - cleanAcc);
          errors.forEach(b::add);
          grid = CorruptionTable.Grid.of(b.build(), Metrics.mce(b.build()));
        } else {
          String normaliser = "none: mean top-1 error over " + errors.size() + " corruptions x 5 severities"
              + (imagenetC ? " (NOT mCE: AlexNet-normalised CE needs all 15 ImageNet-C corruptions, "
                  + errors.size() + " ran)" : " (the CIFAR-10-C convention, not AlexNet-normalised)")
              + (errors.size() < spec.corruptions().size() ? "; MISSING: " + unavailable.keySet() : "");
          grid = new CorruptionTable.Grid(spec.modelName(), 1 - cleanAcc, errors, Map.of(), Map.of(), meanErr,
              Double.NaN, normaliser);
        }
        for (int s = 0; s < 5; s++) {
          List<double[][]> cells = bySeverity.get(s);
          if (cells.isEmpty()) {
            continue;
          }
          double[][] pooled = new double[cells.size() * m][];
          int[] pooledLabels = new int[pooled.length];
          for (int k = 0; k < cells.size(); k++) {
            System.arraycopy(cells.get(k), 0, pooled, k * m, m);
            System.arraycopy(cellLabels, 0, pooledLabels, k * m, m);
          }
          calRows.add(calibration(spec.modelName(), "corrupted, severity " + (s + 1) + " (" + cells.size()
              + " corruptions x " + m + ")", pooled, pooledLabels));
        }
      }

      // OOD
      List<OodTable.Row> oodRows = new ArrayList<>();
      Map<String, Scores> idScores = scores(clean);
      for (Dataset d : spec.oodSets()) {
        double[][] l = logits(d, "ood", null);
        Map<String, Scores> os = scores(l);
        Map<String, Curve> rocs = new LinkedHashMap<>();
        for (String name : SCORES) {
          OodDetectionResult r = Metrics.ood(idScores.get(name), os.get(name));
          OperatingPoints op = OperatingPoints.of(idScores.get(name), os.get(name), r.convention().positive());
          rocs.put(name, thin(Curve.roc(op, r.auroc()), 400));
          oodRows.add(new OodTable.Row(spec.idTest().id(), d.id(), name, r.orientation().toString(), r.auroc(),
              r.auprIn(), r.auprOut(), r.fpr95(), r.convention().positive().toString(),
              r.convention().rule().toString(), r.detectionError(), r.nId(), r.nOod()));
        }
        reportItems.add(OodCharts.roc("ROC, " + spec.idTest().id() + " vs " + d.id(), rocs,
            "OOD positive"));
        Scores a = idScores.get("energy");
        Scores b = os.get("energy");
        reportItems.add(OodCharts.scoreHistograms("Energy score, " + spec.idTest().id() + " vs " + d.id(),
            "energy (" + a.orientation() + ")", spec.idTest().id(), a.values(), d.id(), b.values(), 50));
      }
      if (bar != null) {
        bar.close();
        bar = null;
      }

      String preproc = "model " + spec.modelName() + ", seed " + spec.seed();
      ResultTable acc = AccuracyTable.of("Clean accuracy", List.of(new AccuracyTable.Row(spec.modelName(),
          spec.idTest().id(), spec.model() instanceof SubsetLogits sub ? sub.labelSpace()
          : "full (" + spec.classes() + " classes)", n, cleanAcc,
          TopK.accuracy(clean, labels, 5))), preproc);
      tables.add(acc);
      if (grid != null) {
        tables.add(CorruptionTable.of("Top-1 error per corruption and severity (" + spec.preset() + " tables, first "
            + Math.min(spec.cellLimit(), n) + " test images per cell)", grid, "corruptions generated in memory, "
            + spec.preset() + ", seed " + spec.seed()));
        reportItems.add(CorruptionCharts.heatmap("Top-1 error, corruption x severity", grid));
        reportItems.add(CorruptionCharts.severityCurvesByCorruption("Top-1 error by severity", grid));
      }
      tables.add(CalibrationTable.of("Calibration and selective prediction", calRows,
          "ECE: 15 equal-width bins; RMS/MAD: adaptive bins of 100 (every bin counted; empty under 100 samples)"));
      if (!oodRows.isEmpty()) {
        tables.add(OodTable.of("OOD detection (ID: " + spec.idTest().id() + ")", oodRows,
            "full sets; ID = the clean test set; scores from logits"));
      }
      for (ResultTable t : tables) {
        out.println();
        out.println(t);
      }
      if (grid != null) {
        if (Double.isNaN(grid.relativeMce())) {
          out.printf(Locale.ROOT, "%nClean accuracy %.2f%%; mean corruption error %.2f%% (%s)%n", 100 * cleanAcc,
              100 * grid.mce(), grid.normaliser());
        } else {
          out.printf(Locale.ROOT, "%nClean accuracy %.2f%%; mCE %.2f%%, relative mCE %.2f%% (%s)%n", 100 * cleanAcc,
              100 * grid.mce(), 100 * grid.relativeMce(), grid.normaliser());
        }
      }
      List<Object> items = new ArrayList<>(tables);
      items.addAll(reportItems);
      Report report = Report.of(items).title("Robusta: " + spec.modelName() + " on " + spec.idTest().id())
          .config(spec.config());
      if (!spec.citations().isEmpty()) {
        report = report.cite(spec.citations().toArray(String[]::new));
      }
      java.nio.file.Files.createDirectories(spec.outDir());
      for (ResultTable t : tables) {
        t.writeCsv(spec.outDir().resolve(slug(t.title()) + ".csv"));
      }
      Path html = report.write(spec.outDir().resolve("report.html"));
      out.println();
      out.println("Report: " + html.toAbsolutePath());
      return new Result(cleanAcc, grid, oodRows, tables, html, unavailable);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write into " + spec.outDir(), e);
    } finally {
      if (bar != null) {
        bar.close();
      }
      if (spec.progress() != null) {
        spec.progress().bar = null;
      }
    }
  }

  private static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  /** Logits as doubles, checking the model's output size against the label space. */
  private double[][] logits(Dataset d, String cell, int[] labelsOut) {
    LogitsSource.Logits l = spec.model().logits(d, cell);
    double[][] out = new double[l.logits().length][];
    for (int i = 0; i < out.length; i++) {
      float[] r = l.logits()[i];
      if (r.length != spec.classes()) {
        throw new UsageException("the model outputs " + r.length + " logits but " + spec.idTest().id() + " has "
            + spec.classes() + " classes", "pick a model trained on this label space (or the matching --dataset)");
      }
      double[] dd = new double[r.length];
      for (int j = 0; j < dd.length; j++) {
        dd[j] = r[j];
      }
      out[i] = dd;
    }
    if (labelsOut != null) {
      System.arraycopy(l.labels(), 0, labelsOut, 0, labelsOut.length);
    }
    return out;
  }

  /** At most about {@code max} points of a curve for drawing (first and last kept); the area is unchanged. */
  static Curve thin(Curve c, int max) {
    int n = c.x().length;
    if (n <= max) {
      return c;
    }
    int step = (n + max - 1) / max;
    int m = (n - 1) / step + 2;
    double[] x = new double[m];
    double[] y = new double[m];
    int k = 0;
    for (int i = 0; i < n - 1 && k < m - 1; i += step) {
      x[k] = c.x()[i];
      y[k++] = c.y()[i];
    }
    x[k] = c.x()[n - 1];
    y[k++] = c.y()[n - 1];
    return new Curve(java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k), c.area());
  }

  static Map<String, Scores> scores(double[][] logits) {
    Map<String, Scores> m = new LinkedHashMap<>();
    m.put("MSP", LogitScores.msp(logits));
    m.put("MaxLogit", LogitScores.maxLogit(logits));
    m.put("energy", LogitScores.energy(logits, 1.0));
    m.put("entropy", LogitScores.entropy(logits));
    return m;
  }

  static double accuracy(double[][] logits, int[] labels) {
    int ok = 0;
    for (int i = 0; i < logits.length; i++) {
      if (argMax(logits[i]) == labels[i]) {
        ok++;
      }
    }
    return (double) ok / logits.length;
  }

  static int argMax(double[] v) {
    int b = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[b]) {
        b = i;
      }
    }
    return b;
  }

  static double[] confidence(double[][] logits) {
    double[] c = new double[logits.length];
    Scores msp = LogitScores.msp(logits);
    for (int i = 0; i < c.length; i++) {
      c[i] = msp.values()[i];
    }
    return c;
  }

  static boolean[] correct(double[][] logits, int[] labels) {
    boolean[] b = new boolean[logits.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = argMax(logits[i]) == labels[i];
    }
    return b;
  }

  private static CalibrationTable.Row calibration(String model, String dataset, double[][] logits, int[] labels) {
    double[] conf = confidence(logits);
    boolean[] ok = correct(logits, labels);
    CalibrationError ece = Metrics.ece(conf, ok);
    // adaptive bins of 100 need at least 100 samples (the reference raises otherwise): empty below that
    boolean adaptive = conf.length >= 100;
    double rms = adaptive ? Metrics.rmsCalibrationError(conf, ok).value() : Double.NaN;
    double mad = adaptive ? dev.robusta.metrics.Calibration.mad(conf, ok).value() : Double.NaN;
    CalibrationError mce = dev.robusta.metrics.Calibration.mce(conf, ok);
    RiskCoverageCurve rc = Metrics.riskCoverage(conf, ok);
    return new CalibrationTable.Row(model, dataset, logits.length, accuracy(logits, labels), ece.value(), ece.bins(),
        rms, mad, mce.value(), dev.robusta.metrics.Calibration.nll(logits, labels),
        dev.robusta.metrics.Calibration.brier(logits, labels), rc.aurra(), rc.aurc());
  }

  private static CalibrationCharts.Bins bins(ReliabilityDiagram rd) {
    double[] count = new double[rd.count().length];
    for (int i = 0; i < count.length; i++) {
      count[i] = rd.count()[i];
    }
    return new CalibrationCharts.Bins(rd.lower(), rd.upper(), rd.meanConfidence(), rd.accuracy(), count);
  }

  /** The first cause in {@code e}'s chain saying a corruption cannot run here, or null. */
  static Throwable unavailableReason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnsupportedOperationException || t instanceof IllegalStateException
          || t instanceof dev.robusta.data.DatasetException) {
        return t;
      }
    }
    return null;
  }
}
