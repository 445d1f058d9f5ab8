package dev.robusta.data;

/**
 * How a 1000-way ImageNet classifier is scored on a dataset whose classes are a subset of (or map
 * onto) ImageNet-1k. See {@link LabelSpace#predict(float[], LabelPolicy)}.
 */
public enum LabelPolicy {
  /**
   * Restrict the argmax to the logits of the dataset's classes (the published protocol of
   * ImageNet-A/-R/-O: Hendrycks et al., {@code eval.py} of natural-adv-examples and imagenet-r). A
   * model whose overall top logit lies outside the subset can still be right.
   */
  MASK_TO_SUBSET,
  /** Argmax over all 1000 logits; a prediction outside the dataset's classes is wrong. */
  FULL_1000,
  /**
   * Each dataset class maps to a set of ImageNet-1k classes; the 1000-way argmax is right when it
   * falls in the true class's set (ObjectNet, Barbu et al. 2019; imagenet-testbed's scoring).
   */
  MAP_ANY_OF
}
