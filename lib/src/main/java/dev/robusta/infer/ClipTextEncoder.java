package dev.robusta.infer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CLIP's text tower as a {@link TextEncoder}: a TorchScript ({@code .pt}, PyTorch engine) or ONNX file
 * that takes token ids {@code [T, 77]} int64 and returns text embeddings {@code [T, D]} (its first
 * output), plus a {@link ClipTokenizer}. See {@link ClipFiles} for how to export one. Prompts are encoded
 * in chunks of {@value #CHUNK}, on CPU. Close it to free the model and the tokenizer.
 */
public final class ClipTextEncoder implements TextEncoder, AutoCloseable {
  static final int CHUNK = 64;

  private final ZooModel<long[][], float[][]> model;
  private final Predictor<long[][], float[][]> predictor;
  private final ClipTokenizer tokenizer;
  private final Path file;
  private final String sha256;

  private ClipTextEncoder(ZooModel<long[][], float[][]> model, ClipTokenizer tokenizer, Path file) {
    this.model = model;
    this.predictor = model.newPredictor();
    this.tokenizer = tokenizer;
    this.file = file;
    this.sha256 = Checksums.sha256(file);
  }

  /**
   * @param textTower TorchScript or ONNX text tower, {@code [T, 77] int64 -> [T, D] float32}
   * @param tokenizer the tokenizer (owned by the encoder from now on; may be {@code null} when only
   *     {@link #encodeIds} is used)
   * @throws MissingWeightsException when the file does not exist
   * @throws InferenceException when the engine cannot load it
   */
  public static ClipTextEncoder load(Path textTower, ClipTokenizer tokenizer) {
    Objects.requireNonNull(textTower, "textTower");
    if (!Files.isRegularFile(textTower)) {
      throw new MissingWeightsException(List.of(textTower), "text encoder not found: "
          + textTower.toAbsolutePath() + " (a TorchScript/ONNX text tower [T,77] int64 -> [T,D]; for CLIP"
          + " ViT-B/32 see ClipFiles for the export commands)");
    }
    Backend b = Backend.forFile(textTower);
    Criteria<long[][], float[][]> c = Criteria.builder()
        .setTypes(long[][].class, float[][].class)
        .optModelPath(textTower.toAbsolutePath())
        .optEngine(b.djlName())
        .optDevice(Device.cpu())
        .optTranslator(new IdsTranslator())
        .build();
    try {
      return new ClipTextEncoder(c.loadModel(), tokenizer, textTower);
    } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
      throw new InferenceException("cannot load text encoder " + textTower + " with " + b + ": "
          + Classifier.rootMessage(e), e);
    }
  }

  /**
   * Tokenizes and encodes.
   *
   * @throws IllegalStateException when the encoder was loaded without a tokenizer
   */
  @Override
  public float[][] encode(List<String> texts) {
    if (tokenizer == null) {
      throw new IllegalStateException("this text encoder has no tokenizer; use encodeIds(...) with"
          + " pre-tokenized ids, or load it with ClipTokenizer.load(tokenizer.json)");
    }
    return encodeIds(tokenizer.tokenize(texts));
  }

  /**
   * @param ids {@code [T, 77]} token ids (as {@code clip.tokenize} gives them)
   * @return {@code [T, D]} text embeddings (not normalised)
   * @throws InferenceException when the model fails
   */
  public float[][] encodeIds(long[][] ids) {
    List<float[]> rows = new ArrayList<>(ids.length);
    for (int start = 0; start < ids.length; start += CHUNK) {
      long[][] chunk = java.util.Arrays.copyOfRange(ids, start, Math.min(ids.length, start + CHUNK));
      try {
        float[][] out = predictor.predict(chunk);
        if (out.length != chunk.length) {
          throw new InferenceException("text encoder " + file.getFileName() + " returned " + out.length
              + " rows for " + chunk.length + " prompts");
        }
        rows.addAll(List.of(out));
      } catch (TranslateException | RuntimeException e) {
        if (e instanceof InferenceException ie) {
          throw ie;
        }
        throw new InferenceException("text encoder " + file.getFileName() + " failed on " + chunk.length
            + " x " + (chunk.length == 0 ? 0 : chunk[0].length) + " token ids: " + Classifier.rootMessage(e), e);
      }
    }
    return rows.toArray(float[][]::new);
  }

  @Override
  public String describe() {
    return "text encoder " + file.getFileName() + " (sha256 " + sha256.substring(0, 12) + ")"
        + (tokenizer == null ? "" : " with " + tokenizer);
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
    if (tokenizer != null) {
      tokenizer.close();
    }
  }

  @Override
  public String toString() { return "ClipTextEncoder[" + describe() + "]"; }

  /** {@code long[T][L]} in as one int64 {@code [T, L]} array, the first output out as {@code float[T][D]}. */
  static final class IdsTranslator implements Translator<long[][], float[][]> {
    @Override
    public NDList processInput(TranslatorContext ctx, long[][] ids) {
      int t = ids.length;
      int len = t == 0 ? 0 : ids[0].length;
      long[] flat = new long[t * len];
      for (int i = 0; i < t; i++) {
        if (ids[i].length != len) {
          throw new IllegalArgumentException("token id rows differ in length: " + len + " and " + ids[i].length);
        }
        System.arraycopy(ids[i], 0, flat, i * len, len);
      }
      return new NDList(ctx.getNDManager().create(flat, new Shape(t, len)));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      return BatchTranslator.toRows(list.get(0));
    }

    @Override
    public Batchifier getBatchifier() { return null; }
  }
}
