package dev.robusta.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model's top-1 error (fraction in [0, 1]) per corruption and severity, plus its clean error.
 * Build with {@link #builder()}; the value is immutable.
 *
 * @param model the model's name
 * @param cleanError top-1 error on the clean set, or {@code NaN} when unknown (relative CE then undefined)
 * @param bySeverity corruption name to its errors at severities 1..S (S = 5 for ImageNet-C / CIFAR-C)
 */
public record CorruptionErrors(String model, double cleanError, Map<String, double[]> bySeverity) {

  /** Copies the map. */
  public CorruptionErrors {
    Objects.requireNonNull(model, "model");
    Map<String, double[]> copy = new LinkedHashMap<>();
    bySeverity.forEach((k, v) -> copy.put(k, v.clone()));
    bySeverity = Collections.unmodifiableMap(copy);
  }

  /** @return a builder */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** @return the errors at severities 1..S of {@code corruption} (a copy), or throws naming what is present */
  public double[] errors(String corruption) {
    double[] e = bySeverity.get(corruption);
    if (e == null) {
      throw new IllegalArgumentException(model + " has no errors for corruption '" + corruption + "'; present: " + bySeverity.keySet());
    }
    return e.clone();
  }

  /** Collects errors by corruption name. */
  public static final class Builder {
    private final String model;
    private double clean = Double.NaN;
    private final Map<String, double[]> map = new LinkedHashMap<>();

    private Builder(String model) {
      this.model = model;
    }

    /** @param error clean top-1 error in [0, 1] */
    public Builder clean(double error) {
      checkError(error, "clean");
      this.clean = error;
      return this;
    }

    /** @param errorsBySeverity top-1 errors at severities 1..S, each in [0, 1] */
    public Builder add(String corruption, double... errorsBySeverity) {
      if (errorsBySeverity.length == 0) throw new IllegalArgumentException(corruption + ": no severities given");
      for (double e : errorsBySeverity) checkError(e, corruption);
      if (map.put(corruption, errorsBySeverity.clone()) != null) {
        throw new IllegalArgumentException("corruption '" + corruption + "' was added twice");
      }
      return this;
    }

    /** @return the immutable errors */
    public CorruptionErrors build() {
      return new CorruptionErrors(model, clean, map);
    }

    private static void checkError(double e, String what) {
      if (!(e >= 0 && e <= 1)) {
        throw new IllegalArgumentException(what + ": error " + e + " is outside [0, 1]; pass fractions, not percent");
      }
    }
  }
}
