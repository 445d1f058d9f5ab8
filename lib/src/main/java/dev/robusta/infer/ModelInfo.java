package dev.robusta.infer;

/**
 * What identifies a loaded model in results and in the logits cache.
 *
 * @param name the file name without extension (e.g. {@code cifar10_resnet20})
 * @param sha256 lower-case hex SHA-256 of the model file (the cache key's model part)
 * @param backend the engine that runs it
 * @param device DJL device string, e.g. {@code cpu()} or {@code gpu(0)}
 * @param precision forward-pass precision
 * @param logitsOutput which output holds the logits ({@code null} = the first)
 * @param featuresOutput which output holds penultimate features ({@code null} = none)
 */
public record ModelInfo(String name, String sha256, Backend backend, String device, Precision precision,
    String logitsOutput, String featuresOutput) {

  /** @return the part of the cache key that depends on the model */
  public String cacheKey() {
    return "sha256=" + sha256 + ";precision=" + precision + ";logits=" + (logitsOutput == null ? "#0" : logitsOutput)
        + ";features=" + (featuresOutput == null ? "-" : featuresOutput);
  }

  @Override
  public String toString() {
    return name + " (sha256 " + sha256.substring(0, 12) + ", " + backend + " on " + device + ", " + precision
        + (featuresOutput == null ? "" : ", features " + featuresOutput) + ")";
  }
}
