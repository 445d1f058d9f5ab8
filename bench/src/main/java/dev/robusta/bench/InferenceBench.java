package dev.robusta.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.robusta.Datasets;
import dev.robusta.Models;
import dev.robusta.data.Dataset;
import dev.robusta.data.Sample;
import dev.robusta.infer.Classifier;
import dev.robusta.infer.Pipeline;
import dev.robusta.infer.Predictions;
import dev.robusta.infer.Preset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./robusta bench inference [--reps R] [--batch B] [--threads T] [--accuracy]}: images/s of
 * CIFAR-10 ResNet-20 over the 10,000 CIFAR-10 test JPEGs, in one run:
 * <ol type="a">
 *   <li>Robusta's pipeline end to end (JPEG decode + preprocessing on a worker thread, inference, logits);
 *   <li>the raw DJL predictor on pre-decoded, pre-normalized tensors (inference only);
 *   <li>Debian's {@code python3-torch} with a PIL {@code DataLoader} on the same TorchScript file.
 * </ol>
 * The three alternate {@code R} times (default 3) so background load hits them alike; the table gives
 * the median. {@code --accuracy} adds the 10,000-image top-1 of ResNet-20/32/44/56 with both engines
 * against the reference values. No GPU figure: no GPU was available to this project's runs.
 *
 * <p>Data: {@code $ROBUSTA_SHARED} or {@code ../shared} beside the repository; the JPEG folder is read
 * with {@code Datasets.load("cifar10", folder)}.
 */
public final class InferenceBench {
  private static final double[] REF_TOP1 = {0.8103, 0.8256, 0.8267, 0.8320};

  private InferenceBench() {}

  public static void main(String[] args) throws Exception {
    int reps = 3;
    int batch = 256;
    int threads = 2;
    boolean accuracy = false;
    String accuracySet = "20:pt,20:onnx,32:pt,32:onnx,44:pt,44:onnx,56:pt,56:onnx";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--accuracy" -> accuracy = true;
        case "--accuracy-set" -> {
          accuracy = true;
          accuracySet = args[++i];
        }
        case "--help" -> {
          System.out.println("Usage: ./robusta bench inference [--reps R] [--batch B] [--threads T] [--accuracy]"
              + " [--accuracy-set 20:pt,56:onnx,...]\n  --reps 0 skips the speed comparison");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
      }
    }
    Path shared = sharedRoot();
    Path jpegRoot = shared.resolve("data/datasets/cifar10-test-jpeg/test");
    Path model = shared.resolve("data/models/cifar10-resnet/cifar10_resnet20.pt");
    if (!Files.isDirectory(jpegRoot) || !Files.isRegularFile(model)) {
      System.err.println("robusta bench inference: " + jpegRoot + " or " + model + " is missing\n"
          + "  hint: set ROBUSTA_SHARED to the shared folder holding data/");
      System.exit(2);
    }
    Dataset ds = Datasets.load("cifar10", jpegRoot.getParent());
    System.out.printf(Locale.ROOT, "ResNet-20 (TorchScript) over %,d CIFAR-10 test JPEGs, batch %d, %d engine"
        + " threads, %d cores, %d rounds%n", ds.size(), batch, threads, Runtime.getRuntime().availableProcessors(), reps);
    if (reps == 0) {
      accuracyTable(shared, ds, batch, threads, accuracySet);
      return;
    }
    float[] tensors = predecode(ds);
    String python = pythonAvailable();
    double[] a = new double[reps];
    double[] b = new double[reps];
    double[] c = new double[reps];
    double top1A = 0;
    double top1C = Double.NaN;
    try (Classifier clf = Models.loader(model, Preset.CIFAR).threads(threads).load();
        ZooModel<NDList, NDList> raw = Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(model)
            .optEngine("PyTorch").optTranslator(new NoopTranslator()).build().loadModel();
        Predictor<NDList, NDList> predictor = raw.newPredictor()) {
      // warm-up of both Java paths on 1,024 images
      Pipeline.builder(clf).batchSize(batch).workers(1).progress(false).build().run(head(ds, 1024));
      rawPredictor(raw, predictor, tensors, 1024, batch);
      for (int r = 0; r < reps; r++) {
        long t0 = System.nanoTime();
        Predictions p = Pipeline.builder(clf).batchSize(batch).workers(1).progress(false).build().run(ds);
        a[r] = ds.size() / ((System.nanoTime() - t0) / 1e9);
        top1A = p.top1();
        b[r] = rawPredictor(raw, predictor, tensors, ds.size(), batch);
        if (python != null) {
          double[] py = runPython(python, model, jpegRoot, batch, threads);
          c[r] = py[0];
          top1C = py[1];
        }
        System.out.printf(Locale.ROOT, "round %d: (a) %.0f img/s  (b) %.0f img/s  (c) %s%n", r + 1, a[r], b[r],
            python == null ? "n/a" : String.format(Locale.ROOT, "%.0f img/s", c[r]));
      }
    }
    double ma = median(a);
    double mb = median(b);
    double mc = python == null ? Double.NaN : median(c);
    System.out.println();
    System.out.println("| path | images/s (median) | top-1 |");
    System.out.println("|---|---|---|");
    System.out.printf(Locale.ROOT, "| (a) Robusta pipeline, end to end (decode + preprocess + infer) | %.0f | %.2f %% |%n",
        ma, 100 * top1A);
    System.out.printf(Locale.ROOT, "| (b) raw DJL predictor, pre-decoded tensors (infer only) | %.0f | - |%n", mb);
    System.out.printf(Locale.ROOT, "| (c) python3-torch %s, PIL DataLoader (1 worker), same .pt | %s | %s |%n",
        torchVersion(python), python == null ? "not run (no /usr/bin/python3 with torch)"
            : String.format(Locale.ROOT, "%.0f", mc), Double.isNaN(top1C) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * top1C));
    System.out.printf(Locale.ROOT, "| GPU | not measured: no GPU available | - |%n");
    System.out.printf(Locale.ROOT, "%n(a)/(b) = %.2f (target >= 0.9); (a)/(c) = %s (target > 1)%n", ma / mb,
        python == null ? "n/a" : String.format(Locale.ROOT, "%.2f", ma / mc));
    if (accuracy) {
      accuracyTable(shared, ds, batch, threads, accuracySet);
    }
  }

  private static void accuracyTable(Path shared, Dataset ds, int batch, int threads, String set) {
    System.out.println();
    System.out.println("| model | engine | top-1 on 10,000 JPEGs | reference | difference | images/s |");
    System.out.println("|---|---|---|---|---|---|");
    List<Integer> depths = List.of(20, 32, 44, 56);
    for (String item : set.split(",")) {
      String[] de = item.trim().split(":");
      int d = depths.indexOf(Integer.parseInt(de[0]));
      String ext = de[1];
      {
        if (d < 0 || !(ext.equals("pt") || ext.equals("onnx"))) {
          throw new IllegalArgumentException("--accuracy-set items are DEPTH:pt|onnx with DEPTH in " + depths);
        }
        Path m = shared.resolve("data/models/cifar10-resnet/cifar10_resnet" + depths.get(d) + "." + ext);
        try (Classifier c = Models.loader(m, Preset.CIFAR).threads(threads).load()) {
          long t0 = System.nanoTime();
          Predictions p = Pipeline.builder(c).batchSize(batch).workers(1).progress(false).build().run(ds);
          double s = (System.nanoTime() - t0) / 1e9;
          System.out.printf(Locale.ROOT, "| ResNet-%d | %s | %.2f %% | %.2f %% | %+.2f points | %.0f |%n", depths.get(d),
              c.info().backend(), 100 * p.top1(), 100 * REF_TOP1[d], 100 * (p.top1() - REF_TOP1[d]), ds.size() / s);
        }
      }
    }
  }

  /** Inference only: one NDArray per batch in a sub-manager, closed after the batch. */
  private static double rawPredictor(ZooModel<NDList, NDList> model, Predictor<NDList, NDList> predictor,
      float[] tensors, int n, int batch) throws Exception {
    int per = 3 * 32 * 32;
    long t0 = System.nanoTime();
    long sink = 0;
    for (int start = 0; start < n; start += batch) {
      int m = Math.min(batch, n - start);
      try (NDManager sub = model.getNDManager().newSubManager()) {
        var x = sub.create(FloatBuffer.wrap(tensors, start * per, m * per), new Shape(m, 3, 32, 32));
        NDList out = predictor.predict(new NDList(x));
        sink += out.singletonOrThrow().toFloatArray().length;
        out.close();
      }
    }
    if (sink != (long) n * 10) {
      throw new IllegalStateException("expected " + n * 10 + " logits, got " + sink);
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private static float[] predecode(Dataset ds) {
    int per = 3 * 32 * 32;
    float[] all = new float[ds.size() * per];
    for (int i = 0; i < ds.size(); i++) {
      System.arraycopy(Preset.CIFAR.apply(ds.get(i).image()), 0, all, i * per, per);
    }
    return all;
  }

  private static String pythonAvailable() {
    Path py = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(py)) {
      return null;
    }
    try {
      Process p = new ProcessBuilder(py.toString(), "-c", "import torch, PIL").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 ? py.toString() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String torchVersion(String python) {
    if (python == null) {
      return "";
    }
    try {
      Process p = new ProcessBuilder(python, "-c", "import torch; print(torch.__version__)").start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor();
      return v;
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }

  /** @return {images/s, top1} */
  private static double[] runPython(String python, Path model, Path root, int batch, int threads) throws Exception {
    Path script = Files.createTempFile("robusta-inference-ref", ".py");
    try (InputStream in = InferenceBench.class.getResourceAsStream("inference_ref.py")) {
      Files.write(script, in.readAllBytes());
    }
    try {
      Process p = new ProcessBuilder(python, script.toString(), model.toString(), root.toString(),
          Integer.toString(batch), Integer.toString(threads), "1").redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("the Python reference failed (exit " + p.exitValue() + "): " + out);
      }
      String last = out.lines().reduce((x, y) -> y).orElse("");
      double images = num(last, "images");
      double seconds = num(last, "seconds");
      return new double[] {images / seconds, num(last, "top1")};
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static double num(String json, String key) {
    var m = java.util.regex.Pattern.compile("\"" + key + "\":\\s*([0-9.eE+-]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + key + " in " + json);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static Path sharedRoot() {
    String env = System.getenv("ROBUSTA_SHARED");
    if (env != null) {
      return Path.of(env);
    }
    String root = System.getenv("ROBUSTA_ROOT");
    return (root != null ? Path.of(root) : Path.of("")).toAbsolutePath().resolve("../shared").normalize();
  }

  /** @return the first {@code n} samples of {@code ds} */
  static Dataset head(Dataset ds, int n) {
    return new Dataset() {
      @Override
      public String id() { return ds.id() + "[:" + size() + "]"; }

      @Override
      public int size() { return Math.min(n, ds.size()); }

      @Override
      public Sample get(int i) { return ds.get(i); }
    };
  }
}
