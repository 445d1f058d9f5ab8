package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Table-driven {@code x / 255.} conversions for the weather corruptions: the same values as
 * {@link Pixels#unit} and {@link Pixels#unitFloat} (each entry is computed by that very expression),
 * without a division per value.
 */
final class UnitLut {
  private static final double[] UNIT = new double[256];
  private static final float[] UNIT_FLOAT = new float[256];

  static {
    for (int v = 0; v < 256; v++) {
      UNIT[v] = v / 255.;
      UNIT_FLOAT[v] = (float) (v / 255.);
    }
  }

  private UnitLut() {}

  /** @return {@code np.array(x) / 255.} as float64, HWC */
  static double[] unit(Image img) {
    byte[] p = img.pixels();
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = UNIT[p[i] & 0xff];
    }
    return out;
  }

  /** @return {@code np.array(x, dtype=np.float32) / 255.} (float32), HWC */
  static float[] unitFloat(Image img) {
    byte[] p = img.pixels();
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = UNIT_FLOAT[p[i] & 0xff];
    }
    return out;
  }
}
