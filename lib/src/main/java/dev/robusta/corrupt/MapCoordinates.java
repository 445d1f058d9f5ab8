package dev.robusta.corrupt;

/**
 * scipy {@code ndimage.map_coordinates(image, (y + dy, x + dx, z), order=1, mode='reflect')} on a
 * float32 HWC image where every channel of a pixel is displaced alike: the coordinate is mapped into
 * range by scipy's {@code map_coordinate} (half-sample symmetric), the two taps per axis are mapped
 * again at the borders, weights are {@code (1 - t, 1 - (1 - t))} and the products
 * {@code value * wy * wx} are summed in scipy's tap order, then cast to float32.
 */
final class MapCoordinates {
  private MapCoordinates() {}

  /**
   * @param img float32 HWC, c channels
   * @param dy row displacement per pixel (H x W), float32 as the references store it
   * @param dx column displacement per pixel (H x W)
   */
  static float[] reflectLinear(float[] img, int h, int w, int c, float[] dy, float[] dx) {
    float[] out = new float[img.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        double cy = reflect((double) y + (double) dy[p], h);
        double cx = reflect((double) x + (double) dx[p], w);
        int sy = (int) Math.floor(cy);
        int sx = (int) Math.floor(cx);
        double wy0 = 1.0 - (cy - Math.floor(cy));
        double wy1 = 1.0 - wy0;
        double wx0 = 1.0 - (cx - Math.floor(cx));
        double wx1 = 1.0 - wx0;
        int y0 = tap(sy, h) * w;
        int y1 = tap(sy + 1, h) * w;
        int x0 = tap(sx, w);
        int x1 = tap(sx + 1, w);
        int o = p * c;
        for (int k = 0; k < c; k++) {
          double t = 0.0;
          t += img[(y0 + x0) * c + k] * wy0 * wx0;
          t += img[(y0 + x1) * c + k] * wy0 * wx1;
          t += img[(y1 + x0) * c + k] * wy1 * wx0;
          t += img[(y1 + x1) * c + k] * wy1 * wx1;
          out[o + k] = (float) t;
        }
      }
    }
    return out;
  }

  /** scipy's {@code map_coordinate(in, len, NI_EXTEND_REFLECT)}. */
  static double reflect(double in, int len) {
    if (in < 0) {
      if (len <= 1) {
        return 0;
      }
      long sz2 = 2L * len;
      if (in < -sz2) {
        in = sz2 * (long) (-in / sz2) + in;
      }
      return in < -len ? in + sz2 : (in > -1e-15 ? 1e-15 : -in) - 1;
    } else if (in > len - 1) {
      if (len <= 1) {
        return 0;
      }
      long sz2 = 2L * len;
      in -= sz2 * (long) (in / sz2);
      if (in >= len) {
        in = sz2 - in - 1;
      }
    }
    return in;
  }

  private static int tap(int idx, int len) {
    return idx >= 0 && idx < len ? idx : (int) reflect(idx, len);
  }
}
