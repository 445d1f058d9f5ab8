package dev.robusta.infer;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.robusta.data.Image;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loaded image classifier: a DJL model plus its predictor, its preprocessing {@link Preset} and the
 * SHA-256 of its file. Input images go through the preset; {@link #logits(List)} returns
 * {@code [N, C]} raw logits as plain Java arrays (no NDArray escapes). Every batch's native arrays are
 * freed when the batch ends.
 *
 * <p>Models with a fixed batch size (an ONNX graph whose input is {@code [1, 3, 224, 224]}, e.g.
 * {@code shufflenet-v2-12-qdq}) are fed in chunks of that size; a short last chunk is zero-padded and the
 * padding rows dropped. Not thread-safe: one thread calls {@link #forward}. Close it to free the model.
 *
 * <p>The one subclass, {@link ZeroShotClassifier}, turns an image encoder's {@code [N, D]} embeddings into
 * {@code [N, C]} logits against class embeddings; everything that takes a {@code Classifier} (pipeline,
 * logits cache, metrics) works on it unchanged.
 */
public sealed class Classifier implements AutoCloseable permits ZeroShotClassifier {
  private final ZooModel<BatchTranslator.Batch, Outputs> model;
  private final Predictor<BatchTranslator.Batch, Outputs> predictor;
  private final ModelInfo info;
  private final Preset preset;
  private final int fixedBatch;
  private final AtomicLong calls = new AtomicLong();
  private volatile boolean closed;

  Classifier(ZooModel<BatchTranslator.Batch, Outputs> model, ModelInfo info, Preset preset, int fixedBatch) {
    this.model = model;
    this.predictor = model.newPredictor();
    this.info = info;
    this.preset = preset;
    this.fixedBatch = fixedBatch;
  }

  /**
   * Takes over {@code encoder}'s model and predictor under another identity (used by
   * {@link ZeroShotClassifier}); {@code encoder} must not be used or closed afterwards.
   */
  Classifier(Classifier encoder, ModelInfo info) {
    this.model = encoder.model;
    this.predictor = encoder.predictor;
    this.info = info;
    this.preset = encoder.preset;
    this.fixedBatch = encoder.fixedBatch;
  }

  /** @return name, checksum, engine, device, precision and outputs of the model */
  public ModelInfo info() { return info; }

  /** @return the preprocessing applied to every input image */
  public Preset preset() { return preset; }

  /** @return the batch size the model graph requires, or 0 when any batch size works */
  public int fixedBatchSize() { return fixedBatch; }

  /** @return how many times the native model has run (one per chunk); used to prove cache hits */
  public long calls() { return calls.get(); }

  /**
   * Preprocesses the images with {@link #preset()} and runs the model.
   *
   * @param images RGB or greyscale images; all must give the same size after the preset's geometry
   * @return {@code [N, C]} raw logits, row i for image i
   */
  public float[][] logits(List<Image> images) {
    return outputs(images).logits();
  }

  /** Like {@link #logits(List)} but also returns features when a features output was configured. */
  public Outputs outputs(List<Image> images) {
    if (images.isEmpty()) {
      return new Outputs(new float[0][], info.featuresOutput() == null ? null : new float[0][]);
    }
    Inputs in = inputs(images);
    return forward(in.nchw(), in.n(), in.h(), in.w());
  }

  /**
   * Preprocesses images with {@link #preset()} into the model's input, without running the model (for
   * input-gradient scores such as {@link dev.robusta.ood.Odin}, which need the normalised input).
   *
   * @param images at least one RGB or greyscale image; all must give the same size after the geometry
   * @return {@code [N, 3, h, w]} normalised floats
   * @throws IllegalArgumentException for an empty list or images of different sizes
   */
  public Inputs inputs(List<Image> images) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images: a batch needs at least one");
    }
    Image first = preset.geometry(images.get(0));
    int h = first.height();
    int w = first.width();
    float[] data = new float[images.size() * 3 * h * w];
    for (int i = 0; i < images.size(); i++) {
      Image g = i == 0 ? first : preset.geometry(images.get(i));
      if (g.height() != h || g.width() != w) {
        throw new IllegalArgumentException("image " + i + " is " + g.height() + "x" + g.width()
            + " after preprocessing, image 0 is " + h + "x" + w + "; a batch needs one size");
      }
      preset.writeChw(g, data, i * 3 * h * w);
    }
    return new Inputs(data, images.size(), h, w);
  }

  /**
   * The underlying DJL model, for scores that need more than a forward pass (ODIN's input gradient:
   * {@code Odin.of(classifier.djlModel(), T, eps)}). It stays owned by this classifier: do not close it,
   * and do not use it after {@link #close()}.
   *
   * @throws UnsupportedOperationException for a {@link ZeroShotClassifier}, whose model outputs image
   *     embeddings, not the logits (those are computed in Java from the class embeddings)
   */
  public ai.djl.Model djlModel() {
    if (closed) {
      throw new IllegalStateException("classifier " + info.name() + " is closed");
    }
    if (this instanceof ZeroShotClassifier) {
      throw new UnsupportedOperationException("a zero-shot classifier's DJL model outputs image embeddings, not"
          + " its logits; gradient scores such as ODIN need a model whose forward returns the logits");
    }
    return model;
  }

  /**
   * Runs the model on already preprocessed input.
   *
   * @param nchw {@code n * 3 * h * w} floats in NCHW order (may be longer; the rest is ignored)
   * @param n number of images, at least 1
   * @param h input height
   * @param w input width
   * @return the outputs for the {@code n} images
   * @throws InferenceException when the engine fails (the message carries the engine's reason)
   */
  public Outputs forward(float[] nchw, int n, int h, int w) {
    if (closed) {
      throw new IllegalStateException("classifier " + info.name() + " is closed");
    }
    if (n < 1 || nchw.length < (long) n * 3 * h * w) {
      throw new IllegalArgumentException("need " + n + " x 3 x " + h + " x " + w + " floats, got "
          + nchw.length);
    }
    if (fixedBatch <= 0 || n == fixedBatch) {
      return run(new BatchTranslator.Batch(nchw, n, h, w));
    }
    int per = 3 * h * w;
    float[][] logits = new float[n][];
    float[][] features = info.featuresOutput() == null ? null : new float[n][];
    float[] chunk = new float[fixedBatch * per];
    for (int start = 0; start < n; start += fixedBatch) {
      int m = Math.min(fixedBatch, n - start);
      System.arraycopy(nchw, start * per, chunk, 0, m * per);
      if (m < fixedBatch) {
        java.util.Arrays.fill(chunk, m * per, chunk.length, 0f);
      }
      Outputs o = run(new BatchTranslator.Batch(chunk, fixedBatch, h, w));
      for (int i = 0; i < m; i++) {
        logits[start + i] = o.logits()[i];
        if (features != null) {
          features[start + i] = o.features()[i];
        }
      }
    }
    return new Outputs(logits, features);
  }

  private Outputs run(BatchTranslator.Batch b) {
    calls.incrementAndGet();
    try {
      return predictor.predict(b);
    } catch (TranslateException | RuntimeException e) {
      throw new InferenceException("model " + info.name() + " (" + info.backend() + " on " + info.device()
          + ") failed on a batch of " + b.n() + " x 3 x " + b.h() + " x " + b.w() + ": " + rootMessage(e), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      predictor.close();
      model.close();
    }
  }

  @Override
  public String toString() {
    return "Classifier[" + info + ", preset=" + preset + (fixedBatch > 0 ? ", fixed batch " + fixedBatch : "")
        + "]";
  }
}
