package dev.robusta.metrics;

import java.util.Objects;

/**
 * One score per sample with the direction it points, as produced by the scorers in
 * {@code dev.robusta.ood} or read back from a cache.
 *
 * @param name what the score is (e.g. {@code "MSP"}, {@code "energy(T=1)"}), never {@code null}
 * @param values one finite value per sample, shape {@code [N]}; the array is not copied
 * @param orientation which way larger values point, never {@code null}
 */
public record Scores(String name, double[] values, Orientation orientation) {

  /** Checks the components (finiteness is checked where the scores are used). */
  public Scores {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(orientation, "orientation (HIGHER_IS_MORE_ID or HIGHER_IS_MORE_OOD) is required");
  }

  /** @return a {@code Scores} for confidences (larger = more in-distribution) */
  public static Scores higherIsId(String name, double... values) {
    return new Scores(name, values, Orientation.HIGHER_IS_MORE_ID);
  }

  /** @return a {@code Scores} for anomaly scores (larger = more OOD) */
  public static Scores higherIsOod(String name, double... values) {
    return new Scores(name, values, Orientation.HIGHER_IS_MORE_OOD);
  }

  /** @return the number of samples N */
  public int size() {
    return values.length;
  }

  /** @return the values negated, with the opposite orientation (the same ranking information) */
  public Scores negated() {
    double[] v = new double[values.length];
    for (int i = 0; i < v.length; i++) v[i] = -values[i];
    return new Scores("-" + name, v, orientation.flipped());
  }

  /** @return the values oriented so that larger means more OOD (a new array) */
  public double[] towardsOod() {
    return orientation == Orientation.HIGHER_IS_MORE_OOD ? values.clone() : negated().values;
  }

  @Override
  public String toString() {
    return "Scores[" + name + ", N=" + values.length + ", " + orientation + "]";
  }
}
