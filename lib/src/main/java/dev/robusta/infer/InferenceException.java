package dev.robusta.infer;

/** A model could not be loaded or failed to run; the message names the model, engine and reason. */
public class InferenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InferenceException(String message, Throwable cause) { super(message, cause); }

  public InferenceException(String message) { super(message); }
}
