package dev.robusta.data;

/** Which part of a dataset to load. Evaluation benchmarks usually have only {@link #TEST}. */
public enum Split {
  /** training images */
  TRAIN,
  /** held-out images used to evaluate (for ImageNet-derived sets: the validation images) */
  TEST;

  /** @return the lower-case name used in ids and the registry ({@code train}, {@code test}) */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
