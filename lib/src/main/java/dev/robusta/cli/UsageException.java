package dev.robusta.cli;

/** A command-line mistake: printed as one line plus a hint, never as a stack trace. */
public final class UsageException extends RuntimeException {
  private final String hint;

  public UsageException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  /** @return how to fix it */
  public String hint() { return hint; }
}
