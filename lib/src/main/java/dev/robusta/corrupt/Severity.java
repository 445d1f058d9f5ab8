package dev.robusta.corrupt;

/** Severity validation shared by every corruption: severities are the integers 1..5. */
public final class Severity {
  /** Lowest valid severity. */
  public static final int MIN = 1;
  /** Highest valid severity. */
  public static final int MAX = 5;

  private Severity() {}

  /**
   * @param severity the requested severity
   * @return the severity when it lies in 1..5
   * @throws IllegalArgumentException naming the valid range otherwise (never clamped: the
   *     references silently use severity 5 for 6, which hides bugs)
   */
  public static int check(int severity) {
    if (severity < MIN || severity > MAX) {
      throw new IllegalArgumentException("severity must be " + MIN + ".." + MAX + ", was " + severity
          + " (the ImageNet-C protocol defines exactly five severities)");
    }
    return severity;
  }
}
