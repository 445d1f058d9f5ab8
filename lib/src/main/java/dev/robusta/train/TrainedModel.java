package dev.robusta.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A trained (or loaded) DJL classifier with the {@link InputSpec} it was trained on. Owns its DJL
 * {@link Model}: close it. Logits come back as plain {@code float[N][C]} arrays; every batch's native
 * arrays are freed when the batch ends.
 */
public final class TrainedModel implements AutoCloseable {
  private final Model model;
  private final Network network;
  private final InputSpec spec;
  private final TrainResult result;

  TrainedModel(Model model, Network network, InputSpec spec, TrainResult result) {
    this.model = model;
    this.network = network;
    this.spec = spec;
    this.result = result;
  }

  /**
   * Loads weights saved by {@link #save(Path, String)} or a training checkpoint.
   *
   * @param dir the folder holding {@code NAME-EEEE.params} (the highest epoch is taken) or {@code NAME.params}
   * @param name the file name prefix
   * @param network a fresh network of the same architecture (e.g. {@link SmallCnn#network})
   * @param spec the input spec the weights were trained with
   * @throws UncheckedIOException when the file is missing, unreadable or does not fit the architecture
   */
  public static TrainedModel load(Path dir, String name, Network network, InputSpec spec) {
    Model model = Model.newInstance(name, "PyTorch");
    model.setBlock(network);
    try {
      model.load(dir, name);
    } catch (IOException | MalformedModelException e) {
      model.close();
      throw new UncheckedIOException("cannot load the weights '" + name + "' from " + dir + ": " + e
          + " (a different architecture or a damaged file; delete it to retrain)",
          e instanceof IOException io ? io : new IOException(e));
    }
    return new TrainedModel(model, network, spec, null);
  }

  /** @return the input spec images are converted with */
  public InputSpec inputSpec() { return spec; }

  /** @return the number of classes C */
  public int classes() { return network.classes(); }

  /** @return the network (a DJL block) */
  public Network network() { return network; }

  /** @return the DJL model (owned by this object) */
  public Model model() { return model; }

  /** @return the training record, or null when the weights were loaded from a file */
  public TrainResult trainResult() { return result; }

  /**
   * Logits of a batch of images (eval mode: batch norm uses its running statistics).
   *
   * @return {@code float[images.size()][C]}
   * @throws IllegalArgumentException when an image does not fit the input spec
   */
  public float[][] logits(List<Image> images) {
    int n = images.size();
    float[][] out = new float[n][];
    if (n == 0) {
      return out;
    }
    int sz = spec.size();
    float[] x = new float[n * sz];
    for (int i = 0; i < n; i++) {
      spec.write(images.get(i), x, i * sz);
    }
    try (NDManager sub = model.getNDManager().newSubManager()) {
      NDArray in = sub.create(x, new Shape(n, spec.channels(), spec.height(), spec.width()));
      NDList res = network.forward(new ParameterStore(sub, false), new NDList(in), false);
      float[] flat = res.get(0).toFloatArray();
      int c = network.classes();
      for (int i = 0; i < n; i++) {
        out[i] = new float[c];
        System.arraycopy(flat, i * c, out[i], 0, c);
      }
    }
    return out;
  }

  /**
   * Logits of every sample of a dataset, in index order, in batches of {@code batchSize}.
   *
   * @return {@code float[dataset.size()][C]}
   */
  public float[][] logits(Dataset dataset, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    float[][] out = new float[dataset.size()][];
    for (int start = 0; start < out.length; start += batchSize) {
      int end = Math.min(out.length, start + batchSize);
      List<Image> batch = new java.util.ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        batch.add(dataset.get(i).image());
      }
      float[][] l = logits(batch);
      System.arraycopy(l, 0, out, start, l.length);
    }
    return out;
  }

  /**
   * The rotation head's logits on the four quarter-turn rotations of every image (eval mode), for the
   * self-supervised OOD score {@code dev.robusta.ood.RotationScore} (Hendrycks et al., NeurIPS 2019).
   *
   * @return {@code float[4][dataset.size()][4]}: {@code [r][i]} = logits for image i rotated by r quarter turns
   *     counter-clockwise ({@link Rotations#rotate})
   * @throws IllegalStateException when the network has no rotation head
   */
  public float[][][] rotationLogits(Dataset dataset, int batchSize) {
    if (!network.hasRotationHead()) {
      throw new IllegalStateException("the network has no rotation head; train SmallCnn.network(classes, true)");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    int n = dataset.size();
    float[][][] out = new float[4][n][];
    int sz = spec.size();
    for (int start = 0; start < n; start += batchSize) {
      int end = Math.min(n, start + batchSize);
      float[] x = new float[(end - start) * sz];
      for (int i = start; i < end; i++) {
        spec.write(dataset.get(i).image(), x, (i - start) * sz);
      }
      try (NDManager sub = model.getNDManager().newSubManager()) {
        NDArray in = sub.create(x, new Shape(end - start, spec.channels(), spec.height(), spec.width()));
        for (int r = 0; r < 4; r++) {
          NDList res = network.forward(new ParameterStore(sub, false), new NDList(Rotations.rotate(in, r)), false);
          float[] flat = res.get(1).toFloatArray();
          for (int i = start; i < end; i++) {
            out[r][i] = java.util.Arrays.copyOfRange(flat, (i - start) * 4, (i - start) * 4 + 4);
          }
        }
      }
    }
    return out;
  }

  /** @return top-1 accuracy 0..1 on a labelled dataset (labels in the model's 0..C-1 space) */
  public double accuracy(Dataset dataset) {
    float[][] l = logits(dataset, 500);
    int correct = 0;
    for (int i = 0; i < l.length; i++) {
      int label = dataset.get(i).label();
      if (label < 0 || label >= classes()) {
        throw new IllegalArgumentException("sample " + i + " of " + dataset.id() + " has label " + label
            + ", outside the model's 0.." + (classes() - 1));
      }
      if (argMax(l[i]) == label) {
        correct++;
      }
    }
    return l.length == 0 ? Double.NaN : (double) correct / l.length;
  }

  static int argMax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * SHA-256 over every parameter's name, shape and float32 values in block order: two models with the same
   * digest have bit-identical weights.
   */
  public String parameterDigest() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Pair<String, Parameter> p : network.getParameters()) {
        md.update(p.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        NDArray a = p.getValue().getArray();
        md.update(a.getShape().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        float[] v = a.toFloatArray();
        ByteBuffer bb = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(v);
        md.update(bb.array());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Saves the weights as {@code dir/NAME-0000.params} atomically (written to a temporary file in the same
   * folder, then renamed), so an interrupted save never leaves a half-written file under the final name.
   *
   * @return the written file
   */
  public Path save(Path dir, String name) {
    return Checkpoints.saveAtomically(model, dir, name, 0);
  }

  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return "TrainedModel[" + model.getName() + ", " + classes() + " classes, " + spec
        + (network.hasRotationHead() ? ", rotation head" : "") + "]" + (result == null ? "" : "\n" + result);
  }

}
