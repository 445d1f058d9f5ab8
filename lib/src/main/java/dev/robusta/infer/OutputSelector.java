package dev.robusta.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Picks the logits and (optionally) the features among a model's outputs, by graph output name (ONNX:
 * {@code session.getOutputNames()}) or by position (TorchScript tuples).
 */
final class OutputSelector {
  private final String logits;
  private final String features;

  /**
   * @param logits output name or index for the logits; null = the first output
   * @param features output name or index for penultimate features; null = none
   */
  OutputSelector(String logits, String features) {
    this.logits = logits;
    this.features = features;
  }

  NDArray logits(NDList list) {
    return logits == null ? list.get(0) : pick(list, logits);
  }

  NDArray features(NDList list) {
    return features == null ? null : pick(list, features);
  }

  String describe() {
    return "logits=" + (logits == null ? "#0" : logits) + (features == null ? "" : ",features=" + features);
  }

  private static NDArray pick(NDList list, String key) {
    if (key.chars().allMatch(Character::isDigit)) {
      int i = Integer.parseInt(key);
      if (i >= list.size()) {
        throw new IllegalArgumentException("the model has " + list.size() + " outputs, no output #" + i);
      }
      return list.get(i);
    }
    NDArray a = list.get(key);
    if (a == null) {
      StringBuilder names = new StringBuilder();
      for (NDArray x : list) {
        names.append(names.length() == 0 ? "" : ", ").append(x.getName());
      }
      throw new IllegalArgumentException("the model has no output named '" + key + "'; its outputs are: "
          + names + " (ONNX: re-export with the penultimate layer as an extra graph output)");
    }
    return a;
  }
}
