package dev.robusta.corrupt;

import java.util.List;

/**
 * The random draws AugMix and PixMix make, named after the numpy calls of the reference code
 * ({@code google-research/augmix augmentations.py, cifar.py}; {@code andyzoujm/pixmix pixmix_utils.py,
 * cifar.py}), so that a recorded draw trace can be replayed call by call.
 *
 * <p>{@link #seeded(long)} gives Robusta's own deterministic stream (not numpy's Mersenne Twister:
 * the same seed gives the same output in Robusta, not the same output as numpy). Tests replace the
 * source with one that returns recorded values.
 *
 * @since 0.1
 */
public interface AugmentRandom {

  /** @return a value in [0, 1), numpy {@code random()} */
  double random();

  /** @return a value in [low, high), numpy {@code uniform(low, high)} */
  double uniform(double low, double high);

  /** @return an integer in [low, high) (upper bound exclusive), numpy {@code randint(low, high)} */
  int randint(int low, int high);

  /**
   * @param options the names offered, in the reference's order
   * @return the index of the chosen option, numpy {@code choice(options)}
   */
  int choice(List<String> options);

  /** @return a Beta(a, b) draw in (0, 1), numpy {@code beta(a, b)} */
  double beta(double a, double b);

  /** @return weights from a symmetric-or-not Dirichlet(alpha), summing to 1, numpy {@code dirichlet} */
  double[] dirichlet(double[] alpha);

  /**
   * @param seed any long; equal seeds give equal streams on every platform and thread count
   * @return Robusta's deterministic source (SplittableRandom with Marsaglia-Tsang gamma draws)
   */
  static AugmentRandom seeded(long seed) {
    return new SeededAugmentRandom(new java.util.SplittableRandom(seed));
  }
}
