package dev.robusta.infer;

import java.nio.file.Path;
import java.util.Locale;

/** The DJL engine that runs a classifier. */
public enum Backend {
  /** DJL's PyTorch engine (libtorch 2.7.1 CPU natives here); loads TorchScript {@code .pt} files. */
  PYTORCH("PyTorch"),
  /** DJL's ONNX Runtime engine (1.21.1); loads {@code .onnx} files. */
  ONNX_RUNTIME("OnnxRuntime");

  private final String djlName;

  Backend(String djlName) { this.djlName = djlName; }

  /** @return the engine name DJL knows ({@code Criteria.optEngine}) */
  public String djlName() { return djlName; }

  /**
   * @return the backend for a model file by its extension: {@code .pt}, {@code .pth}, {@code .torchscript}
   *     for PyTorch, {@code .onnx} for ONNX Runtime
   * @throws IllegalArgumentException for any other extension (name the backend explicitly then)
   */
  public static Backend forFile(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".onnx")) {
      return ONNX_RUNTIME;
    }
    if (n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".torchscript") || n.endsWith(".jit")) {
      return PYTORCH;
    }
    throw new IllegalArgumentException("cannot tell the engine of '" + file.getFileName()
        + "' from its extension; expected .pt (TorchScript) or .onnx, or call .backend(Backend.PYTORCH)");
  }

  @Override
  public String toString() { return djlName; }
}
