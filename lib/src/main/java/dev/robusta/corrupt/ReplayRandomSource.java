package dev.robusta.corrupt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link RandomSource} that hands out recorded draws in order, so a corruption reproduces the
 * reference's output bit for bit (the oracles' {@code corruptions/replay/} traces, README section
 * 3.4). Each call consumes the next recorded draw; the kind of call and the number of values must
 * match the recording, otherwise an {@link IllegalStateException} says which draw differed.
 *
 * <p>Recorded kinds (numpy function names of the trace): {@code normal}, {@code uniform},
 * {@code poisson}, {@code randint} and {@code legacy_random} (a 0/1 mask, served to
 * {@link #bernoulli}).
 */
public final class ReplayRandomSource implements RandomSource {
  /** One recorded call: the numpy function name and its values flattened in C order. */
  public record Draw(String fn, double[] values) {
    public Draw {
      Objects.requireNonNull(fn, "fn");
      Objects.requireNonNull(values, "values");
    }
  }

  private final List<Draw> draws;
  private int next;

  /** @param draws the recorded calls in call order */
  public ReplayRandomSource(List<Draw> draws) {
    this.draws = List.copyOf(draws);
  }

  /**
   * Loads a trace: the npz entries named {@code keys} (in call order) with their function names.
   *
   * @param npz the {@code .npz} of recorded draws
   * @param keys entry names in call order, e.g. {@code draw_000}
   * @param fns numpy function name of each entry (same length as keys)
   * @throws IllegalArgumentException when a key is missing from the archive
   */
  public static ReplayRandomSource fromNpz(Path npz, List<String> keys, List<String> fns) {
    if (keys.size() != fns.size()) {
      throw new IllegalArgumentException("keys and fns differ in length: " + keys + " / " + fns);
    }
    Map<String, Npy.Array> arrays = Npy.readNpz(npz);
    List<Draw> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Npy.Array a = arrays.get(keys.get(i));
      if (a == null) {
        throw new IllegalArgumentException(npz + " has no entry " + keys.get(i) + "; it has " + arrays.keySet());
      }
      out.add(new Draw(fns.get(i), a.values()));
    }
    return new ReplayRandomSource(out);
  }

  /** @return true when every recorded draw has been consumed */
  public boolean exhausted() {
    return next == draws.size();
  }

  private double[] take(String fn, int n) {
    if (next >= draws.size()) {
      throw new IllegalStateException("replay exhausted: call " + (next + 1) + " (" + fn + ", " + n
          + " values) but only " + draws.size() + " draws were recorded");
    }
    Draw d = draws.get(next);
    if (!d.fn().equals(fn)) {
      throw new IllegalStateException("replay draw " + next + " was recorded as " + d.fn()
          + " but the corruption asked for " + fn);
    }
    if (d.values().length != n) {
      throw new IllegalStateException("replay draw " + next + " (" + fn + ") holds " + d.values().length
          + " values but the corruption asked for " + n);
    }
    next++;
    return d.values();
  }

  @Override
  public double[] normal(double loc, double scale, int n) {
    return take("normal", n).clone();
  }

  @Override
  public double[] uniform(double low, double high, int n) {
    return take("uniform", n).clone();
  }

  @Override
  public int[] poisson(double[] lambda) {
    return toInt(take("poisson", lambda.length));
  }

  @Override
  public int[] randint(int low, int high, int n) {
    return toInt(take("randint", n));
  }

  @Override
  public boolean[] bernoulli(double p, int n) {
    double[] v = take("legacy_random", n);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = v[i] != 0;
    }
    return out;
  }

  private static int[] toInt(double[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (int) v[i];
    }
    return out;
  }

  @Override
  public String toString() {
    return "RandomSource[replay of " + draws.size() + " recorded draws, " + next + " used]";
  }
}
