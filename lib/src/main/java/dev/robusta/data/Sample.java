package dev.robusta.data;

import java.util.Map;

/**
 * One element of a {@link Dataset}: the decoded image, its label in the dataset's own label space
 * ({@code -1} for unlabelled OOD data) and metadata such as {@code path}, {@code wnid},
 * {@code corruption}, {@code severity}.
 *
 * @param image the decoded picture
 * @param label class index in {@link Dataset#labelSpace()}, or -1 when the sample has no class
 * @param meta string metadata; never null
 */
public record Sample(Image image, int label, Map<String, String> meta) {
  public Sample {
    meta = meta == null ? Map.of() : Map.copyOf(meta);
  }
}
