package dev.robusta.corrupt;

/**
 * How the corrupted images of a benchmark came to be. Results on the released ImageNet-C files and
 * on in-memory generation are not interchangeable (the release was JPEG-encoded at quality 85 after
 * corruption; CIFAR-10-C was stored as raw uint8), so every {@link CorruptedBenchmark} says which one
 * it is.
 */
public enum CorruptionProtocol {
  /** Corrupted in memory from the clean images; uint8 output, no re-encoding (as CIFAR-10-C was stored). */
  IN_MEMORY("generated in memory, uint8, no re-encoding"),
  /**
   * Corrupted in memory, then JPEG-encoded at quality 85 and decoded, reproducing the save step of
   * the ImageNet-C release ({@code Image.fromarray(np.uint8(img)).save(path, quality=85, optimize=True)};
   * {@code optimize} only changes Huffman tables, not pixels).
   */
  IN_MEMORY_RELEASE_JPEG("generated in memory, then JPEG quality 85 like the ImageNet-C release"),
  /** Read from released benchmark files (e.g. the published ImageNet-C / CIFAR-10-C archives). */
  RELEASED("released benchmark files");

  private final String description;

  CorruptionProtocol(String description) {
    this.description = description;
  }

  /** @return one line saying what the protocol is */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return name() + " (" + description + ")";
  }
}
