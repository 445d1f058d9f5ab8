package dev.robusta.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a fine-tuning run starts: the weights of a pre-trained network, from a {@link TrainedModel} in memory or a
 * checkpoint file written by the training helpers ({@code NAME-EEEE.params}, see
 * {@link TrainConfig#checkpointDir()} and {@link TrainedModel#save}), as in the pre-train-then-tune protocol of
 * Hendrycks, Lee and Mazeika, "Using Pre-Training Can Improve Model Robustness and Uncertainty" (ICML 2019;
 * reference code {@code hendrycks/pre-training}).
 *
 * <p>What is copied, parameter by parameter (matched by name): every backbone parameter, batch-norm running
 * statistics included, bit for bit; the classifier head when the pre-trained one has the same number of classes,
 * otherwise the new head keeps the seeded initialisation of the run ({@link SeededInitializer}, keyed by the run's
 * seed and the parameter name); the rotation head when both networks have one. The backbone must match exactly
 * (same parameter names and shapes) and so must the input shape (channels x height x width); otherwise
 * {@link IncompatibleCheckpointException} names both.
 *
 * <p>Optionally the backbone trains at a lower learning rate than the heads:
 * {@code lr_body = bodyLearningRateFactor * lr} at every step of the schedule (1 = one learning rate, 0 = the
 * backbone is frozen apart from batch-norm running statistics).
 */
public final class FineTune {
  private final TrainedModel pretrained;
  private final Path checkpoint;
  private final double bodyLearningRateFactor;
  private final boolean resetHead;

  private FineTune(TrainedModel pretrained, Path checkpoint, double bodyLearningRateFactor) {
    this(pretrained, checkpoint, bodyLearningRateFactor, false);
  }

  private FineTune(TrainedModel pretrained, Path checkpoint, double bodyLearningRateFactor, boolean resetHead) {
    if (!(bodyLearningRateFactor >= 0 && bodyLearningRateFactor <= 1)) {
      throw new IllegalArgumentException("bodyLearningRateFactor must be in [0, 1], was " + bodyLearningRateFactor);
    }
    this.pretrained = pretrained;
    this.checkpoint = checkpoint;
    this.bodyLearningRateFactor = bodyLearningRateFactor;
    this.resetHead = resetHead;
  }

  /**
   * @param pretrained a trained model (not closed; it stays owned by the caller)
   * @return fine-tuning from its weights, one learning rate for all parameters
   */
  public static FineTune from(TrainedModel pretrained) {
    return new FineTune(java.util.Objects.requireNonNull(pretrained, "pretrained"), null, 1);
  }

  /**
   * @param paramsFile a checkpoint written by the training helpers, e.g. {@code dir/cnn-0003.params}
   * @return fine-tuning from its weights, one learning rate for all parameters
   * @throws IllegalArgumentException when the file does not exist
   */
  public static FineTune fromCheckpoint(Path paramsFile) {
    if (!Files.isRegularFile(paramsFile)) {
      throw new IllegalArgumentException("no checkpoint file at " + paramsFile
          + "; pass a NAME-EEEE.params file written by TrainConfig.checkpointDir or TrainedModel.save");
    }
    return new FineTune(null, paramsFile, 1);
  }

  /**
   * @param factor the backbone's learning rate as a fraction of the run's, in [0, 1]
   * @return a copy with that factor
   */
  public FineTune bodyLearningRateFactor(double factor) {
    return new FineTune(pretrained, checkpoint, factor, resetHead);
  }

  /**
   * @return a copy that copies the backbone only: the classifier and rotation heads keep the run's seeded
   *     initialisation even when the class counts agree (transfer to a task whose classes mean something else)
   */
  public FineTune resetHead() {
    return new FineTune(pretrained, checkpoint, bodyLearningRateFactor, true);
  }

  /** @return the backbone's learning-rate factor, in [0, 1] */
  public double bodyLearningRateFactor() {
    return bodyLearningRateFactor;
  }

  /** @return whether a parameter name belongs to the classifier or rotation head of a {@link Network} */
  static boolean isHead(String parameterName) {
    return HEAD.matcher(parameterName).lookingAt();
  }

  /** DJL names a child's parameters {@code NNchild_param}: {@code 02classifier_weight}, {@code 03rotation_bias}. */
  private static final java.util.regex.Pattern HEAD = java.util.regex.Pattern.compile("\\d*(classifier|rotation)_");

  /**
   * The network as a fine-tuning run starts it, before its first step: initialised from {@code seed}, then
   * overwritten with the pre-trained weights as described above. Useful to inspect or evaluate the starting point.
   *
   * @param network a fresh, uninitialised network
   * @param spec the input spec of the fine-tuning data
   * @param seed the run's seed (initialises a replaced head)
   * @return an untrained model (close it)
   * @throws IncompatibleCheckpointException when the backbone or the input shape does not fit
   */
  public TrainedModel startingModel(Network network, InputSpec spec, long seed) {
    Model model = Model.newInstance("robusta-finetune-start", "PyTorch");
    try {
      model.setBlock(network);
      for (Pair<String, Parameter> p : network.getParameters()) {
        if (p.getValue().getType() == Parameter.Type.WEIGHT) {
          p.getValue().setInitializer(new SeededInitializer(seed, p.getKey()));
        }
      }
      network.initialize(model.getNDManager(), DataType.FLOAT32,
          new Shape(2, spec.channels(), spec.height(), spec.width()));
      copyInto(network, spec);
      return new TrainedModel(model, network, spec, null);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Overwrites an initialised network with the pre-trained weights.
   *
   * @return what was done, e.g. {@code "fine-tuned from checkpoint cnn-0003.params (10 tensors copied, classifier
   *     head re-initialised: 10 classes vs 100)"}
   */
  String copyInto(Network target, InputSpec spec) {
    if (pretrained != null) {
      return copy(pretrained, "model " + pretrained.model().getName(), target, spec);
    }
    try (TrainedModel source = readCheckpoint(target, spec)) {
      return copy(source, "checkpoint " + checkpoint.getFileName(), target, spec);
    }
  }

  /** @return the parameter ids of the backbone (the parameters {@link #bodyLearningRateFactor} applies to) */
  static Set<String> bodyParameterIds(Network network) {
    Set<String> ids = new HashSet<>();
    for (Pair<String, Parameter> p : network.getParameters()) {
      if (!isHead(p.getKey())) {
        ids.add(p.getValue().getId());
      }
    }
    return ids;
  }

  private TrainedModel readCheckpoint(Network target, InputSpec spec) {
    Checkpoints.Header h;
    try {
      h = Checkpoints.readHeader(checkpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint " + checkpoint + ": " + e.getMessage(), e);
    }
    Map<String, String> props = h.properties();
    String arch = props.getOrDefault(Checkpoints.ARCHITECTURE, "unrecorded");
    String inputShape = h.input() == null ? "unrecorded" : chw(h.input());
    if (h.input() != null && h.input().dimension() == 4 && !inputShape.equals(chw(spec))) {
      throw new IncompatibleCheckpointException(checkpoint + " does not fit: the checkpoint is architecture '" + arch
          + "' with input " + inputShape + ", the network is architecture '" + target.architecture() + "' with input "
          + chw(spec) + " (" + spec + "); convert the data to " + inputShape + " or pre-train on " + chw(spec));
    }
    String body = props.get(Checkpoints.BODY);
    String targetBody = Checkpoints.bodySignature(target);
    if (body != null && !body.equals(targetBody)) {
      throw new IncompatibleCheckpointException(checkpoint + " does not fit: the checkpoint is architecture '" + arch
          + "' with input " + inputShape + ", the network is architecture '" + target.architecture() + "' with input "
          + chw(spec) + "; first difference: " + firstDifference(body, targetBody));
    }
    int classes = Integer.parseInt(props.getOrDefault(Checkpoints.CLASSES, Integer.toString(target.classes())));
    boolean rotation = Boolean.parseBoolean(props.getOrDefault(Checkpoints.ROTATION_HEAD,
        Boolean.toString(target.hasRotationHead())));
    Network twin = target.twin(classes, rotation);
    Model m = Model.newInstance("robusta-checkpoint", "PyTorch");
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(checkpoint)))) {
      m.setBlock(twin);
      skipHeader(in);
      twin.loadParameters(m.getNDManager(), in);
      return new TrainedModel(m, twin, spec, null);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      m.close();
      throw new IncompatibleCheckpointException(checkpoint + " cannot be read into architecture '"
          + target.architecture() + "' with input " + chw(spec) + " (the checkpoint records architecture '" + arch
          + "', input " + inputShape + "): " + e, e);
    }
  }

  private static void skipHeader(DataInputStream in) throws IOException {
    in.readFully(new byte[4]);
    in.readInt();
    in.readUTF();
    in.readUTF();
    int inputs = in.readInt();
    for (int i = 0; i < inputs; i++) {
      in.readUTF();
      Shape.decode(in);
    }
    int props = in.readInt();
    for (int i = 0; i < 2 * props; i++) {
      in.readUTF();
    }
  }

  private String copy(TrainedModel source, String what, Network target, InputSpec spec) {
    InputSpec s = source.inputSpec();
    if (s.channels() != spec.channels() || s.height() != spec.height() || s.width() != spec.width()) {
      throw new IncompatibleCheckpointException("the pre-trained " + what + " does not fit: it is architecture '"
          + source.network().architecture() + "' with input " + chw(s) + ", the network is architecture '"
          + target.architecture() + "' with input " + chw(spec));
    }
    Map<String, NDArray> src = new HashMap<>();
    for (Pair<String, Parameter> p : source.network().getParameters()) {
      src.put(p.getKey(), p.getValue().getArray());
    }
    int copied = 0;
    StringBuilder replaced = new StringBuilder();
    for (Pair<String, Parameter> p : target.getParameters()) {
      String name = p.getKey();
      NDArray to = p.getValue().getArray();
      NDArray from = src.get(name);
      boolean fits = from != null && from.getShape().equals(to.getShape());
      if (!fits && !isHead(name)) {
        throw new IncompatibleCheckpointException("the pre-trained " + what + " does not fit: it is architecture '"
            + source.network().architecture() + "' with input " + chw(s) + ", the network is architecture '"
            + target.architecture() + "' with input " + chw(spec) + "; parameter " + name + " is "
            + (from == null ? "missing" : from.getShape()) + " in the pre-trained model and " + to.getShape()
            + " in the network");
      }
      if (fits && resetHead && isHead(name)) {
        if (name.endsWith("weight")) {
          replaced.append(name.matches("\\d*classifier_.*") ? ", classifier head re-initialised (reset requested)"
              : ", rotation head re-initialised (reset requested)");
        }
      } else if (fits) {
        to.set(FloatBuffer.wrap(from.toType(DataType.FLOAT32, false).toFloatArray()));
        copied++;
      } else if (name.endsWith("weight")) {
        replaced.append(name.matches("\\d*classifier_.*")
            ? String.format(Locale.ROOT, ", classifier head re-initialised (%d classes vs %d)", target.classes(),
                source.classes())
            : ", rotation head initialised (the pre-trained model has none)");
      }
    }
    return "fine-tuned from " + what + " (" + copied + " tensors copied" + replaced + ")";
  }

  private static String chw(InputSpec s) {
    return s.channels() + "x" + s.height() + "x" + s.width();
  }

  private static String chw(Shape nchw) {
    return nchw.dimension() == 4 ? nchw.get(1) + "x" + nchw.get(2) + "x" + nchw.get(3) : nchw.toString();
  }

  private static String firstDifference(String a, String b) {
    String[] x = a.split(";");
    String[] y = b.split(";");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String u = i < x.length ? x[i] : "(nothing)";
      String v = i < y.length ? y[i] : "(nothing)";
      if (!u.equals(v)) {
        return "checkpoint " + u + " vs network " + v;
      }
    }
    return "none";
  }

  @Override
  public String toString() {
    return "FineTune[from " + (pretrained != null ? "model " + pretrained.model().getName() : "checkpoint "
        + checkpoint) + ", body learning-rate factor " + bodyLearningRateFactor + (resetHead ? ", new heads" : "")
        + "]";
  }
}
