package dev.robusta.corrupt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Replays a recorded numpy draw trace of {@code oracles/augmentation/*}/index.json}: every call must
 * match the next recorded call's function name, else the test fails with the position.
 */
final class AugmentTrace implements AugmentRandom {
  private final Deque<JsonNode> draws = new ArrayDeque<>();
  private int position;

  AugmentTrace(JsonNode drawArray) {
    drawArray.forEach(draws::add);
  }

  private JsonNode next(String... fns) {
    JsonNode d = draws.poll();
    if (d == null) {
      throw new AssertionError("trace exhausted at call " + position + " (" + String.join("/", fns) + ")");
    }
    String fn = d.get("fn").asText();
    if (!List.of(fns).contains(fn)) {
      throw new AssertionError("call " + position + ": expected " + fn + " but the code called "
          + String.join("/", fns));
    }
    position++;
    return d.get("result");
  }

  boolean exhausted() {
    return draws.isEmpty();
  }

  @Override
  public double random() {
    return next("random").asDouble();
  }

  @Override
  public double uniform(double low, double high) {
    return next("uniform").asDouble();
  }

  @Override
  public int randint(int low, int high) {
    return next("randint").asInt();
  }

  @Override
  public int choice(List<String> options) {
    String name = next("choice").asText();
    int i = options.indexOf(name);
    if (i < 0) {
      throw new AssertionError("recorded choice " + name + " not in " + options);
    }
    return i;
  }

  @Override
  public double beta(double a, double b) {
    return next("beta").asDouble();
  }

  @Override
  public double[] dirichlet(double[] alpha) {
    JsonNode r = next("dirichlet");
    double[] out = new double[r.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.get(i).asDouble();
    }
    return out;
  }
}
