package dev.robusta.data;

/**
 * Base of every error the data package raises on purpose: the message says what was wrong, and
 * {@link #hint()} says how to fix it. Unchecked, like DJL's and Tablesaw's argument errors.
 */
public class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  /**
   * @param message what was wrong (names the dataset, file or URL involved)
   * @param hint how to fix it
   */
  public DatasetException(String message, String hint) {
    this(message, hint, null);
  }

  /**
   * @param message what was wrong
   * @param hint how to fix it
   * @param cause the underlying error, or null
   */
  public DatasetException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** @return how to fix the problem, one line */
  public String hint() { return hint; }
}
