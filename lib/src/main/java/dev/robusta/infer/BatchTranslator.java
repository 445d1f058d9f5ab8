package dev.robusta.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Float arrays in, float arrays out. Every NDArray is created on the per-call
 * {@link TranslatorContext#getNDManager()} sub-manager, which the predictor closes when the call ends,
 * so no native memory outlives a batch.
 */
final class BatchTranslator implements Translator<BatchTranslator.Batch, Outputs> {
  /** {@code data} holds {@code n} images of {@code [3, h, w]} in NCHW order. */
  record Batch(float[] data, int n, int h, int w) {}

  private final OutputSelector selector;
  private final boolean fp16;

  BatchTranslator(OutputSelector selector, boolean fp16) {
    this.selector = selector;
    this.fp16 = fp16;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, Batch b) {
    NDArray x = ctx.getNDManager().create(FloatBuffer.wrap(b.data, 0, b.n * 3 * b.h * b.w),
        new Shape(b.n, 3, b.h, b.w));
    if (fp16) {
      x = x.toType(DataType.FLOAT16, false);
    }
    return new NDList(x);
  }

  @Override
  public Outputs processOutput(TranslatorContext ctx, NDList list) {
    float[][] logits = toRows(selector.logits(list));
    NDArray f = selector.features(list);
    return new Outputs(logits, f == null ? null : toRows(f));
  }

  static float[][] toRows(NDArray a) {
    if (a.getDataType() != DataType.FLOAT32) {
      a = a.toType(DataType.FLOAT32, false);
    }
    Shape s = a.getShape();
    int n = (int) s.get(0);
    int d = (int) (s.size() / Math.max(1, n));
    float[] flat = a.toFloatArray();
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * d, rows[i], 0, d);
    }
    return rows;
  }

  @Override
  public Batchifier getBatchifier() { return null; }
}
