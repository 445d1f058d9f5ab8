package dev.robusta.train;

/**
 * A pre-trained model or checkpoint cannot initialise a network: its backbone architecture (parameter names and
 * shapes) or its input shape (channels x height x width) differs, or the file cannot be read as that architecture.
 * The message names the checkpoint's architecture and input shape and the network's, and the first difference.
 */
public class IncompatibleCheckpointException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message names both architectures and input shapes */
  public IncompatibleCheckpointException(String message) {
    super(message);
  }

  /**
   * @param message names both architectures and input shapes
   * @param cause the read failure
   */
  public IncompatibleCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
