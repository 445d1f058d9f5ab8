package dev.robusta.corrupt;

import dev.robusta.data.Image;

/** Conversions between {@link Image} bytes and the references' float arrays (HWC, row-major). */
final class Pixels {
  /** {@code v / 255.} for every byte value: the same doubles as the division, without one per pixel. */
  private static final double[] UNIT = new double[256];
  private static final float[] UNIT_FLOAT = new float[256];

  static {
    for (int v = 0; v < 256; v++) {
      UNIT[v] = v / 255.;
      UNIT_FLOAT[v] = (float) (v / 255.);
    }
  }

  private Pixels() {}

  /** @return {@code np.array(x) / 255.} as float64 */
  static double[] unit(Image img) {
    byte[] p = img.pixels();
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = UNIT[p[i] & 0xff];
    }
    return out;
  }

  /** @return {@code (np.array(x) / 255.).astype(np.float32)} */
  static float[] unitFloat(Image img) {
    byte[] p = img.pixels();
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = UNIT_FLOAT[p[i] & 0xff];
    }
    return out;
  }

  /** @return the bytes as doubles 0..255 */
  static double[] raw(Image img) {
    byte[] p = img.pixels();
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i] & 0xff;
    }
    return out;
  }

  /** {@code np.uint8(np.clip(v, 0, 1) * 255)} for float64 values: clip, scale, truncate. */
  static Image fromUnit(int h, int w, int c, double[] v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      x = x > 1 ? 1 : (x >= 0 ? x : 0); // NaN -> 0
      out[i] = (byte) (int) (x * 255);
    }
    return Image.wrap(h, w, c, out);
  }

  /** {@code np.uint8(np.clip(v, 0, 1) * 255)} for float32 values (the product is float32 too). */
  static Image fromUnit(int h, int w, int c, float[] v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      float x = v[i];
      x = x > 1 ? 1 : (x >= 0 ? x : 0);
      out[i] = (byte) (int) (x * 255f);
    }
    return Image.wrap(h, w, c, out);
  }

  /** {@code np.uint8(np.clip(v, 0, 255))}: clip and truncate. */
  static Image from255(int h, int w, int c, double[] v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      x = x > 255 ? 255 : (x >= 0 ? x : 0);
      out[i] = (byte) (int) x;
    }
    return Image.wrap(h, w, c, out);
  }
}
