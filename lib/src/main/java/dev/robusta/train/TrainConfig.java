package dev.robusta.train;

import ai.djl.Device;
import dev.robusta.data.Dataset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a training run depends on; immutable. Build with {@link #builder()}; derive variants with
 * {@link #toBuilder()}. The defaults train the demo's Fashion-MNIST CNN.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize in-distribution images per step, at least 2
 * @param learningRate initial learning rate, > 0
 * @param optimizer ADAM (betas 0.9/0.999) or SGD with Nesterov-free momentum {@link #momentum}
 * @param momentum SGD momentum, 0..1 (ignored by Adam)
 * @param weightDecay L2 weight decay applied by the optimizer, >= 0
 * @param cosineSchedule whether the learning rate follows a cosine from {@code learningRate} to 0 over all
 *     steps (the OE and AugMix reference schedules); otherwise constant
 * @param seed seeds initialisation, shuffling, outlier draws and AugMix views
 * @param labelSmoothing 0..1 (exclusive), see {@link Losses#crossEntropy}
 * @param outliers auxiliary outlier set for Outlier Exposure, or null for none; its labels are ignored
 * @param oeLambda weight of {@link Losses#outlierExposure}, default 0.5 (Hendrycks et al., 2019)
 * @param outlierBatchSize outliers per step, default twice the batch size (the OE reference: 128 + 256)
 * @param augMix the AugMix view generator, or null for none
 * @param jsdLambda weight of {@link Losses#jensenShannon}, default 12 (Hendrycks et al., 2020)
 * @param rotationWeight weight of {@link Losses#rotation} when the network has a rotation head, default 0.5
 * @param progress whether to draw a progress bar on stderr (default: when a console is attached)
 * @param checkpointDir where to write one checkpoint per epoch ({@code NAME-EEEE.params}), or null
 * @param device the DJL device, or null for the engine's default (a GPU when the engine has one)
 * @param threads PyTorch intra-op threads while training on CPU (restored afterwards), default 1: results
 *     are bit-identical only for the same thread count, and one thread also avoids OpenMP spin-waiting on
 *     busy machines
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, OptimizerKind optimizer, double momentum,
    double weightDecay, boolean cosineSchedule, long seed, double labelSmoothing, Dataset outliers, double oeLambda,
    int outlierBatchSize, AugMixViews augMix, double jsdLambda, double rotationWeight, boolean progress,
    Path checkpointDir, Device device, int threads) {

  /** Outlier Exposure weight of the paper: 0.5. */
  public static final double DEFAULT_OE_LAMBDA = 0.5;
  /** AugMix Jensen-Shannon weight of the paper: 12. */
  public static final double DEFAULT_JSD_LAMBDA = 12;
  /** Rotation-loss weight: 0.5. */
  public static final double DEFAULT_ROTATION_WEIGHT = 0.5;
  /** Default seed of every Robusta training run. */
  public static final long DEFAULT_SEED = 20190101L;

  /** The optimizers the loop offers. */
  public enum OptimizerKind { ADAM, SGD }

  public TrainConfig {
    Objects.requireNonNull(optimizer, "optimizer");
    check(epochs >= 1, "epochs must be >= 1, was " + epochs);
    check(batchSize >= 2, "batchSize must be >= 2 (batch norm needs two rows), was " + batchSize);
    check(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be > 0, was " + learningRate);
    check(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), was " + momentum);
    check(weightDecay >= 0, "weightDecay must be >= 0, was " + weightDecay);
    check(labelSmoothing >= 0 && labelSmoothing < 1, "labelSmoothing must be in [0, 1), was " + labelSmoothing);
    check(oeLambda >= 0, "oeLambda must be >= 0, was " + oeLambda);
    check(outlierBatchSize >= 1, "outlierBatchSize must be >= 1, was " + outlierBatchSize);
    check(jsdLambda >= 0, "jsdLambda must be >= 0, was " + jsdLambda);
    check(rotationWeight >= 0, "rotationWeight must be >= 0, was " + rotationWeight);
    check(threads >= 1, "threads must be >= 1, was " + threads);
    check(outliers == null || outliers.size() > 0, "the outlier set '" + (outliers == null ? "" : outliers.id())
        + "' is empty");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** @return a builder with the defaults (3 epochs, batch 128, Adam 1e-3 with cosine decay, no extras) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this configuration */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.epochs = epochs; b.batchSize = batchSize; b.learningRate = learningRate; b.optimizer = optimizer;
    b.momentum = momentum; b.weightDecay = weightDecay; b.cosineSchedule = cosineSchedule; b.seed = seed;
    b.labelSmoothing = labelSmoothing; b.outliers = outliers; b.oeLambda = oeLambda;
    b.outlierBatchSize = outlierBatchSize; b.augMix = augMix; b.jsdLambda = jsdLambda;
    b.rotationWeight = rotationWeight; b.progress = progress; b.checkpointDir = checkpointDir; b.device = device;
    b.threads = threads;
    return b;
  }

  /** @return the losses this run optimises, e.g. {@code CE + 0.5*OE(outliers=gaussian)} */
  public String objective(boolean rotationHead) {
    StringBuilder s = new StringBuilder(labelSmoothing > 0 ? "CE(label smoothing " + labelSmoothing + ")" : "CE");
    if (augMix != null) {
      s.append(" + ").append(jsdLambda).append("*JSD(AugMix)");
    }
    if (rotationHead) {
      s.append(" + ").append(rotationWeight).append("*CE(rotation 0/90/180/270)");
    }
    if (outliers != null) {
      s.append(" + ").append(oeLambda).append("*OE(outliers=").append(outliers.id()).append(")");
    }
    return s.toString();
  }

  /**
   * The configuration alone does not know whether the network has a rotation head, so the objective is printed
   * with the rotation term marked conditional, e.g.
   * {@code objective=CE [+ 0.5*CE(rotation 0/90/180/270) with a rotation head]}; a {@link TrainResult} prints
   * the objective actually optimised ({@link #describe(String)}).
   */
  @Override
  public String toString() {
    return describe(objective(false) + " [+ " + rotationWeight + "*CE(rotation 0/90/180/270) with a rotation head]");
  }

  /** @return this configuration printed with the given objective, e.g. the one a run actually optimised */
  public String describe(String objective) {
    return "TrainConfig[epochs=" + epochs + ", batch=" + batchSize + ", " + optimizer + " lr=" + learningRate
        + (optimizer == OptimizerKind.SGD ? " momentum=" + momentum : "") + ", weightDecay=" + weightDecay
        + (cosineSchedule ? ", cosine schedule" : ", constant lr") + ", seed=" + seed + ", threads=" + threads + ", objective="
        + objective + (outliers != null ? ", outlierBatch=" + outlierBatchSize : "") + "]";
  }

  /** Mutable builder; options are named after the record components. */
  public static final class Builder {
    private int epochs = 3;
    private int batchSize = 128;
    private double learningRate = 1e-3;
    private OptimizerKind optimizer = OptimizerKind.ADAM;
    private double momentum = 0.9;
    private double weightDecay;
    private boolean cosineSchedule = true;
    private long seed = DEFAULT_SEED;
    private double labelSmoothing;
    private Dataset outliers;
    private double oeLambda = DEFAULT_OE_LAMBDA;
    private Integer outlierBatchSize;
    private AugMixViews augMix;
    private double jsdLambda = DEFAULT_JSD_LAMBDA;
    private double rotationWeight = DEFAULT_ROTATION_WEIGHT;
    private boolean progress = System.console() != null;
    private Path checkpointDir;
    private Device device;
    private int threads = 1;

    private Builder() {}

    public Builder epochs(int v) { epochs = v; return this; }
    public Builder batchSize(int v) { batchSize = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder optimizer(OptimizerKind v) { optimizer = v; return this; }
    public Builder momentum(double v) { momentum = v; return this; }
    public Builder weightDecay(double v) { weightDecay = v; return this; }
    public Builder cosineSchedule(boolean v) { cosineSchedule = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder labelSmoothing(double v) { labelSmoothing = v; return this; }
    /** Outlier Exposure with the default weight 0.5. */
    public Builder outliers(Dataset v) { outliers = v; return this; }
    public Builder oeLambda(double v) { oeLambda = v; return this; }
    public Builder outlierBatchSize(int v) { outlierBatchSize = v; return this; }
    /** AugMix Jensen-Shannon consistency with the default weight 12. */
    public Builder augMix(AugMixViews v) { augMix = v; return this; }
    public Builder jsdLambda(double v) { jsdLambda = v; return this; }
    public Builder rotationWeight(double v) { rotationWeight = v; return this; }
    public Builder progress(boolean v) { progress = v; return this; }
    public Builder checkpointDir(Path v) { checkpointDir = v; return this; }
    public Builder device(Device v) { device = v; return this; }
    public Builder threads(int v) { threads = v; return this; }

    /** @throws IllegalArgumentException naming the first invalid option */
    public TrainConfig build() {
      return new TrainConfig(epochs, batchSize, learningRate, optimizer, momentum, weightDecay, cosineSchedule, seed,
          labelSmoothing, outliers, oeLambda, outlierBatchSize != null ? outlierBatchSize : 2 * batchSize, augMix,
          jsdLambda, rotationWeight, progress, checkpointDir, device, threads);
    }
  }
}
