package dev.robusta.infer;

/**
 * A preprocessed batch, exactly as a {@link Classifier} feeds it to the model: {@code [n, 3, h, w]}
 * floats in NCHW order after the {@link Preset}'s geometry and normalisation ((x / 255 - mean) / std).
 *
 * @param nchw {@code n * 3 * h * w} floats
 * @param n number of images
 * @param h height in pixels
 * @param w width in pixels
 */
public record Inputs(float[] nchw, int n, int h, int w) {
  /** @return the shape {@code [n, 3, h, w]} */
  public long[] shape() { return new long[] {n, 3, h, w}; }
}
