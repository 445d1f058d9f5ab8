package dev.robusta.data;

/** A local copy's folders, files or counts disagree with what the registry says the dataset holds. */
public final class LayoutMismatchException extends DatasetException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what differs (names the folder and both counts)
   * @param hint how to fix it
   */
  public LayoutMismatchException(String message, String hint) {
    super(message, hint);
  }
}
