package dev.robusta.infer;

import java.nio.file.Path;
import java.util.List;

/**
 * Model weights a zero-shot classifier needs are not on disk. The message names every missing file, what
 * it must contain, and where to get it; {@link #missing()} lists the paths looked for. Nothing is
 * downloaded: the files have to be exported once (see {@link ClipFiles} for the commands).
 */
public final class MissingWeightsException extends InferenceException {
  private static final long serialVersionUID = 1L;
  private final transient List<Path> missing;

  /**
   * @param missing the files looked for and not found
   * @param message what each file is and how to get it
   */
  public MissingWeightsException(List<Path> missing, String message) {
    super(message);
    this.missing = List.copyOf(missing);
  }

  /** @return the files looked for and not found (absolute or as given) */
  public List<Path> missing() { return missing; }
}
