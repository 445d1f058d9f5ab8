package dev.robusta.cli;

import dev.robusta.data.LabelPolicy;
import java.util.Arrays;
import java.util.Locale;

/** {@code --label-policy}: {@code mask-to-subset}, {@code full-1000} or {@code map-any-of} ({@link LabelPolicy}). */
final class LabelPolicies {
  private LabelPolicies() {}

  /**
   * @param value the option's value, case-insensitive, {@code -} or {@code _}
   * @throws UsageException for another value (one line, the known ones as the hint)
   */
  static LabelPolicy parse(String value) {
    String n = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (LabelPolicy p : LabelPolicy.values()) {
      if (p.name().equals(n)) {
        return p;
      }
    }
    throw new UsageException("unknown label policy '" + value + "'", "--label-policy one of "
        + String.join(", ", Arrays.stream(LabelPolicy.values()).map(LabelPolicies::spelling).toList())
        + " (mask-to-subset: argmax over the dataset's classes only, as ImageNet-A/R/O are scored)");
  }

  /** @return the command-line spelling, e.g. {@code mask-to-subset} */
  static String spelling(LabelPolicy p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
