package dev.robusta.ood;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * ODIN (Liang, Li &amp; Srikant, ICLR 2018; {@code facebookresearch/odin · code/calData.py}): temperature
 * scaling plus a small input perturbation against the gradient of the cross-entropy of the predicted
 * class, then the maximum softmax at temperature T. For input x (as fed to the model, i.e. normalised):
 * g = sign(d/dx CE(softmax(f(x) / T), argmax f(x))) with sign(0) = +1 (the reference's {@code ge(grad, 0)}),
 * optionally divided by the per-channel std of the normalisation (the reference divides by
 * (63.0, 62.1, 66.7) / 255 on CIFAR); x~ = x - epsilon g; score = max_k softmax(f(x~) / T)_k,
 * {@link Orientation#HIGHER_IS_MORE_ID}.
 *
 * <p>The gradient comes from DJL autograd on the model's {@link Block} (run in inference mode: no
 * dropout, batch-norm running statistics). Every native array lives in a sub-manager closed before the
 * call returns; only {@code float[]} goes in and {@link Scores} come out.
 */
public final class Odin {
  /** The paper's temperature. */
  public static final double DEFAULT_TEMPERATURE = 1000;
  /** The paper's CIFAR perturbation magnitude. */
  public static final double DEFAULT_EPSILON = 0.0014;

  private final Model model;
  private final double temperature;
  private final double epsilon;
  private final float[] channelStd;

  private Odin(Model model, double temperature, double epsilon, float[] channelStd) {
    this.model = model;
    this.temperature = temperature;
    this.epsilon = epsilon;
    this.channelStd = channelStd;
  }

  /**
   * @param model a DJL model whose block maps inputs to logits {@code [N, C]} and supports autograd
   *     (PyTorch engine: blocks built in DJL or TorchScript); not closed by this class
   * @param temperature T &gt; 0
   * @param epsilon perturbation magnitude &gt;= 0 (0 gives plain temperature-scaled MSP)
   */
  public static Odin of(Model model, double temperature, double epsilon) {
    Objects.requireNonNull(model, "model");
    if (!(temperature > 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException("epsilon must be >= 0, was " + epsilon);
    return new Odin(model, temperature, epsilon, null);
  }

  /** @return a copy that divides the gradient sign by these per-channel stds (axis 1 of the input) */
  public Odin withChannelStd(float... std) {
    for (float s : std) if (!(s > 0)) throw new IllegalArgumentException("channel std must be > 0, was " + s);
    return new Odin(model, temperature, epsilon, std.clone());
  }

  /**
   * @param inputs model inputs in row-major order, e.g. NCHW floats after the model's preprocessing
   * @param shape their shape, first axis N (e.g. {@code N, 3, 32, 32})
   * @return one ODIN score per sample
   * @throws IllegalArgumentException when {@code inputs.length} does not match {@code shape}
   */
  public Scores score(float[] inputs, long... shape) {
    Shape s = new Shape(shape);
    if (s.size() != inputs.length) {
      throw new IllegalArgumentException("shape " + s + " holds " + s.size() + " values but " + inputs.length + " were given");
    }
    if (channelStd != null && (shape.length < 2 || shape[1] != channelStd.length)) {
      throw new IllegalArgumentException(channelStd.length + " channel stds but input axis 1 has " + (shape.length < 2 ? 0 : shape[1]));
    }
    Block block = model.getBlock();
    try (NDManager m = model.getNDManager().newSubManager()) {
      NDArray x = m.create(inputs, s);
      x.setRequiresGradient(true);
      ParameterStore ps = new ParameterStore(m, false);
      try (GradientCollector gc = Engine.getEngine(m.getEngine().getEngineName()).newGradientCollector()) {
        NDArray logits = block.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray pred = logits.argMax(1);
        NDArray logp = logits.div(temperature).logSoftmax(1);
        NDArray loss = logp.mul(pred.oneHot((int) logits.getShape().get(1), DataType.FLOAT32)).sum().neg();
        gc.backward(loss);
      }
      NDArray g = x.getGradient().gte(0).toType(DataType.FLOAT32, false).mul(2).sub(1);
      if (channelStd != null) {
        long[] bshape = new long[shape.length];
        Arrays.fill(bshape, 1);
        bshape[1] = channelStd.length;
        g = g.div(m.create(channelStd, new Shape(bshape)));
      }
      NDArray perturbed = x.stopGradient().sub(g.mul(epsilon));
      NDArray out = block.forward(ps, new NDList(perturbed), false).singletonOrThrow();
      float[] msp = out.div(temperature).softmax(1).max(new int[] {1}).toFloatArray();
      double[] v = new double[msp.length];
      for (int i = 0; i < v.length; i++) v[i] = msp[i];
      return new Scores(String.format(Locale.ROOT, "ODIN(T=%s, eps=%s%s)", temperature, epsilon,
          channelStd == null ? "" : ", std-scaled"), v, Orientation.HIGHER_IS_MORE_ID);
    }
  }
}
