package dev.robusta.infer;

import java.nio.file.Path;

/** A logits cache entry failed its checks (missing file, checksum, shape); delete it to recompute. */
public class CacheCorruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path manifest;

  public CacheCorruptedException(Path manifest, String reason) {
    super("logits cache entry " + manifest + " is damaged: " + reason
        + " (delete it, or run the pipeline again: it recomputes damaged entries)");
    this.manifest = manifest;
  }

  /** @return the entry's manifest */
  public Path manifest() { return manifest; }
}
