package dev.robusta.corrupt;

import java.util.SplittableRandom;

/** Robusta's default {@link RandomSource}; see {@link RandomSource#seeded(long)}. */
final class SeededRandomSource implements RandomSource {
  private final SplittableRandom rng;

  SeededRandomSource(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  static long fmix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public double[] normal(double loc, double scale, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = loc + scale * rng.nextGaussian();
    }
    return out;
  }

  @Override
  public double[] uniform(double low, double high, int n) {
    double[] out = new double[n];
    double span = high - low;
    for (int i = 0; i < n; i++) {
      out[i] = low + span * rng.nextDouble();
    }
    return out;
  }

  @Override
  public int[] poisson(double[] lambda) {
    int[] out = new int[lambda.length];
    // small open-addressing memo of the tables of the distinct means in this call
    long[] keys = new long[1024];
    PoissonTables.Table[] tables = new PoissonTables.Table[1024];
    int used = 0;
    for (int i = 0; i < out.length; i++) {
      double lam = lambda[i];
      if (!(lam > 0) || lam > 700) {
        out[i] = poisson(lam);
        continue;
      }
      long bits = Double.doubleToRawLongBits(lam);
      int slot = (int) (SeededRandomSource.fmix(bits) & 1023);
      PoissonTables.Table t = null;
      while (tables[slot] != null) {
        if (keys[slot] == bits) {
          t = tables[slot];
          break;
        }
        slot = (slot + 1) & 1023;
      }
      if (t == null) {
        t = PoissonTables.table(lam);
        if (used < 768) {
          keys[slot] = bits;
          tables[slot] = t;
          used++;
        }
      }
      int k = t.sample(rng.nextDouble());
      out[i] = k >= 0 ? k : ptrs(lam);
    }
    return out;
  }

  private int poisson(double lam) {
    if (lam < 0 || Double.isNaN(lam)) {
      throw new IllegalArgumentException("poisson mean must be >= 0, was " + lam);
    }
    if (lam == 0) {
      return 0;
    }
    if (lam < 10) {
      double limit = Math.exp(-lam);
      int k = 0;
      double prod = rng.nextDouble();
      while (prod > limit) {
        k++;
        prod *= rng.nextDouble();
      }
      return k;
    }
    return ptrs(lam);
  }

  /** Hörmann (1993), "The transformed rejection method for generating Poisson random variables". */
  private int ptrs(double lam) {
    double slam = Math.sqrt(lam);
    double loglam = Math.log(lam);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
          <= -lam + k * loglam - logGamma(k + 1)) {
        return (int) k;
      }
    }
  }

  /** log Gamma(x) for x &gt;= 1 (Lanczos, g = 7, 9 terms; relative error below 1e-14). */
  static double logGamma(double x) {
    final double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};
    double xm = x - 1;
    double s = c[0];
    for (int i = 1; i < 9; i++) {
      s += c[i] / (xm + i);
    }
    double t = xm + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(s);
  }

  @Override
  public int[] randint(int low, int high, int n) {
    if (high <= low) {
      throw new IllegalArgumentException("randint needs low < high, got [" + low + ", " + high + ")");
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextInt(low, high);
    }
    return out;
  }

  @Override
  public boolean[] bernoulli(double p, int n) {
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextDouble() <= p;
    }
    return out;
  }

  @Override
  public String toString() {
    return "RandomSource[seeded SplittableRandom]";
  }
}
