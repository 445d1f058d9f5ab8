package dev.robusta.corrupt;

/**
 * scikit-image 0.19 {@code rgb2hsv} / {@code hsv2rgb} in float64, operation by operation, on HWC
 * arrays in place. Ties in the maximum channel resolve to blue over green over red (the later
 * assignment wins), grey pixels get hue 0 and saturation 0, hue is {@code (h / 6) mod 1}.
 */
final class Hsv {
  private Hsv() {}

  static void rgbToHsv(double[] a) {
    for (int i = 0; i < a.length; i += 3) {
      double r = a[i];
      double g = a[i + 1];
      double b = a[i + 2];
      double v = Math.max(r, Math.max(g, b));
      double delta = v - Math.min(r, Math.min(g, b));
      double s = delta == 0. ? 0. : delta / v;
      double h;
      if (delta == 0.) {
        h = 0.;
      } else {
        if (b == v) {
          h = 4. + (r - g) / delta;
        } else if (g == v) {
          h = 2. + (b - r) / delta;
        } else {
          h = (g - b) / delta;
        }
        double q = h / 6.;
        h = q - Math.floor(q); // == numpy's q % 1. for |q| < 2^52, without a slow fmod
      }
      a[i] = h;
      a[i + 1] = Double.isNaN(s) ? 0 : s;
      a[i + 2] = v;
    }
  }

  static void hsvToRgb(double[] a) {
    for (int i = 0; i < a.length; i += 3) {
      double h = a[i];
      double s = a[i + 1];
      double v = a[i + 2];
      double hi = Math.floor(h * 6);
      double f = h * 6 - hi;
      double p = v * (1 - s);
      double q = v * (1 - f * s);
      double t = v * (1 - (1 - f) * s);
      int sector = ((int) hi & 0xff) % 6;
      double r;
      double g;
      double b;
      switch (sector) {
        case 0 -> { r = v; g = t; b = p; }
        case 1 -> { r = q; g = v; b = p; }
        case 2 -> { r = p; g = v; b = t; }
        case 3 -> { r = p; g = q; b = v; }
        case 4 -> { r = t; g = p; b = v; }
        default -> { r = v; g = p; b = q; }
      }
      a[i] = r;
      a[i + 1] = g;
      a[i + 2] = b;
    }
  }
}
