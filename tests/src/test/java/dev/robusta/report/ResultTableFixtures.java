package dev.robusta.report;

import java.util.List;

/** Small result tables built from oracle values quoted in issue 5 (no shared data needed). */
final class ResultTableFixtures {
  private ResultTableFixtures() {}

  /** The issue-5 example (ID 17 x 0.9 + 3 x 0.1, OOD 19 x 0.2 + 1 x 0.95) under both positive classes. */
  static ResultTable ood() {
    return OodTable.of("OOD detection, issue-5 example", List.of(
        new OodTable.Row("imagenet", "imagenet-o", "msp", "HIGHER_IS_MORE_ID", 0.8075, 0.87778, 0.84545, 1.0,
            "ID", "CLOSEST_RECALL", Double.NaN, 20, 20),
        new OodTable.Row("imagenet", "imagenet-o", "msp", "HIGHER_IS_MORE_ID", 0.8075, 0.87778, 0.84545, 0.15,
            "OOD", "CLOSEST_RECALL", Double.NaN, 20, 20)), "full sets");
  }
}
