package dev.robusta.data;

/**
 * A file could not be decoded into an {@link Image}: truncated, corrupt, or of an unknown format. The
 * message names the file and what was wrong.
 */
public final class ImageDecodeException extends DatasetException {
  private static final long serialVersionUID = 1L;
  private final String file;

  /**
   * @param file the file (or source name) that failed
   * @param reason what was wrong with it
   * @param cause the underlying error, or null
   */
  public ImageDecodeException(String file, String reason, Throwable cause) {
    super("cannot decode " + file + ": " + reason,
        "check the file (re-download or re-extract it); `./robusta datasets verify ID` checks a whole copy",
        cause);
    this.file = file;
  }

  /** @return the file (or source name) that failed */
  public String file() { return file; }
}
