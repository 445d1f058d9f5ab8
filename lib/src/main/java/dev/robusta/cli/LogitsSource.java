package dev.robusta.cli;

import dev.robusta.data.Dataset;

/** Logits of a classifier on a whole dataset (one evaluation cell), with the samples' labels. */
interface LogitsSource {
  /**
   * @param dataset the images (a clean set, a corrupted view, an OOD set)
   * @param cell the cell name ({@code clean}, {@code gaussian_noise/3}, {@code ood}), part of a cache key
   * @return {@code [N, C]} logits and {@code [N]} labels (-1 for unlabelled)
   */
  Logits logits(Dataset dataset, String cell);

  /** @param logits {@code [N, C]} @param labels {@code [N]} */
  record Logits(float[][] logits, int[] labels) {}

  /** @return images the source will have processed so far (for a progress bar), or -1 when it draws its own */
  default boolean ownProgress() {
    return false;
  }
}
