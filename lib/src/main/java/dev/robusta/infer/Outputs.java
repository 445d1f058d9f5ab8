package dev.robusta.infer;

/**
 * The outputs of one forward pass over a batch of {@code n} images, copied out of native memory.
 *
 * @param logits {@code [n, C]} raw logits (no softmax), in the model's class order
 * @param features {@code [n, D]} penultimate features, or {@code null} when the classifier was loaded
 *     without a features output (see {@link ClassifierLoader#featuresOutput(String)})
 */
public record Outputs(float[][] logits, float[][] features) {
  /** @return the number of images */
  public int size() { return logits.length; }
}
