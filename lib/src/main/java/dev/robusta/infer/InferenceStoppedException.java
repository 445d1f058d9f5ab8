package dev.robusta.infer;

/** A {@link Pipeline} run was stopped on request; with a cache, the work done is checkpointed. */
public class InferenceStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int done;
  private final int total;

  InferenceStoppedException(String model, String dataset, String cell, int done, int total, boolean saved) {
    super("stopped " + model + " on " + dataset + " cell " + cell + " after " + done + " of " + total + " images"
        + (saved ? "; run again with the same cache to resume" : "; no cache was set, so nothing was kept"));
    this.done = done;
    this.total = total;
  }

  InferenceStoppedException(String message) {
    super(message);
    this.done = -1;
    this.total = -1;
  }

  /** @return images finished (and checkpointed, with a cache) before stopping; -1 when unknown */
  public int done() { return done; }

  /** @return images in the dataset; -1 when unknown */
  public int total() { return total; }
}
