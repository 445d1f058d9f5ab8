package dev.robusta.infer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One unit-length embedding per class, {@code [C, D]}, in the class order of the labels: the "weights" of
 * a {@link ZeroShotClassifier}. Three sources:
 *
 * <ul>
 *   <li>{@link #fromPrompts}: class names put into prompt templates and encoded by a {@link TextEncoder};
 *       each prompt's embedding is L2-normalised, the class's prompts are averaged and the mean is
 *       normalised again (prompt ensembling as in Radford et al. 2021, section 3.1.4 and
 *       {@code openai/CLIP · notebooks/Prompt_Engineering_for_ImageNet.ipynb}, {@code zeroshot_classifier}).
 *   <li>{@link #fromTokenIds}: the same from pre-tokenized prompts (a {@code [C*T, 77]} int64 {@code .npy}),
 *       for when no tokenizer is at hand.
 *   <li>{@link #fromNpy}: a precomputed {@code [C, D]} float32 matrix, fully offline (no text encoder).
 * </ul>
 *
 * <p>Rows are normalised on construction; {@link #sha256()} covers class names and values and becomes part
 * of the zero-shot classifier's identity (and so of the logits cache key). Immutable.
 */
public final class ClassEmbeddings {
  private final List<String> classNames;
  private final float[][] unit;
  private final String source;
  private final String sha256;

  private ClassEmbeddings(List<String> classNames, float[][] unit, String source) {
    this.classNames = classNames;
    this.unit = unit;
    this.source = source;
    this.sha256 = checksum(classNames, unit);
  }

  /**
   * Class embeddings from a matrix; each row is L2-normalised.
   *
   * @param classNames {@code C} names, in label order
   * @param vectors {@code [C, D]}, finite, no all-zero row
   * @param source where the vectors come from (printed and recorded)
   * @throws IllegalArgumentException when the counts differ, rows are ragged, or a row is zero or not finite
   */
  public static ClassEmbeddings of(List<String> classNames, float[][] vectors, String source) {
    List<String> names = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(source, "source");
    if (names.isEmpty() || vectors.length != names.size()) {
      throw new IllegalArgumentException("need one embedding per class: " + names.size() + " class names, "
          + vectors.length + " embedding rows");
    }
    int d = vectors[0].length;
    float[][] unit = new float[vectors.length][];
    for (int c = 0; c < vectors.length; c++) {
      if (vectors[c].length != d) {
        throw new EmbeddingDimensionException(d, vectors[c].length, "class embedding rows differ in length: row 0 ("
            + names.get(0) + ") has " + d + " values, row " + c + " (" + names.get(c) + ") has " + vectors[c].length);
      }
      unit[c] = normalize(vectors[c], "class '" + names.get(c) + "'");
    }
    return new ClassEmbeddings(names, unit, source);
  }

  /**
   * The identity: class c's embedding is the c-th unit vector of {@code R^C}. With an "image encoder" that
   * outputs {@code [N, C]} logits, zero-shot predictions then equal the encoder's argmax: a plumbing check
   * for the zero-shot path on any classifier, <b>not</b> a CLIP result.
   */
  public static ClassEmbeddings oneHot(List<String> classNames) {
    int c = classNames.size();
    float[][] eye = new float[c][c];
    for (int i = 0; i < c; i++) {
      eye[i][i] = 1f;
    }
    return of(classNames, eye, "one-hot identity " + c + "x" + c + " (plumbing check, not a text encoder)");
  }

  /**
   * Class embeddings from prompts (prompt ensembling): for class c and each template t, the prompt
   * {@code fill(t, className_c)} is encoded; the {@code T} embeddings are L2-normalised, averaged and
   * the mean is L2-normalised.
   *
   * @param encoder the text encoder
   * @param classNames {@code C} names, in label order (as they should read in a sentence, e.g. "sea lion")
   * @param templates {@code T >= 1} templates with one {@code {}} each ({@link PromptTemplates})
   * @throws EmbeddingDimensionException when the encoder returns rows of different lengths
   * @throws IllegalArgumentException for a template without {@code {}}, or a wrong number of rows
   */
  public static ClassEmbeddings fromPrompts(TextEncoder encoder, List<String> classNames, List<String> templates) {
    Objects.requireNonNull(encoder, "encoder");
    List<String> names = List.copyOf(classNames);
    List<String> temps = List.copyOf(templates);
    if (temps.isEmpty()) {
      throw new IllegalArgumentException("need at least one prompt template, e.g. PromptTemplates.SINGLE");
    }
    List<String> prompts = new ArrayList<>(names.size() * temps.size());
    for (String n : names) {
      for (String t : temps) {
        prompts.add(PromptTemplates.fill(t, n));
      }
    }
    float[][] e = encoder.encode(prompts);
    if (e.length != prompts.size()) {
      throw new IllegalArgumentException("text encoder " + encoder.describe() + " returned " + e.length
          + " rows for " + prompts.size() + " prompts");
    }
    return of(names, ensemble(e, names, temps.size()), "prompts through " + encoder.describe() + ", "
        + temps.size() + " template(s) " + temps + ", normalised mean per class");
  }

  /**
   * Class embeddings from pre-tokenized prompts: a {@code [C*T, L]} integer {@code .npy} (int64 or int32,
   * e.g. {@code np.save(f, clip.tokenize(prompts).numpy())}) whose rows are grouped by class (row
   * {@code c*T + t} is template t of class c); ensembled like {@link #fromPrompts}.
   *
   * @throws MissingWeightsException when the file does not exist
   * @throws IllegalArgumentException when the row count is not a multiple of the class count
   */
  public static ClassEmbeddings fromTokenIds(ClipTextEncoder encoder, Path idsNpy, List<String> classNames) {
    Npy.Array a = readNpy(idsNpy, "pre-tokenized prompts [C*T, 77] int64, e.g. np.save('"
        + idsNpy.getFileName() + "', clip.tokenize(prompts).numpy())");
    if (a.i32() == null || a.shape().length != 2) {
      throw new IllegalArgumentException(idsNpy + " must hold a 2-D integer array [C*T, L], got shape "
          + java.util.Arrays.toString(a.shape()) + (a.i32() == null ? " of floats" : ""));
    }
    int rows = (int) a.shape()[0];
    int len = (int) a.shape()[1];
    List<String> names = List.copyOf(classNames);
    if (rows == 0 || rows % names.size() != 0) {
      throw new IllegalArgumentException(idsNpy + " has " + rows + " rows; need C*T rows for C = " + names.size()
          + " classes (T prompts per class, grouped by class)");
    }
    long[][] ids = new long[rows][len];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < len; j++) {
        ids[r][j] = a.i32()[r * len + j];
      }
    }
    float[][] e = encoder.encodeIds(ids);
    int t = rows / names.size();
    return of(names, ensemble(e, names, t), "token ids " + idsNpy.getFileName() + " (sha256 "
        + Checksums.sha256(idsNpy).substring(0, 12) + ") through " + encoder.describe() + ", " + t
        + " prompt(s) per class, normalised mean per class");
  }

  /**
   * Precomputed class embeddings: a float32 {@code [C, D]} {@code .npy}, row c for class c (e.g. CLIP's
   * {@code zeroshot_weights.T} saved with {@code np.save(f, w.float().numpy())}).
   *
   * @throws MissingWeightsException when the file does not exist (the message says how to make it)
   * @throws IllegalArgumentException when it is not float32 {@code [C, D]} with C = {@code classNames.size()}
   */
  public static ClassEmbeddings fromNpy(Path npy, List<String> classNames) {
    Npy.Array a = readNpy(npy, "precomputed class embeddings [C, D] float32, row c = normalised mean text"
        + " embedding of class c (see ClipFiles for the export commands)");
    if (a.f32() == null || a.shape().length != 2) {
      throw new IllegalArgumentException(npy + " must hold a float32 [C, D] matrix, got shape "
          + java.util.Arrays.toString(a.shape()) + (a.f32() == null ? " of integers" : ""));
    }
    return of(classNames, Npy.rows(a), "precomputed " + npy.getFileName() + " (sha256 "
        + Checksums.sha256(npy).substring(0, 12) + ")");
  }

  private static Npy.Array readNpy(Path file, String what) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new MissingWeightsException(List.of(file), "missing " + file.toAbsolutePath() + ": " + what);
    }
    try {
      return Npy.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      throw ClassifierLoader.unchecked("cannot read " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Rows grouped by class ({@code t} per class): normalise each, average, normalise the mean. */
  static float[][] ensemble(float[][] e, List<String> names, int t) {
    int d = e[0].length;
    float[][] out = new float[names.size()][];
    for (int c = 0; c < names.size(); c++) {
      double[] sum = new double[d];
      for (int k = 0; k < t; k++) {
        float[] row = e[c * t + k];
        if (row.length != d) {
          throw new EmbeddingDimensionException(d, row.length, "text embeddings differ in length: prompt 0 gave "
              + d + " values, prompt " + (c * t + k) + " gave " + row.length);
        }
        float[] u = normalize(row, "prompt " + k + " of class '" + names.get(c) + "'");
        for (int j = 0; j < d; j++) {
          sum[j] += u[j];
        }
      }
      float[] mean = new float[d];
      for (int j = 0; j < d; j++) {
        mean[j] = (float) (sum[j] / t);
      }
      out[c] = mean;
    }
    return out;
  }

  /** @return {@code v / ||v||_2} (computed in double) */
  static float[] normalize(float[] v, String what) {
    double ss = 0;
    for (float x : v) {
      ss += (double) x * x;
    }
    if (!(ss > 0) || Double.isInfinite(ss)) {
      throw new IllegalArgumentException(what + " has an embedding of norm " + Math.sqrt(ss)
          + "; cosine similarity needs a finite non-zero vector");
    }
    double n = Math.sqrt(ss);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / n);
    }
    return out;
  }

  private static String checksum(List<String> names, float[][] unit) {
    ByteBuffer b = ByteBuffer.allocate(unit.length * unit[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] r : unit) {
      for (float x : r) {
        b.putFloat(x);
      }
    }
    return Checksums.sha256(String.join("\n", names) + "|" + unit.length + "x" + unit[0].length + "|"
        + Checksums.sha256(b.array(), 0, b.capacity()));
  }

  /** @return the class names, in label order */
  public List<String> classNames() { return classNames; }

  /** @return C, the number of classes */
  public int size() { return unit.length; }

  /** @return D, the embedding dimension */
  public int dimension() { return unit[0].length; }

  /** @return a copy of the {@code [C, D]} unit-length embeddings */
  public float[][] vectors() {
    float[][] out = new float[unit.length][];
    for (int i = 0; i < unit.length; i++) {
      out[i] = unit[i].clone();
    }
    return out;
  }

  /** Row c without a copy, for the classifier's inner loop. */
  float[] row(int c) { return unit[c]; }

  /** @return where the embeddings come from (text encoder and templates, or file and checksum) */
  public String source() { return source; }

  /** @return SHA-256 of the class names and the normalised values */
  public String sha256() { return sha256; }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ClassEmbeddings[%d classes x %d dims, unit length, from %s, sha256 %s]",
        size(), dimension(), source, sha256.substring(0, 12));
  }
}
