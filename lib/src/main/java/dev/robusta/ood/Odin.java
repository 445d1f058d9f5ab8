package dev.robusta.ood;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * ODIN (Liang, Li &amp; Srikant, ICLR 2018; {@code facebookresearch/odin · code/calData.py}): temperature
 * scaling plus a small input perturbation against the gradient of the cross-entropy of the predicted
 * class, then the maximum softmax at temperature T. For input x (as fed to the model, i.e. normalised):
 * g = sign(d/dx CE(softmax(f(x) / T), argmax f(x))) with sign(0) = +1 (the reference's {@code ge(grad, 0)}),
 * optionally divided by the per-channel std of the normalisation (the reference divides by
 * (63.0, 62.1, 66.7) / 255 on CIFAR, so that epsilon is a step in [0, 1] pixel units); x~ = x - epsilon g;
 * score = max_k softmax(f(x~) / T)_k, {@link Orientation#HIGHER_IS_MORE_ID}. The paper searches epsilon in
 * [0, 0.004] and T in {1, ..., 1000}; epsilon 0 gives temperature-scaled MSP without any gradient.
 *
 * <p>Models: DJL blocks built in Java and TorchScript files on the PyTorch engine. DJL runs a TorchScript
 * module's inference forward under {@code NoGradGuard}, so for a {@link PtSymbolBlock} this class puts the
 * module in eval mode ({@code module.eval()}: batch-norm running statistics, no dropout) and runs its
 * {@code forward} with autograd recording, as {@code model.eval()} followed by a plain call does in Python.
 * ONNX Runtime computes no gradients: with epsilon &gt; 0 an ONNX model throws
 * {@link NoInputGradientException} (epsilon 0 works on any engine).
 *
 * <p>Inputs are processed in chunks of {@link #withBatchSize(int)} samples (default 64); every native
 * array lives in a sub-manager closed before the chunk ends; only {@code float[]} goes in and
 * {@link Scores} come out. The softmax at T is computed in double precision in Java.
 */
public final class Odin {
  /** The paper's temperature. */
  public static final double DEFAULT_TEMPERATURE = 1000;
  /** The paper's CIFAR perturbation magnitude. */
  public static final double DEFAULT_EPSILON = 0.0014;
  /** Samples per forward/backward pass unless {@link #withBatchSize(int)} says otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 64;

  private final Model model;
  private final double temperature;
  private final double epsilon;
  private final float[] channelStd;
  private final int batchSize;

  private Odin(Model model, double temperature, double epsilon, float[] channelStd, int batchSize) {
    this.model = model;
    this.temperature = temperature;
    this.epsilon = epsilon;
    this.channelStd = channelStd;
    this.batchSize = batchSize;
  }

  /**
   * @param model a DJL model whose block maps inputs to logits {@code [N, C]}: a DJL-built block or a
   *     TorchScript module on the PyTorch engine (any engine when epsilon is 0); not closed by this class
   * @param temperature T &gt; 0
   * @param epsilon perturbation magnitude &gt;= 0 (0 gives plain temperature-scaled MSP)
   * @throws IllegalArgumentException for T &lt;= 0 or epsilon &lt; 0 (or either not finite)
   */
  public static Odin of(Model model, double temperature, double epsilon) {
    Objects.requireNonNull(model, "model");
    if (!(temperature > 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException("epsilon must be >= 0, was " + epsilon);
    return new Odin(model, temperature, epsilon, null, DEFAULT_BATCH_SIZE);
  }

  /** @return a copy that divides the gradient sign by these per-channel stds (axis 1 of the input) */
  public Odin withChannelStd(float... std) {
    for (float s : std) if (!(s > 0)) throw new IllegalArgumentException("channel std must be > 0, was " + s);
    return new Odin(model, temperature, epsilon, std.clone(), batchSize);
  }

  /** @param n samples per forward/backward pass, at least 1 (memory grows with it) */
  public Odin withBatchSize(int n) {
    if (n < 1) throw new IllegalArgumentException("batch size must be >= 1, was " + n);
    return new Odin(model, temperature, epsilon, channelStd, n);
  }

  /** @return T */
  public double temperature() { return temperature; }

  /** @return epsilon */
  public double epsilon() { return epsilon; }

  /**
   * @param inputs model inputs in row-major order, e.g. NCHW floats after the model's preprocessing
   * @param shape their shape, first axis N (e.g. {@code N, 3, 32, 32})
   * @return one ODIN score per sample, in (0, 1], higher = more in-distribution
   * @throws IllegalArgumentException when {@code inputs.length} does not match {@code shape}
   * @throws NoInputGradientException when epsilon &gt; 0 and the engine has no gradients (ONNX Runtime)
   */
  public Scores score(float[] inputs, long... shape) {
    float[][] logits = epsilon == 0 ? logits(inputs, shape) : logits(perturb(inputs, shape), shape);
    double[] v = new double[logits.length];
    double[] z = new double[logits.length == 0 ? 0 : logits[0].length];
    for (int i = 0; i < v.length; i++) {
      for (int k = 0; k < z.length; k++) z[k] = logits[i][k];
      v[i] = Softmax.max(Softmax.probabilities(z, temperature));
    }
    return new Scores(toString(), v, Orientation.HIGHER_IS_MORE_ID);
  }

  /**
   * The perturbed input x~ = x - epsilon * sign(g) / std (std only with {@link #withChannelStd}).
   *
   * @return a new array of the same layout as {@code inputs}
   * @throws NoInputGradientException when the engine has no gradients (ONNX Runtime) and epsilon &gt; 0
   */
  public float[] perturb(float[] inputs, long... shape) {
    check(inputs, shape);
    if (epsilon == 0) return inputs.clone();
    float[] g = inputGradient(inputs, shape);
    long per = inputs.length / shape[0];
    long plane = shape.length > 2 ? per / shape[1] : 1;
    float[] out = new float[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      double step = g[i] >= 0 ? 1 : -1;
      if (channelStd != null) step /= channelStd[(int) ((i % per) / plane)];
      out[i] = (float) (inputs[i] - epsilon * step);
    }
    return out;
  }

  /**
   * The raw input gradient d/dx CE(softmax(f(x) / T), argmax f(x)), summed over the batch (each sample's
   * loss depends on its own input only, so row i is sample i's gradient).
   *
   * @return a new array of the same layout as {@code inputs}
   * @throws NoInputGradientException when the engine has no gradients (ONNX Runtime)
   */
  public float[] inputGradient(float[] inputs, long... shape) {
    check(inputs, shape);
    String engine = model.getNDManager().getEngine().getEngineName();
    Block block = model.getBlock();
    if (!engine.equals("PyTorch")) {
      throw new NoInputGradientException("ODIN's input perturbation needs d(loss)/d(input), but the " + engine
          + " engine computes no gradients (ONNX Runtime is inference-only); load the TorchScript export"
          + " (.pt) of the same model with the PyTorch engine, or use epsilon 0 (temperature scaling only)");
    }
    float[] grad = new float[inputs.length];
    int per = inputs.length / (int) shape[0];
    for (int start = 0; start < shape[0]; start += batchSize) {
      int n = (int) Math.min(batchSize, shape[0] - start);
      long[] cs = shape.clone();
      cs[0] = n;
      try (NDManager m = model.getNDManager().newSubManager()) {
        NDArray x = m.create(Arrays.copyOfRange(inputs, start * per, (start + n) * per), new Shape(cs));
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getEngine(engine).newGradientCollector()) {
          NDArray logits = forwardWithGrad(block, m, x);
          NDArray pred = logits.argMax(1);
          NDArray logp = logits.div(temperature).logSoftmax(1);
          NDArray loss = logp.mul(pred.oneHot((int) logits.getShape().get(1), DataType.FLOAT32)).sum().neg();
          gc.backward(loss);
        }
        System.arraycopy(x.getGradient().toFloatArray(), 0, grad, start * per, n * per);
      }
    }
    return grad;
  }

  /** @return {@code [N, C]} logits of the model on these inputs (no gradient) */
  float[][] logits(float[] inputs, long... shape) {
    check(inputs, shape);
    Block block = model.getBlock();
    int per = inputs.length / (int) shape[0];
    float[][] out = new float[(int) shape[0]][];
    for (int start = 0; start < shape[0]; start += batchSize) {
      int n = (int) Math.min(batchSize, shape[0] - start);
      long[] cs = shape.clone();
      cs[0] = n;
      try (NDManager m = model.getNDManager().newSubManager()) {
        NDArray x = m.create(Arrays.copyOfRange(inputs, start * per, (start + n) * per), new Shape(cs));
        NDArray l = block.forward(new ParameterStore(m, false), new NDList(x), false).get(0);
        int c = (int) l.getShape().get(1);
        float[] flat = l.toFloatArray();
        for (int i = 0; i < n; i++) out[start + i] = Arrays.copyOfRange(flat, i * c, (i + 1) * c);
      }
    }
    return out;
  }

  private static NDArray forwardWithGrad(Block block, NDManager m, NDArray x) {
    if (block instanceof PtSymbolBlock pt) {
      // DJL's inference forward of a TorchScript module runs under NoGradGuard; its training forward
      // switches the module to train mode (batch statistics). Eval mode plus a recording call is what
      // model.eval(); model(x) does in Python.
      JniUtils.enableInferenceMode(pt);
      return IValueUtils.forward(pt, new NDList(x), true).get(0);
    }
    return block.forward(new ParameterStore(m, false), new NDList(x), false).get(0);
  }

  private void check(float[] inputs, long[] shape) {
    Shape s = new Shape(shape);
    if (shape.length < 1 || s.size() != inputs.length) {
      throw new IllegalArgumentException("shape " + s + " holds " + s.size() + " values but " + inputs.length + " were given");
    }
    if (channelStd != null && (shape.length < 2 || shape[1] != channelStd.length)) {
      throw new IllegalArgumentException(channelStd.length + " channel stds but input axis 1 has " + (shape.length < 2 ? 0 : shape[1]));
    }
  }

  /** @return e.g. {@code ODIN(T=1000.0, eps=0.0014, std-scaled)} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ODIN(T=%s, eps=%s%s)", temperature, epsilon, channelStd == null ? "" : ", std-scaled");
  }
}
