package dev.robusta.corrupt;

import java.util.List;
import java.util.SplittableRandom;

/** Robusta's own stream: uniform from SplittableRandom, Beta and Dirichlet from gamma draws. */
final class SeededAugmentRandom implements AugmentRandom {
  private final SplittableRandom rnd;

  SeededAugmentRandom(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  @Override
  public double random() {
    return rnd.nextDouble();
  }

  @Override
  public double uniform(double low, double high) {
    return low + (high - low) * rnd.nextDouble();
  }

  @Override
  public int randint(int low, int high) {
    if (high <= low) {
      throw new IllegalArgumentException("randint needs low < high, got [" + low + ", " + high + ")");
    }
    return low + rnd.nextInt(high - low);
  }

  @Override
  public int choice(List<String> options) {
    return randint(0, options.size());
  }

  @Override
  public double beta(double a, double b) {
    double x = gamma(a);
    double y = gamma(b);
    double s = x + y;
    return s == 0 ? (rnd.nextBoolean() ? 1.0 : 0.0) : x / s;
  }

  @Override
  public double[] dirichlet(double[] alpha) {
    double[] g = new double[alpha.length];
    double sum = 0;
    for (int i = 0; i < g.length; i++) {
      g[i] = gamma(alpha[i]);
      sum += g[i];
    }
    if (sum == 0) {
      g[rnd.nextInt(g.length)] = 1;
      return g;
    }
    for (int i = 0; i < g.length; i++) {
      g[i] /= sum;
    }
    return g;
  }

  /** Marsaglia and Tsang (2000), with the u^(1/a) boost for shape below 1. */
  private double gamma(double shape) {
    if (!(shape > 0)) {
      throw new IllegalArgumentException("gamma shape must be > 0, got " + shape);
    }
    if (shape < 1) {
      double u = rnd.nextDouble();
      return gamma(shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = rnd.nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = rnd.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
