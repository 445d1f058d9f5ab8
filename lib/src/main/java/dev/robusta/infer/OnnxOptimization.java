package dev.robusta.infer;

/**
 * ONNX Runtime graph optimization level ({@code SessionOptions.setOptimizationLevel}).
 *
 * <p>Robusta's default is {@link #BASIC}: with ONNX Runtime 1.21.1 (the version DJL 0.36.0 brings),
 * {@link #EXTENDED} and {@link #ALL} break the ONNX Model Zoo's {@code shufflenet-v2-12-qdq.onnx}: the
 * preprocessed tench tensor, whose reference argmax is 0 (tench), comes out as class 470 with logits
 * that change from session to session, while {@link #NONE} and {@link #BASIC} reproduce the reference
 * logits exactly (measured on an AVX512-VNNI Xeon). Float models lose little with {@link #BASIC}
 * (constant folding and Conv+BatchNorm fusion are basic); opt in to {@link #ALL} for them if it helps.
 */
public enum OnnxOptimization {
  /** No graph optimization. */
  NONE("NO_OPT"),
  /** Semantics-preserving rewrites: constant folding, redundant-node removal, Conv+BN fusion. */
  BASIC("BASIC_OPT"),
  /** Plus complex node fusions (these corrupt QDQ graphs in ONNX Runtime 1.21.1). */
  EXTENDED("EXTENDED_OPT"),
  /** Plus layout optimizations (NCHWc). */
  ALL("ALL_OPT");

  private final String ortName;

  OnnxOptimization(String ortName) { this.ortName = ortName; }

  String ortName() { return ortName; }
}
