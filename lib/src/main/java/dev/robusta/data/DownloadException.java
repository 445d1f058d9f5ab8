package dev.robusta.data;

/** A download failed (no network, every mirror failed, or a checksum/size mismatch). */
public class DownloadException extends DatasetException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the dataset, the URL(s) and what failed
   * @param hint how to place a local copy instead
   */
  public DownloadException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
