package dev.robusta;

/** Placeholder facade; filled by the library packages. */
public final class Robusta {
  private Robusta() {}
  /** @return the library version string */
  public static String version() { return "0.1.0-SNAPSHOT"; }
}
