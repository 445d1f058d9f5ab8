package dev.robusta.infer;

import java.util.List;

/**
 * Maps texts (class-name prompts) to embeddings in the image encoder's space. {@link ClipTextEncoder}
 * runs a CLIP text tower; a test or a user can supply any other implementation (e.g. embeddings
 * computed elsewhere), and {@link ClassEmbeddings#fromPrompts} does the prompt ensembling on top.
 */
public interface TextEncoder {
  /**
   * @param texts {@code T} prompts, e.g. {@code "a photo of a dog."}
   * @return {@code [T, D]} embeddings, row t for text t, any norm (they are L2-normalised by the caller)
   */
  float[][] encode(List<String> texts);

  /** @return what this encoder is (model file and checksum, tokenizer), recorded with the embeddings */
  default String describe() { return getClass().getSimpleName(); }
}
