package dev.robusta.infer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CLIP's byte-pair tokenizer, run by the Hugging Face {@code tokenizers} library (through DJL's
 * {@code ai.djl.huggingface:tokenizers}, whose jar carries the native library for linux-x86_64,
 * linux-aarch64, osx-aarch64 and win-x86_64, so it works offline) from a local {@code tokenizer.json},
 * e.g. the one of the Hugging Face repository {@code openai/clip-vit-base-patch32}.
 *
 * <p>Output follows OpenAI's {@code clip.tokenize} ({@code openai/CLIP · clip/clip.py}): each text becomes
 * {@code <|startoftext|> tokens <|endoftext|>} (the tokenizer.json's post-processor adds both), cut to
 * {@value #CONTEXT_LENGTH} ids with the last one set to the end-of-text id when longer
 * ({@code truncate=True}), and padded with id 0. CLIP's text tower reads the embedding at the position of
 * the largest id (the end-of-text id, 49407), so zero padding matters. Unlike {@code clip.tokenize}, no
 * {@code ftfy} clean-up runs; plain class-name prompts are not affected. Close it to free the native
 * tokenizer.
 */
public final class ClipTokenizer implements AutoCloseable {
  /** CLIP's context length: 77 token ids per text. */
  public static final int CONTEXT_LENGTH = 77;

  private final HuggingFaceTokenizer tokenizer;
  private final Path file;
  private final String sha256;

  private ClipTokenizer(HuggingFaceTokenizer tokenizer, Path file) {
    this.tokenizer = tokenizer;
    this.file = file;
    this.sha256 = Checksums.sha256(file);
  }

  /**
   * @param tokenizerJson a {@code tokenizer.json} file, or a folder holding one
   * @throws MissingWeightsException when the file does not exist (the message says where to get it)
   * @throws InferenceException when the tokenizers library cannot read it (or its native library fails)
   */
  public static ClipTokenizer load(Path tokenizerJson) {
    Objects.requireNonNull(tokenizerJson, "tokenizerJson");
    Path f = Files.isDirectory(tokenizerJson) ? tokenizerJson.resolve(ClipFiles.TOKENIZER) : tokenizerJson;
    if (!Files.isRegularFile(f)) {
      throw new MissingWeightsException(List.of(f), "tokenizer not found: " + f.toAbsolutePath()
          + "; download tokenizer.json from the Hugging Face repository openai/clip-vit-base-patch32"
          + " (huggingface-cli download openai/clip-vit-base-patch32 tokenizer.json --local-dir DIR)");
    }
    try {
      return new ClipTokenizer(HuggingFaceTokenizer.newInstance(f,
          Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false")), f);
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      throw new InferenceException("the Hugging Face tokenizers library could not load " + f + ": "
          + Classifier.rootMessage(e) + " (its native library comes from the ai.djl.huggingface:tokenizers"
          + " jar and is extracted under DJL's cache folder, ~/.djl.ai or $DJL_CACHE_DIR; no download needed)", e);
    }
  }

  /**
   * @param texts {@code T} texts
   * @return {@code [T, 77]} token ids: start, tokens, end, zeros; longer texts cut with the end id kept last
   */
  public long[][] tokenize(List<String> texts) {
    long[][] out = new long[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      Encoding e = tokenizer.encode(texts.get(i), true, false);
      out[i] = fit(e.getIds(), CONTEXT_LENGTH);
    }
    return out;
  }

  /**
   * {@code clip.tokenize}'s fitting step: pad with zeros to {@code length}, or cut to {@code length} and set
   * the last id to the sequence's last id (the end-of-text token).
   *
   * @throws IllegalArgumentException for an empty id sequence (the tokenizer added no special tokens)
   */
  static long[] fit(long[] ids, int length) {
    if (ids.length == 0) {
      throw new IllegalArgumentException("the tokenizer returned no ids; CLIP needs <|startoftext|> and"
          + " <|endoftext|> (use the tokenizer.json of openai/clip-vit-base-patch32)");
    }
    long[] out = new long[length];
    if (ids.length <= length) {
      System.arraycopy(ids, 0, out, 0, ids.length);
    } else {
      System.arraycopy(ids, 0, out, 0, length);
      out[length - 1] = ids[ids.length - 1];
    }
    return out;
  }

  /** @return the tokenizer file */
  public Path file() { return file; }

  /** @return SHA-256 of the tokenizer file */
  public String sha256() { return sha256; }

  @Override
  public void close() { tokenizer.close(); }

  @Override
  public String toString() {
    return "ClipTokenizer[" + file.getFileName() + " (sha256 " + sha256.substring(0, 12) + "), context "
        + CONTEXT_LENGTH + ", zero padding]";
  }
}
