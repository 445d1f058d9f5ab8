package dev.robusta.infer;

import dev.robusta.data.Image;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Zero-shot classification as in CLIP (Radford et al., <i>Learning Transferable Visual Models From
 * Natural Language Supervision</i>, ICML 2021): an image encoder maps each image to an embedding, and the
 * logit of class c is {@code logitScale * cos(image embedding, class embedding c)}.
 *
 * <p>Shapes: the image encoder (TorchScript or ONNX through DJL, its first output) gives {@code [N, D]};
 * {@link ClassEmbeddings} are {@code [C, D]} unit rows; {@link #logits(List)} returns {@code [N, C]} raw
 * logits in the class order of the embeddings (no softmax; softmax of them is CLIP's zero-shot
 * probability). {@code logitScale} defaults to {@value #DEFAULT_LOGIT_SCALE}, CLIP's learned temperature
 * {@code exp(4.6052)} for the released ViT-B/32 (clipped at 100 in training); it changes no argmax but does
 * change calibration and softmax-based OOD scores.
 *
 * <p>This is a {@link Classifier}: the pipeline, the logits cache (the cache key covers the encoder file,
 * the class embeddings' SHA-256 and the logit scale), metrics and label spaces work on it as on any model.
 *
 * <pre>{@code
 * ClassEmbeddings classes = ClassEmbeddings.fromNpy(Path.of("clip/class_embeddings.npy"), names);
 * try (ZeroShotClassifier zs = ZeroShotClassifier.builder(classes)
 *     .imageEncoder(Path.of("clip/image_encoder.pt")).load()) {   // Preset.CLIP
 *   Predictions p = Models.evaluate(zs, dataset);
 * }
 * }</pre>
 *
 * <p>The weights are not shipped: {@link ClipFiles} says which files are needed and how to export them
 * ({@code dev.robusta.Models#clip} loads a folder of them).
 */
public final class ZeroShotClassifier extends Classifier {
  /** CLIP's logit scale (temperature inverse) for the released models: 100. */
  public static final double DEFAULT_LOGIT_SCALE = 100.0;

  private final ClassEmbeddings classes;
  private final double logitScale;
  private final ModelInfo encoderInfo;

  private ZeroShotClassifier(Classifier encoder, ClassEmbeddings classes, double logitScale) {
    super(encoder, identity(encoder.info(), classes, logitScale));
    this.classes = classes;
    this.logitScale = logitScale;
    this.encoderInfo = encoder.info();
  }

  private static ModelInfo identity(ModelInfo enc, ClassEmbeddings classes, double scale) {
    String sha = Checksums.sha256("robusta-zero-shot/1|encoder:" + enc.cacheKey() + "|classes="
        + classes.sha256() + "|logit_scale=" + Double.toString(scale));
    return new ModelInfo(enc.name() + "-zeroshot", sha, enc.backend(), enc.device(), enc.precision(),
        enc.logitsOutput(), enc.featuresOutput());
  }

  /** @return a builder; the class embeddings are required, the image encoder is set on the builder */
  public static Builder builder(ClassEmbeddings classes) {
    return new Builder(classes);
  }

  /**
   * CLIP from a folder of exported files ({@link ClipFiles}): class embeddings from the text tower and
   * tokenizer with the given templates (prompt ensembling), or from {@code class_embeddings.npy} when the
   * text files are absent; image tower with {@link Preset#CLIP}; logit scale 100.
   *
   * @param templates prompt templates, ignored when the precomputed class embeddings are used
   * @throws MissingWeightsException when files are missing (the message names each one and how to get it)
   */
  public static ZeroShotClassifier clip(ClipFiles files, List<String> classNames, List<String> templates) {
    files.require();
    ClassEmbeddings classes;
    if (files.hasTextEncoder()) {
      ClipTokenizer tok = ClipTokenizer.load(files.tokenizer());
      ClipTextEncoder text;
      try {
        text = ClipTextEncoder.load(files.textEncoder(), tok);
      } catch (RuntimeException e) {
        tok.close();
        throw e;
      }
      try (text) {
        classes = ClassEmbeddings.fromPrompts(text, classNames, templates);
      }
    } else {
      classes = ClassEmbeddings.fromNpy(files.classEmbeddings(), classNames);
    }
    return builder(classes).imageEncoder(files.imageEncoder()).load();
  }

  /** @return the class embeddings (class names, source, checksum) */
  public ClassEmbeddings classes() { return classes; }

  /** @return the class names, in logit column order */
  public List<String> classNames() { return classes.classNames(); }

  /** @return the factor in {@code logits = logitScale * cos} */
  public double logitScale() { return logitScale; }

  /** @return the image encoder's own identity (file name, SHA-256, engine) */
  public ModelInfo encoderInfo() { return encoderInfo; }

  /**
   * Runs the image encoder and scores its {@code [n, D]} embeddings against the class embeddings.
   *
   * @return {@code [n, C]} logits {@code logitScale * cos(image, class)}; features pass through unchanged
   * @throws EmbeddingDimensionException when the encoder's D differs from the class embeddings' D
   * @throws InferenceException when the encoder fails or gives an all-zero embedding
   */
  @Override
  public Outputs forward(float[] nchw, int n, int h, int w) {
    Outputs enc = super.forward(nchw, n, h, w);
    return new Outputs(scores(enc.logits()), enc.features());
  }

  /**
   * The zero-shot head on given image embeddings.
   *
   * @param embeddings {@code [n, D]} image embeddings, any norm, non-zero
   * @return {@code [n, C]} with entry {@code logitScale * <e_i / ||e_i||, class_c>} (computed in double)
   */
  public float[][] scores(float[][] embeddings) {
    return cosineLogits(embeddings, classes, logitScale, encoderInfo.name());
  }

  /** The head without a model: {@code logitScale * cos(embeddings[i], classes[c])}, in double. */
  static float[][] cosineLogits(float[][] embeddings, ClassEmbeddings classes, double logitScale, String encoder) {
    int d = classes.dimension();
    float[][] out = new float[embeddings.length][classes.size()];
    for (int i = 0; i < embeddings.length; i++) {
      float[] e = embeddings[i];
      if (e.length != d) {
        throw new EmbeddingDimensionException(d, e.length, "the image encoder " + encoder + " gives "
            + e.length + "-dim embeddings, the class embeddings are " + d + "-dim (" + classes.source()
            + "); image and text towers must come from the same model");
      }
      double ss = 0;
      for (float x : e) {
        ss += (double) x * x;
      }
      if (!(ss > 0) || Double.isInfinite(ss)) {
        throw new InferenceException("the image encoder " + encoder + " gave an embedding of norm "
            + Math.sqrt(ss) + " for image " + i + " of the batch; cosine similarity is undefined");
      }
      double k = logitScale / Math.sqrt(ss);
      for (int c = 0; c < out[i].length; c++) {
        float[] r = classes.row(c);
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += (double) e[j] * r[j];
        }
        out[i][c] = (float) (k * dot);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ZeroShotClassifier[logits = %s * cos(image, class) (Radford et al. 2021);"
        + " image encoder %s; %s; preset %s]", fmt(logitScale), encoderInfo, classes, preset());
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Options of a {@link ZeroShotClassifier}: class embeddings (required), image encoder, logit scale. */
  public static final class Builder {
    private final ClassEmbeddings classes;
    private ClassifierLoader encoder;
    private double logitScale = DEFAULT_LOGIT_SCALE;

    private Builder(ClassEmbeddings classes) {
      this.classes = Objects.requireNonNull(classes, "classes");
    }

    /**
     * @param file a TorchScript ({@code .pt}) or ONNX image encoder {@code [N, 3, 224, 224] -> [N, D]},
     *     preprocessed with {@link Preset#CLIP}
     */
    public Builder imageEncoder(Path file) {
      return imageEncoder(ClassifierLoader.file(file, Preset.CLIP));
    }

    /** @param loader an image encoder with any preset and loader options (threads, engine, device, ...) */
    public Builder imageEncoder(ClassifierLoader loader) {
      this.encoder = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /** @param scale the factor in {@code logitScale * cos}; positive and finite; default 100 */
    public Builder logitScale(double scale) {
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("logit scale must be positive and finite, got " + scale
            + " (CLIP's is 100)");
      }
      this.logitScale = scale;
      return this;
    }

    /**
     * Loads the image encoder and, when the preset fixes the input size, runs it once on a grey image to
     * check that its embedding dimension matches the class embeddings.
     *
     * @throws IllegalStateException when no image encoder was set
     * @throws MissingWeightsException when the image encoder file does not exist
     * @throws EmbeddingDimensionException when the encoder's output dimension differs from the classes'
     * @throws InferenceException when the engine cannot load or run it
     */
    public ZeroShotClassifier load() {
      if (encoder == null) {
        throw new IllegalStateException("set the image encoder: .imageEncoder(Path) or .imageEncoder(loader)");
      }
      Path file = encoder.modelFile();
      if (file != null && !java.nio.file.Files.isRegularFile(file)) {
        throw new MissingWeightsException(List.of(file), "image encoder not found: " + file.toAbsolutePath()
            + " (a TorchScript/ONNX image tower [N,3,H,W] float32 -> [N,D]; for CLIP see ClipFiles: "
            + ClipFiles.IMAGE_ENCODER + " exported from OpenAI CLIP ViT-B/32)");
      }
      Classifier enc = encoder.load();
      try {
        int side = enc.preset().requiredSize() > 0 ? enc.preset().requiredSize() : enc.preset().crop();
        if (side > 0) {
          Image grey = Image.wrap(side, side, 3, filled(side * side * 3));
          float[] row = enc.logits(List.of(grey))[0];
          if (row.length != classes.dimension()) {
            throw new EmbeddingDimensionException(classes.dimension(), row.length, "the image encoder "
                + enc.info().name() + " gives " + row.length + "-dim embeddings, the class embeddings are "
                + classes.dimension() + "-dim (" + classes.source() + "); image and text towers must come"
                + " from the same model");
          }
        }
        return new ZeroShotClassifier(enc, classes, logitScale);
      } catch (RuntimeException e) {
        enc.close();
        throw e;
      }
    }

    private static byte[] filled(int n) {
      byte[] b = new byte[n];
      java.util.Arrays.fill(b, (byte) 128);
      return b;
    }
  }
}
