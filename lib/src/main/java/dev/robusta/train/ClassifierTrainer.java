package dev.robusta.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.util.SplittableRandom;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The training loop: mini-batch training of a {@link Network} on a labelled {@link Dataset}, with the losses
 * {@link TrainConfig} switches on.
 *
 * <p>One step builds a single input batch from segments, runs one forward pass (so batch norm sees all rows
 * together, as in the reference implementations) and sums the terms:
 * <pre>
 *   rows: [B clean] [3B rotated, if the network has a rotation head] [B aug1, B aug2, if AugMix] [M outliers, if OE]
 *   loss = CE(clean, labels; label smoothing)
 *        + rotationWeight * CE(rotation head on clean + rotated rows, quarter turns 0..3)
 *        + jsdLambda * JSD(clean, aug1, aug2)
 *        + oeLambda * OE(outlier rows)
 * </pre>
 * Shuffling is a seeded Fisher-Yates permutation per epoch; the last partial batch is used unless it has a
 * single image (batch norm needs two). Labels must lie in {@code 0..C-1}.
 */
public final class ClassifierTrainer {
  private ClassifierTrainer() {}

  /**
   * Trains a fresh network.
   *
   * @param network an uninitialised network (its weights are initialised from the seed)
   * @param spec how images become inputs
   * @param train labelled training set; every image must fit {@code spec}
   * @param config the run's configuration
   * @return the trained model (owns native memory: close it) with its {@link TrainResult}
   * @throws IllegalArgumentException on an empty set, a label outside 0..C-1 or an image that does not fit
   */
  public static TrainedModel train(Network network, InputSpec spec, Dataset train, TrainConfig config) {
    return train(network, spec, train, config, null);
  }

  /**
   * Fine-tunes a network that starts from pre-trained weights ({@link FineTune}): the network is initialised from
   * the seed as in {@link #train}, then overwritten with the pre-trained weights before the first step.
   *
   * @param init where the weights come from, and the backbone's learning-rate factor
   * @throws IncompatibleCheckpointException when the pre-trained backbone or input shape does not fit
   */
  public static TrainedModel fineTune(Network network, InputSpec spec, Dataset train, TrainConfig config,
      FineTune init) {
    return train(network, spec, train, config, java.util.Objects.requireNonNull(init, "init"));
  }

  private static TrainedModel train(Network network, InputSpec spec, Dataset train, TrainConfig config,
      FineTune init) {
    if (train.size() < 2) {
      throw new IllegalArgumentException("the training set '" + train.id() + "' has " + train.size()
          + " images; at least 2 are needed");
    }
    Device device = config.device() != null ? config.device() : Engine.getEngine("PyTorch").defaultDevice();
    Model model = Model.newInstance("robusta-" + train.id().replace('/', '-'), device, "PyTorch");
    try {
      model.setBlock(network);
      TrainResult result = run(model, network, spec, train, config, device, init);
      return new TrainedModel(model, network, spec, result);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static TrainResult run(Model model, Network network, InputSpec spec, Dataset train, TrainConfig cfg,
      Device device, FineTune init) {
    int n = train.size();
    int b = cfg.batchSize();
    int steps = n / b + (n % b >= 2 ? 1 : 0);
    long totalSteps = (long) steps * cfg.epochs();
    ParameterTracker lr = schedule(cfg, totalSteps, init == null ? 1 : init.bodyLearningRateFactor(),
        init == null ? java.util.Set.of() : FineTune.bodyParameterIds(network));
    Optimizer opt = cfg.optimizer() == TrainConfig.OptimizerKind.ADAM
        ? Optimizer.adam().optLearningRateTracker(lr).optWeightDecays((float) cfg.weightDecay()).build()
        : Optimizer.sgd().setLearningRateTracker(lr).optMomentum((float) cfg.momentum())
            .optWeightDecays((float) cfg.weightDecay()).build();
    DefaultTrainingConfig dtc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(opt).optDevices(new Device[] {device});
    String[] initialised = new String[1];
    double[] epochLoss = new double[cfg.epochs()];
    double[] epochAcc = new double[cfg.epochs()];
    long t0 = System.nanoTime();
    boolean cpu = Device.Type.CPU.equals(device.getDeviceType());
    int oldThreads = cpu ? JniUtils.getNumThreads() : 0;
    if (cpu) {
      JniUtils.setNumThreads(cfg.threads());
    }
    try (Trainer trainer = model.newTrainer(dtc)) {
      for (Pair<String, Parameter> p : network.getParameters()) {
        if (p.getValue().getType() == Parameter.Type.WEIGHT) {
          p.getValue().setInitializer(new SeededInitializer(cfg.seed(), p.getKey()));
        }
      }
      trainer.initialize(new Shape(2, spec.channels(), spec.height(), spec.width()));
      String initialisation = init == null ? "seeded initialisation (seed " + cfg.seed() + ")"
          : init.copyInto(network, spec) + (init.bodyLearningRateFactor() == 1 ? ""
              : ", backbone learning rate x " + init.bodyLearningRateFactor());
      initialised[0] = initialisation;
      Batches batches = new Batches(spec, train, cfg, network.classes(), network.hasRotationHead());
      ProgressBar bar = cfg.progress() ? new ProgressBarBuilder().setTaskName("train " + train.id())
          .setInitialMax(totalSteps).setUnit(" steps", 1).setUpdateIntervalMillis(500)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build() : null;
      try {
        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
          int[] perm = permutation(n, mix(cfg.seed(), epoch, 0x5EED));
          double lossSum = 0;
          long correct = 0;
          long seen = 0;
          for (int s = 0; s < steps; s++) {
            int from = s * b;
            int to = Math.min(n, from + b);
            try (NDManager sub = trainer.getManager().newSubManager()) {
              float[] stepStats = step(trainer, network, batches, sub, perm, from, to, epoch, s);
              lossSum += stepStats[0] * (to - from);
              correct += (long) stepStats[1];
              seen += to - from;
            }
            if (bar != null) {
              bar.step();
              bar.setExtraMessage(String.format(java.util.Locale.ROOT, " epoch %d loss %.3f", epoch + 1,
                  lossSum / seen));
            }
          }
          epochLoss[epoch] = lossSum / seen;
          epochAcc[epoch] = (double) correct / seen;
          if (cfg.checkpointDir() != null) {
            Checkpoints.saveAtomically(model, cfg.checkpointDir(), model.getName(), epoch + 1);
          }
        }
      } finally {
        if (bar != null) {
          bar.close();
        }
      }
    } finally {
      if (cpu) {
        JniUtils.setNumThreads(oldThreads);
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    return new TrainResult(cfg, cfg.objective(network.hasRotationHead()), n, epochLoss, epochAcc, secs,
        device.toString(), initialised[0]);
  }

  /** One optimisation step; returns {mean loss, correct clean predictions}. */
  private static float[] step(Trainer trainer, Network network, Batches batches, NDManager sub, int[] perm, int from,
      int to, int epoch, int stepIndex) {
    Batches.Step in = batches.build(sub, perm, from, to, epoch, stepIndex);
    int bsz = to - from;
    NDArray loss;
    NDArray clean;
    try (GradientCollector gc = trainer.newGradientCollector()) {
      NDList out = trainer.forward(new NDList(in.input()));
      NDArray logits = out.get(0);
      clean = logits.get(new NDIndex("0:" + bsz));
      loss = Losses.crossEntropy(clean, in.labels(), batches.config().labelSmoothing());
      TrainConfig cfg = batches.config();
      if (network.hasRotationHead()) {
        NDArray rot = out.get(1).get(new NDIndex("0:" + (4 * bsz)));
        loss = loss.add(Losses.rotation(rot, Rotations.targets(sub, bsz)).mul((float) cfg.rotationWeight()));
      }
      if (in.augOffset() >= 0) {
        int a = in.augOffset();
        NDArray a1 = logits.get(new NDIndex(a + ":" + (a + bsz)));
        NDArray a2 = logits.get(new NDIndex((a + bsz) + ":" + (a + 2 * bsz)));
        loss = loss.add(Losses.jensenShannon(clean, a1, a2).mul((float) cfg.jsdLambda()));
      }
      if (in.outlierOffset() >= 0) {
        NDArray o = logits.get(new NDIndex(in.outlierOffset() + ":"));
        loss = loss.add(Losses.outlierExposure(o).mul((float) cfg.oeLambda()));
      }
      gc.backward(loss);
    }
    trainer.step();
    float lossValue = loss.getFloat();
    if (!Float.isFinite(lossValue)) {
      throw new ArithmeticException("the training loss became " + lossValue + " at epoch " + (epoch + 1) + ", step "
          + (stepIndex + 1) + "; lower the learning rate");
    }
    long[] pred = clean.argMax(1).toLongArray();
    int[] labels = in.labelArray();
    int correct = 0;
    for (int i = 0; i < bsz; i++) {
      if (pred[i] == labels[i]) {
        correct++;
      }
    }
    return new float[] {lossValue, correct};
  }

  private static ParameterTracker schedule(TrainConfig cfg, long totalSteps, double bodyFactor,
      java.util.Set<String> bodyIds) {
    float base = (float) cfg.learningRate();
    float body = (float) (base * bodyFactor);
    if (!cfg.cosineSchedule()) {
      return (id, t) -> bodyIds.contains(id) ? body : base;
    }
    return (id, t) -> (float) (0.5 * (bodyIds.contains(id) ? body : base)
        * (1 + Math.cos(Math.PI * Math.min(t, totalSteps) / totalSteps)));
  }

  static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  static long mix(long seed, long a, long b) {
    long h = seed * 0x9E3779B97F4A7C15L + a;
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + b;
    return h ^ (h >>> 29);
  }

  /** Builds the input rows of one step from the datasets. */
  static final class Batches {
    private final InputSpec spec;
    private final Dataset train;
    private final TrainConfig config;
    private final int classes;
    private final boolean rotationHead;
    private int[] outlierPerm;
    private int outlierCursor;
    private int outlierEpoch = -1;

    Batches(InputSpec spec, Dataset train, TrainConfig config, int classes, boolean rotationHead) {
      this.spec = spec;
      this.train = train;
      this.config = config;
      this.classes = classes;
      this.rotationHead = rotationHead;
    }

    TrainConfig config() { return config; }

    record Step(NDArray input, NDArray labels, int[] labelArray, int augOffset, int outlierOffset) {}

    Step build(NDManager m, int[] perm, int from, int to, int epoch, int stepIndex) {
      int bsz = to - from;
      int sz = spec.size();
      float[] clean = new float[bsz * sz];
      float[] aug = config.augMix() != null ? new float[2 * bsz * sz] : null;
      int[] labels = new int[bsz];
      for (int i = 0; i < bsz; i++) {
        int idx = perm[from + i];
        Sample s = train.get(idx);
        if (s.label() < 0 || s.label() >= classes) {
          throw new IllegalArgumentException("sample " + idx + " of '" + train.id() + "' has label " + s.label()
              + "; the network has classes 0.." + (classes - 1));
        }
        labels[i] = s.label();
        spec.write(s.image(), clean, i * sz);
        if (aug != null) {
          Image[] v = config.augMix().views(s.image(), mix(config.seed(), epoch, idx));
          if (v == null || v.length != 2) {
            throw new IllegalStateException("the AugMix view generator must return 2 images, returned "
                + (v == null ? "null" : v.length));
          }
          spec.write(v[0], aug, i * sz);
          spec.write(v[1], aug, (bsz + i) * sz);
        }
      }
      Shape chw = new Shape(spec.chw());
      NDArray x = m.create(clean, new Shape(bsz).addAll(chw));
      NDList parts = new NDList();
      parts.add(x);
      int rows = bsz;
      if (rotationHead) {
        parts.add(Rotations.rotate(x, 1));
        parts.add(Rotations.rotate(x, 2));
        parts.add(Rotations.rotate(x, 3));
        rows += 3 * bsz;
      }
      int augOffset = -1;
      if (aug != null) {
        augOffset = rows;
        parts.add(m.create(aug, new Shape(2L * bsz).addAll(chw)));
        rows += 2 * bsz;
      }
      int outlierOffset = -1;
      if (config.outliers() != null) {
        outlierOffset = rows;
        int mo = config.outlierBatchSize();
        float[] o = new float[mo * sz];
        for (int i = 0; i < mo; i++) {
          spec.write(nextOutlier(epoch).image(), o, i * sz);
        }
        parts.add(m.create(o, new Shape(mo).addAll(chw)));
      }
      NDArray input = parts.size() == 1 ? x : NDArrays.concat(parts, 0);
      long[] lab = new long[bsz];
      for (int i = 0; i < bsz; i++) {
        lab[i] = labels[i];
      }
      return new Step(input, m.create(lab), labels, augOffset, outlierOffset);
    }

    private Sample nextOutlier(int epoch) {
      Dataset out = config.outliers();
      if (outlierPerm == null || outlierCursor == outlierPerm.length) {
        outlierEpoch++;
        outlierPerm = permutation(out.size(), mix(config.seed(), outlierEpoch, 0x0E));
        outlierCursor = 0;
      }
      return out.get(outlierPerm[outlierCursor++]);
    }
  }
}
