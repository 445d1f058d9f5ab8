package dev.robusta.cli;

import dev.robusta.Corruptions;
import dev.robusta.Datasets;
import dev.robusta.Models;
import dev.robusta.Training;
import dev.robusta.corrupt.Preset;
import dev.robusta.data.Dataset;
import dev.robusta.data.DatasetException;
import dev.robusta.data.Split;
import dev.robusta.data.SyntheticOod;
import dev.robusta.infer.Backend;
import dev.robusta.infer.Classifier;
import dev.robusta.infer.LogitsCache;
import dev.robusta.infer.ModelInfo;
import dev.robusta.infer.Precision;
import dev.robusta.train.FashionMnistCnn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./robusta demo}: the main job on the embedded default. Fashion-MNIST (Debian's package), the
 * Robusta-trained CNN (cached), Fashion-MNIST-C generated in memory (15 benchmark corruptions x 5 severities,
 * {@code CIFAR_C} tables, the first {@code --limit} test images per cell), OOD detection against the four
 * Outlier Exposure synthetic sets (and MNIST when a copy is available), tables and an HTML report.
 *
 * <p>Every cell's logits are kept in the {@link LogitsCache} (keyed by the model's weight digest, data and
 * protocol), so a second run reads them back and computes nothing. A 1-channel model sees channel 0 of a
 * corrupted greyscale image ({@link GreyscaleCorrupted}).
 */
final class DemoCommand implements Command {
  static final int DEFAULT_LIMIT = 500;
  static final long DEFAULT_SEED = 1;
  /** OOD sets of one fifth of the 10,000 test images, as the OE protocol draws them. */
  static final int OOD_SIZE = 2000;

  @Override
  public int run(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Args a = Args.parse(args, List.of("--model", "--limit", "--out", "--seed", "--frost", "--cache"), List.of());
    int limit = a.intValue("--limit", DEFAULT_LIMIT, 1, 10_000);
    FrostOption.apply(a);
    long seed = a.longValue("--seed", DEFAULT_SEED);
    Path out = a.path("--out", defaultOut());
    Dataset train = fashionMnist(Split.TRAIN);
    Dataset test = fashionMnist(Split.TEST);

    Map<String, String> config = new LinkedHashMap<>();
    config.put("command", "./robusta demo " + String.join(" ", args));
    config.put("in-distribution", test.id() + " (" + test.size() + " test images)");
    config.put("corruptions", "15 benchmark corruptions x 5 severities, CIFAR_C tables, first " + limit
        + " test images per cell, seed " + seed);

    List<Dataset> ood = new ArrayList<>();
    for (SyntheticOod.Kind k : SyntheticOod.Kind.values()) {
      ood.add(new SyntheticOod(k, OOD_SIZE, 28, 28, 1, seed + k.ordinal()));
    }
    try {
      ood.add(Datasets.load("mnist", Split.TEST));
    } catch (DatasetException e) {
      System.out.println("MNIST: no local copy, left out of the OOD sets (" + e.getMessage() + ")");
    }

    java.util.function.Function<List<dev.robusta.data.Image>, float[][]> model;
    String modelName;
    AutoCloseable owned;
    ModelInfo identity;
    String preprocessingKey;
    int channels;
    if (a.has("--model")) {
      Path file = Path.of(a.value("--model"));
      dev.robusta.infer.Preset p = dev.robusta.infer.Preset.of("FASHION_MNIST_28", 0, 0,
          new float[] {0.2860f, 0.2860f, 0.2860f}, new float[] {0.3530f, 0.3530f, 0.3530f});
      Classifier c = Models.load(file, p);
      model = c::logits;
      modelName = file.getFileName().toString();
      owned = c;
      identity = c.info();
      preprocessingKey = p.key();
      channels = 3;
      config.put("model", file + " (greyscale replicated to 3 channels, x/255, mean 0.2860, std 0.3530)");
      config.put("channel policy", "3-channel model: it sees all three channels of the corrupted image (noise"
          + " drawn per channel), as CIFAR-10-C models do");
    } else {
      System.out.println("robusta: loading the demo CNN, or training it once (3 epochs on 60,000 Fashion-MNIST images,"
          + " about 1.5 min on 2 idle cores; a progress bar shows on a terminal): " + FashionMnistCnn.defaultConfig());
      FashionMnistCnn.Cached c = Training.fashionMnistCnn(train, test);
      System.out.println(c);
      model = c.model()::logits;
      modelName = "robusta-fashion-cnn";
      owned = c;
      identity = new ModelInfo(modelName, c.model().parameterDigest(), Backend.PYTORCH, "cpu()", Precision.FP32,
          null, null);
      channels = c.model().inputSpec().channels();
      preprocessingKey = c.model().inputSpec() + (channels == 1 ? ";corrupted greyscale: channel 0" : "");
      config.put("model", c.toString());
      config.put("training", FashionMnistCnn.defaultConfig().toString());
      config.put("channel policy", channels == 1 ? GreyscaleCorrupted.POLICY
          : "3-channel model: it sees all three channels of the corrupted image");
    }
    LogitsCache cache = a.has("--cache") ? LogitsCache.at(Path.of(a.value("--cache"))) : LogitsCache.standard();
    config.put("logits cache", cache.root() + " (keyed by the model's SHA-256 " + identity.sha256().substring(0, 12)
        + ", dataset id and size, cell, corruption preset and seed, preprocessing and channel policy)");
    config.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    EvalJob.Progress progress = new EvalJob.Progress();
    int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    try (AutoCloseable ignored = owned; BatchLogits batches = new BatchLogits(model, workers, progress)) {
      CachedLogits source = new CachedLogits(batches, cache, identity, preprocessingKey, "/" + Preset.CIFAR_C
          + "/seed" + seed, progress);
      EvalJob.Spec spec = new EvalJob.Spec(modelName, source, 10, test, Corruptions.benchmarkNames(), Preset.CIFAR_C,
          limit, ood, seed, out, config, List.of("fashion-mnist"), progress, channels);
      new EvalJob(spec, System.out).run();
      System.out.println(source.summary());
    }
    System.out.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return 0;
  }

  static Path defaultOut() {
    String root = System.getenv("ROBUSTA_ROOT");
    return (root != null ? Path.of(root) : Path.of("")).resolve("target").resolve("demo").toAbsolutePath();
  }

  /** Loads a split; as root, installs Debian's package once when it is missing, else says how to. */
  static Dataset fashionMnist(Split split) throws IOException, InterruptedException {
    try {
      return Datasets.load("fashion-mnist", split);
    } catch (DatasetException e) {
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
        System.out.println("robusta: installing Debian's dataset-fashion-mnist package");
        Process p = new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends", "dataset-fashion-mnist")
            .inheritIO().start();
        if (p.waitFor() == 0) {
          return Datasets.load("fashion-mnist", split);
        }
      }
      throw new UsageException("Fashion-MNIST is not available: " + e.getMessage(),
          "sudo apt-get install dataset-fashion-mnist   (or put the four *-ubyte.gz files in a folder and set"
              + " ROBUSTA_DATA, see ./robusta datasets info fashion-mnist)");
    }
  }

  @Override
  public String help() {
    return "Usage: ./robusta demo [--model FILE] [--limit N] [--out DIR] [--seed S] [--frost DIR] [--cache DIR]\n"
        + "Trains (or loads the cached) Fashion-MNIST CNN, evaluates it on Fashion-MNIST-C (15 corruptions x 5\n"
        + "severities, CIFAR_C preset) and on synthetic OOD sets (Gaussian, Rademacher, Blobs, uniform; MNIST when\n"
        + "a copy is available), prints tables and writes an HTML report.\n"
        + "  --model FILE  a TorchScript (.pt) or ONNX (.onnx) Fashion-MNIST classifier taking [N,3,28,28]\n"
        + "                (greyscale replicated, x/255, mean 0.2860, std 0.3530) instead of the trained CNN\n"
        + "  --limit N     test images per corruption cell (default " + DEFAULT_LIMIT + "; 10000 = the full set)\n"
        + "  --out DIR     where report.html and the CSV tables go (default target/demo)\n"
        + "  --seed S      corruption and synthetic-set seed (default " + DEFAULT_SEED + ")\n"
        + "  --frost DIR   the six frost textures (registry resource imagenet-c-frost); without them frost is left\n"
        + "                out of the grid and the mean, and the demo says so\n"
        + "  --cache DIR   the logits cache (default $ROBUSTA_CACHE/logits or ~/.cache/robusta/logits): a cell computed\n"
        + "                before (same model weights, data, protocol) is read back; a warm run computes nothing\n"
        + "Channel policy: the 1-channel CNN sees channel 0 of a corrupted greyscale image (full noise strength).";
  }
}
