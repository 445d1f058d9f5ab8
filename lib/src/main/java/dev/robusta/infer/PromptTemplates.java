package dev.robusta.infer;

import java.util.List;

/**
 * Prompt templates for zero-shot classification; {@code {}} is replaced by the class name. CLIP (Radford
 * et al. 2021, section 3.1.4) found that "A photo of a {label}." beats the bare class name and that
 * averaging the embeddings of several prompts per class ("prompt ensembling") helps further; the paper's
 * ImageNet runs use 80 hand-written templates. {@link #ENSEMBLE} is a short list written for Robusta, not
 * the paper's 80, so zero-shot accuracies with it are close to but not the paper's numbers.
 */
public final class PromptTemplates {
  /** The single prompt of the CLIP paper's baseline: {@code "a photo of a {}."}. */
  public static final List<String> SINGLE = List.of("a photo of a {}.");

  /** Five templates written for Robusta (photo, blur, low resolution, drawing, close-up). */
  public static final List<String> ENSEMBLE = List.of(
      "a photo of a {}.",
      "a blurry photo of a {}.",
      "a low resolution photo of a {}.",
      "a drawing of a {}.",
      "a close-up photo of the {}.");

  private PromptTemplates() {}

  /**
   * @param template a text with exactly one {@code {}}
   * @param className the class name put in its place
   * @return the prompt
   * @throws IllegalArgumentException when the template has no {@code {}} or more than one
   */
  public static String fill(String template, String className) {
    int at = template.indexOf("{}");
    if (at < 0 || template.indexOf("{}", at + 2) >= 0) {
      throw new IllegalArgumentException("a prompt template needs exactly one '{}' for the class name, got '"
          + template + "'");
    }
    return template.substring(0, at) + className + template.substring(at + 2);
  }
}
