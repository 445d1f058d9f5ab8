package dev.robusta.corrupt;

/**
 * The random draws a corruption makes, one method per kind of numpy call the reference
 * implementations make, in the same order. Replacing the source replaces every random decision:
 * {@link #seeded(long)} is Robusta's own generator (deterministic per seed), {@link ReplayRandomSource}
 * feeds recorded draws so the reference's golden output is reproduced exactly.
 *
 * <p>Each call returns a fresh array owned by the caller. A source is stateful and not thread-safe:
 * use one per image (see {@link #seeded(long)}).
 */
public interface RandomSource {

  /**
   * numpy {@code normal(loc, scale, size=n)}.
   *
   * @return n draws of N(loc, scale^2), already scaled and shifted
   */
  double[] normal(double loc, double scale, int n);

  /**
   * numpy {@code uniform(low, high, size=n)}.
   *
   * @return n draws from [low, high)
   */
  double[] uniform(double low, double high, int n);

  /** numpy {@code uniform(low, high)}: one draw from [low, high). */
  default double uniform(double low, double high) {
    return uniform(low, high, 1)[0];
  }

  /**
   * numpy {@code poisson(lam)} element-wise.
   *
   * @param lambda the means, each &gt;= 0
   * @return one count per mean
   */
  int[] poisson(double[] lambda);

  /**
   * numpy {@code randint(low, high, size=n)}: the upper bound is exclusive. Glass blur asks for
   * all its (dx, dy) pairs in one call, flattened in loop order (dx first).
   *
   * @return n integers in [low, high)
   */
  int[] randint(int low, int high, int n);

  /** numpy {@code randint(low, high)}: one integer in [low, high). */
  default int randint(int low, int high) {
    return randint(low, high, 1)[0];
  }

  /**
   * n Bernoulli trials, {@code uniform[0, 1) <= p} (the scheme of scikit-image's
   * {@code random_noise(mode='s&p')}).
   *
   * @return n outcomes, true with probability p
   */
  boolean[] bernoulli(double p, int n);

  /**
   * Robusta's own generator: a {@link java.util.SplittableRandom} seeded with {@code seed},
   * Gaussian draws by its ziggurat, Poisson draws by inversion of cached CDF tables (means up to 700;
   * Hörmann's PTRS rejection sampler above, as numpy). Same seed, same draws, on every run and thread.
   */
  static RandomSource seeded(long seed) {
    return new SeededRandomSource(seed);
  }

  /**
   * A seed for one cell of a corrupted benchmark, mixed from independent parts (e.g. user seed,
   * sample index, corruption, severity) with SplitMix64 finalisers, so that the draws of an image do
   * not depend on iteration order or thread count.
   */
  static long mix(long seed, long... parts) {
    long h = SeededRandomSource.fmix(seed ^ 0x9E3779B97F4A7C15L);
    for (long p : parts) {
      h = SeededRandomSource.fmix(h ^ (p + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2)));
    }
    return h;
  }
}
