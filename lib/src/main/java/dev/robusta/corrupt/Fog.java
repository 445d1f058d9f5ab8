package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * Fog: {@code clip((x + c0 * fractal) * M / (M + c0), 0, 1) * 255} on the 0..1 scale, with M the
 * maximum of the clean image over all channels and {@code fractal} a {@link PlasmaFractal} of
 * wibble decay c1, cropped top-left.
 *
 * <p>Map size: hendrycks' presets use their script's map (256 for IMAGENET_C, 32 for CIFAR_C, 64 for
 * TINY_IMAGENET_C), or the next power of two of the larger side when the image does not fit (the
 * scripts would fail there); IMAGECORRUPTIONS always uses the next power of two of the larger side and
 * a float32 map (hence +-1 grey level against hendrycks). An all-zero image stays all zero (M = 0).
 * Params (strength c0, wibble decay c1): ImageNet-C (1.5, 2) .. (3, 1.4).
 */
final class Fog extends BaseCorruption {
  Fog() {
    super("fog", CorruptionGroup.WEATHER, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    double c0 = params[0];
    int needed = PlasmaFractal.nextPowerOfTwo(Math.max(h, w));
    int mapSize = switch (preset) {
      case IMAGENET_C -> Math.max(256, needed);
      case CIFAR_C -> Math.max(32, needed);
      case TINY_IMAGENET_C -> Math.max(64, needed);
      case IMAGECORRUPTIONS -> needed;
    };
    boolean f32 = preset == Preset.IMAGECORRUPTIONS;
    double[] map = PlasmaFractal.generate(mapSize, params[1], f32, random);
    double[] x = Pixels.unit(rgb);
    double max = 0;
    for (double v : x) {
      max = Math.max(max, v);
    }
    for (int y = 0; y < h; y++) {
      for (int xx = 0; xx < w; xx++) {
        double m = map[y * mapSize + xx];
        double add = f32 ? (double) ((float) c0 * (float) m) : c0 * m;
        int i = (y * w + xx) * 3;
        for (int c = 0; c < 3; c++) {
          x[i + c] = (x[i + c] + add) * max / (max + c0);
        }
      }
    }
    return Pixels.fromUnit(h, w, 3, x);
  }
}
