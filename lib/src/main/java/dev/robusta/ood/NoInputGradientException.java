package dev.robusta.ood;

/**
 * Thrown when a score needs the gradient of the model's output with respect to its input (ODIN's input
 * perturbation) but the engine computes none: ONNX Runtime is an inference-only engine. The message says
 * how to get a gradient (the TorchScript export of the same model on the PyTorch engine) or how to do
 * without (epsilon 0, the temperature-only score).
 */
public final class NoInputGradientException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  /** @param message what was asked, why it cannot be done, and what to do instead */
  public NoInputGradientException(String message) {
    super(message);
  }
}
