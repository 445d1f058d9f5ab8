package dev.robusta.infer;

/**
 * Image and class embeddings (or a text encoder's output and the expected size) have different
 * dimensions, so no cosine similarity exists; the message gives both sizes and where each came from.
 */
public final class EmbeddingDimensionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int expected;
  private final int actual;

  /**
   * @param expected the dimension of the class embeddings
   * @param actual the dimension that was found (image encoder output, text encoder output, file)
   * @param message what each side is and how to fix it
   */
  public EmbeddingDimensionException(int expected, int actual, String message) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }

  /** @return the dimension of the class embeddings */
  public int expected() { return expected; }

  /** @return the dimension found on the other side */
  public int actual() { return actual; }
}
