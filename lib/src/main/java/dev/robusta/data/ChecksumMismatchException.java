package dev.robusta.data;

/** A downloaded or local file's size or hash differs from the registry; the partial file was deleted. */
public final class ChecksumMismatchException extends DownloadException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the URL or file, the algorithm, the expected and the actual value
   */
  public ChecksumMismatchException(String message) {
    super(message, "the file is corrupt or the server returned something else: retry, or try another mirror;"
        + " if the publisher changed the file, report it so the registry can be updated", null);
  }
}
