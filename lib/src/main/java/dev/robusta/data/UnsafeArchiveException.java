package dev.robusta.data;

/**
 * An archive entry would escape the extraction folder ({@code ../}, absolute path, link pointing
 * outside), is a device file or FIFO, or the archive unpacks to an absurd size (zip bomb). Nothing
 * from the archive is kept.
 */
public final class UnsafeArchiveException extends DatasetException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the archive and the offending entry
   */
  public UnsafeArchiveException(String message) {
    super(message, "do not extract this archive by hand either; re-download it from the registry's URL", null);
  }
}
