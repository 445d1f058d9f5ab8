package dev.robusta.infer;

/**
 * Numeric precision of the forward pass. Logits are always returned as float32.
 *
 * <p>{@link #FP16} casts the model and each input batch to float16 ({@code Model.cast}); it is offered
 * for the PyTorch engine on a GPU only and is <b>untested</b> in this project (no GPU was available);
 * a CPU device or ONNX Runtime is refused with an {@link IllegalArgumentException} at load time.
 */
public enum Precision {
  /** float32 everywhere (default). */
  FP32,
  /** float16 weights and activations (PyTorch on GPU only; untested without a GPU). */
  FP16
}
