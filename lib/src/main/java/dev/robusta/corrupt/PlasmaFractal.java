package dev.robusta.corrupt;

/**
 * The diamond-square ("plasma") fractal of the references' {@code plasma_fractal(mapsize,
 * wibbledecay)}: a square power-of-two map, corner (0, 0) = 0, wibble starting at 100 and divided by
 * {@code wibbledecay} after each step; per step size one {@code uniform(-wibble, wibble)} draw for the
 * square centres, then two for the diamond points (row-major, numpy's {@code np.roll} wrap-around);
 * finally shifted to min 0 and divided by its max, so values lie in [0, 1].
 *
 * <p>hendrycks builds the map in float64; imagecorruptions stores it in float32 (every stored value
 * and the neighbour sums rounded to float32), which this class reproduces with {@code float32 = true}.
 */
final class PlasmaFractal {
  private PlasmaFractal() {}

  /**
   * @param mapSize a power of two >= 2
   * @return {@code mapSize * mapSize} values, row-major, in [0, 1]
   */
  static double[] generate(int mapSize, double wibbleDecay, boolean float32, RandomSource random) {
    if (mapSize < 2 || (mapSize & (mapSize - 1)) != 0) {
      throw new IllegalArgumentException("plasma map size must be a power of two >= 2, was " + mapSize);
    }
    int n0 = mapSize;
    double[] map = new double[n0 * n0];
    int step = n0;
    double wibble = 100;
    while (step >= 2) {
      int n = n0 / step;
      int half = step / 2;
      // fillsquares
      double[] sq = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          sq[i * n + j] = r(map[(i * step) * n0 + j * step] + map[(((i + 1) % n) * step) * n0 + j * step], float32);
        }
      }
      double[] u = random.uniform(-wibble, wibble, n * n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = r(sq[i * n + j] + sq[i * n + (j + 1) % n], float32);
          map[(i * step + half) * n0 + j * step + half] = r(s / 4 + wibble * u[i * n + j], float32);
        }
      }
      // filldiamonds
      double[] u1 = random.uniform(-wibble, wibble, n * n);
      double[] u2 = random.uniform(-wibble, wibble, n * n);
      double[] lt = new double[n * n];
      double[] tt = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double dr = map[(i * step + half) * n0 + j * step + half];
          double ul = map[(i * step) * n0 + j * step];
          double ldr = r(dr + map[(((i - 1 + n) % n) * step + half) * n0 + j * step + half], float32);
          double lul = r(ul + map[(i * step) * n0 + ((j + 1) % n) * step], float32);
          lt[i * n + j] = r(ldr + lul, float32);
          double tdr = r(dr + map[(i * step + half) * n0 + ((j - 1 + n) % n) * step + half], float32);
          double tul = r(ul + map[(((i + 1) % n) * step) * n0 + j * step], float32);
          tt[i * n + j] = r(tdr + tul, float32);
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          map[(i * step) * n0 + j * step + half] = r(lt[i * n + j] / 4 + wibble * u1[i * n + j], float32);
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          map[(i * step + half) * n0 + j * step] = r(tt[i * n + j] / 4 + wibble * u2[i * n + j], float32);
        }
      }
      step /= 2;
      wibble /= wibbleDecay;
    }
    double min = Double.POSITIVE_INFINITY;
    for (double v : map) {
      min = Math.min(min, v);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < map.length; i++) {
      map[i] = r(map[i] - min, float32);
      max = Math.max(max, map[i]);
    }
    for (int i = 0; i < map.length; i++) {
      map[i] = r(map[i] / max, float32);
    }
    return map;
  }

  private static double r(double v, boolean float32) {
    return float32 ? (float) v : v;
  }

  /** @return the smallest power of two >= n (n >= 1) */
  static int nextPowerOfTwo(int n) {
    return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }
}
