package dev.robusta.corrupt;

import java.util.HashMap;
import java.util.Map;

/**
 * The severity tables of the four reference variants, transcribed from the sources (the
 * {@code c = [...][severity - 1]} lines): hendrycks/robustness@8190fe3
 * {@code ImageNet-C/create_c/make_imagenet_c.py}, {@code make_cifar_c.py},
 * {@code make_tinyimagenet_c.py}, and bethgelab/imagecorruptions 1.1.2 {@code corruptions.py}.
 * Row s-1 holds severity s. Zoom-blur factors are the reference's {@code np.arange} calls.
 */
final class PresetTables {
  private PresetTables() {}

  static Map<String, double[][]> imagenet() {
    Map<String, double[][]> t = new HashMap<>();
    t.put("gaussian_noise", new double[][] {{.08}, {.12}, {0.18}, {0.26}, {0.38}});
    t.put("shot_noise", new double[][] {{60}, {25}, {12}, {5}, {3}});
    t.put("impulse_noise", new double[][] {{.03}, {.06}, {.09}, {0.17}, {0.27}});
    t.put("speckle_noise", new double[][] {{.15}, {.2}, {0.35}, {0.45}, {0.6}});
    t.put("gaussian_blur", new double[][] {{1}, {2}, {3}, {4}, {6}});
    t.put("glass_blur", new double[][] {{0.7, 1, 2}, {0.9, 2, 1}, {1, 2, 3}, {1.1, 3, 2}, {1.5, 4, 2}});
    t.put("defocus_blur", new double[][] {{3, 0.1}, {4, 0.5}, {6, 0.5}, {8, 0.5}, {10, 0.5}});
    t.put("motion_blur", new double[][] {{10, 3}, {15, 5}, {15, 8}, {15, 12}, {20, 15}});
    t.put("zoom_blur", new double[][] {arange(1, 1.11, 0.01), arange(1, 1.16, 0.01),
        arange(1, 1.21, 0.02), arange(1, 1.26, 0.02), arange(1, 1.31, 0.03)});
    t.put("fog", new double[][] {{1.5, 2}, {2, 2}, {2.5, 1.7}, {2.5, 1.5}, {3, 1.4}});
    t.put("frost", new double[][] {{1, 0.4}, {0.8, 0.6}, {0.7, 0.7}, {0.65, 0.7}, {0.6, 0.75}});
    t.put("snow", new double[][] {{0.1, 0.3, 3, 0.5, 10, 4, 0.8}, {0.2, 0.3, 2, 0.5, 12, 4, 0.7},
        {0.55, 0.3, 4, 0.9, 12, 8, 0.7}, {0.55, 0.3, 4.5, 0.85, 12, 8, 0.65},
        {0.55, 0.3, 2.5, 0.85, 12, 12, 0.55}});
    t.put("spatter", new double[][] {{0.65, 0.3, 4, 0.69, 0.6, 0}, {0.65, 0.3, 3, 0.68, 0.6, 0},
        {0.65, 0.3, 2, 0.68, 0.5, 0}, {0.65, 0.3, 1, 0.65, 1.5, 1}, {0.67, 0.4, 1, 0.65, 1.5, 1}});
    t.put("contrast", new double[][] {{0.4}, {.3}, {.2}, {.1}, {.05}});
    t.put("brightness", new double[][] {{.1}, {.2}, {.3}, {.4}, {.5}});
    t.put("saturate", new double[][] {{0.3, 0}, {0.1, 0}, {2, 0}, {5, 0.1}, {20, 0.2}});
    t.put("jpeg_compression", new double[][] {{25}, {18}, {15}, {10}, {7}});
    t.put("pixelate", new double[][] {{0.6}, {0.5}, {0.4}, {0.3}, {0.25}});
    // "244 should have been 224, but ultimately nothing is incorrect" (the source's comment)
    t.put("elastic_transform", new double[][] {{244 * 2, 244 * 0.7, 244 * 0.1},
        {244 * 2, 244 * 0.08, 244 * 0.2}, {244 * 0.05, 244 * 0.01, 244 * 0.02},
        {244 * 0.07, 244 * 0.01, 244 * 0.02}, {244 * 0.12, 244 * 0.01, 244 * 0.02}});
    return t;
  }

  static Map<String, double[][]> cifar() {
    Map<String, double[][]> t = new HashMap<>();
    t.put("gaussian_noise", new double[][] {{0.04}, {0.06}, {.08}, {.09}, {.10}});
    t.put("shot_noise", new double[][] {{500}, {250}, {100}, {75}, {50}});
    t.put("impulse_noise", new double[][] {{.01}, {.02}, {.03}, {.05}, {.07}});
    t.put("speckle_noise", new double[][] {{.06}, {.1}, {.12}, {.16}, {.2}});
    t.put("gaussian_blur", new double[][] {{.4}, {.6}, {0.7}, {.8}, {1}});
    t.put("glass_blur", new double[][] {{0.05, 1, 1}, {0.25, 1, 1}, {0.4, 1, 1}, {0.25, 1, 2}, {0.4, 1, 2}});
    t.put("defocus_blur", new double[][] {{0.3, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {1, 0.2}, {1.5, 0.1}});
    t.put("motion_blur", new double[][] {{6, 1}, {6, 1.5}, {6, 2}, {8, 2}, {9, 2.5}});
    t.put("zoom_blur", new double[][] {arange(1, 1.06, 0.01), arange(1, 1.11, 0.01),
        arange(1, 1.16, 0.01), arange(1, 1.21, 0.01), arange(1, 1.26, 0.01)});
    t.put("fog", new double[][] {{.2, 3}, {.5, 3}, {0.75, 2.5}, {1, 2}, {1.5, 1.75}});
    t.put("frost", new double[][] {{1, 0.2}, {1, 0.3}, {0.9, 0.4}, {0.85, 0.4}, {0.75, 0.45}});
    t.put("snow", new double[][] {{0.1, 0.2, 1, 0.6, 8, 3, 0.95}, {0.1, 0.2, 1, 0.5, 10, 4, 0.9},
        {0.15, 0.3, 1.75, 0.55, 10, 4, 0.9}, {0.25, 0.3, 2.25, 0.6, 12, 6, 0.85},
        {0.3, 0.3, 1.25, 0.65, 14, 12, 0.8}});
    t.put("spatter", new double[][] {{0.62, 0.1, 0.7, 0.7, 0.5, 0}, {0.65, 0.1, 0.8, 0.7, 0.5, 0},
        {0.65, 0.3, 1, 0.69, 0.5, 0}, {0.65, 0.1, 0.7, 0.69, 0.6, 1}, {0.65, 0.1, 0.5, 0.68, 0.6, 1}});
    t.put("contrast", new double[][] {{.75}, {.5}, {.4}, {.3}, {0.15}});
    t.put("brightness", new double[][] {{.05}, {.1}, {.15}, {.2}, {.3}});
    t.put("saturate", new double[][] {{0.3, 0}, {0.1, 0}, {1.5, 0}, {2, 0.1}, {2.5, 0.2}});
    t.put("jpeg_compression", new double[][] {{80}, {65}, {58}, {50}, {40}});
    t.put("pixelate", new double[][] {{0.95}, {0.9}, {0.85}, {0.75}, {0.65}});
    final int imsize = 32;
    t.put("elastic_transform", new double[][] {{imsize * 0, imsize * 0, imsize * 0.08},
        {imsize * 0.05, imsize * 0.2, imsize * 0.07}, {imsize * 0.08, imsize * 0.06, imsize * 0.06},
        {imsize * 0.1, imsize * 0.04, imsize * 0.05}, {imsize * 0.1, imsize * 0.03, imsize * 0.03}});
    return t;
  }

  static Map<String, double[][]> tiny() {
    Map<String, double[][]> t = new HashMap<>();
    t.put("gaussian_noise", new double[][] {{0.04}, {0.08}, {.12}, {.15}, {.18}});
    t.put("shot_noise", new double[][] {{250}, {100}, {50}, {30}, {15}});
    t.put("impulse_noise", new double[][] {{.01}, {.02}, {.05}, {.08}, {.14}});
    t.put("speckle_noise", new double[][] {{.15}, {.2}, {.25}, {.3}, {.35}});
    t.put("gaussian_blur", new double[][] {{.5}, {.75}, {1}, {1.25}, {1.5}});
    t.put("glass_blur", new double[][] {{0.1, 1, 1}, {0.5, 1, 1}, {0.6, 1, 2}, {0.7, 2, 1}, {0.9, 2, 2}});
    t.put("defocus_blur", new double[][] {{0.5, 0.6}, {1, 0.1}, {1.5, 0.1}, {2.5, 0.01}, {3, 0.1}});
    t.put("motion_blur", new double[][] {{10, 1}, {10, 1.5}, {10, 2}, {10, 2.5}, {12, 3}});
    t.put("zoom_blur", new double[][] {arange(1, 1.06, 0.01), arange(1, 1.11, 0.01),
        arange(1, 1.16, 0.01), arange(1, 1.21, 0.01), arange(1, 1.26, 0.01)});
    t.put("fog", new double[][] {{.4, 3}, {.7, 3}, {1, 2.5}, {1.5, 2}, {2, 1.75}});
    t.put("frost", new double[][] {{1, 0.3}, {0.9, 0.4}, {0.8, 0.45}, {0.75, 0.5}, {0.7, 0.55}});
    t.put("snow", new double[][] {{0.1, 0.2, 1, 0.6, 8, 3, 0.8}, {0.1, 0.2, 1, 0.5, 10, 4, 0.8},
        {0.15, 0.3, 1.75, 0.55, 10, 4, 0.7}, {0.25, 0.3, 2.25, 0.6, 12, 6, 0.65},
        {0.3, 0.3, 1.25, 0.65, 14, 12, 0.6}});
    t.put("spatter", new double[][] {{0.62, 0.1, 0.7, 0.7, 0.6, 0}, {0.65, 0.1, 0.8, 0.7, 0.6, 0},
        {0.65, 0.3, 1, 0.69, 0.6, 0}, {0.65, 0.1, 0.7, 0.68, 0.6, 1}, {0.65, 0.1, 0.5, 0.67, 0.6, 1}});
    t.put("contrast", new double[][] {{.4}, {.3}, {.2}, {.1}, {.05}});
    t.put("brightness", new double[][] {{.1}, {.2}, {.3}, {.4}, {.5}});
    t.put("saturate", new double[][] {{0.3, 0}, {0.1, 0}, {2, 0}, {5, 0.1}, {30, 0.2}});
    t.put("jpeg_compression", new double[][] {{65}, {58}, {50}, {40}, {25}});
    t.put("pixelate", new double[][] {{0.9}, {0.8}, {0.7}, {0.6}, {0.5}});
    t.put("elastic_transform", new double[][] {{0, 0, 5.12}, {3.2, 19.2, 3.84}, {6.4, 5.12, 3.84},
        {6.4, 1.92, 1.92}, {10.24, 1.92, 1.28}});
    return t;
  }

  static Map<String, double[][]> imagecorruptions() {
    Map<String, double[][]> t = imagenet();
    // imagecorruptions: alpha only; sigma = 0.01 * size and the field range 0.005 * height are
    // computed from the image (see ElasticTransform)
    t.put("elastic_transform", new double[][] {{250 * 0.05}, {250 * 0.065}, {250 * 0.085},
        {250 * 0.1}, {250 * 0.12}});
    return t;
  }

  /** numpy {@code arange(start, stop, step)} for floats: ceil((stop-start)/step) values start + i*delta. */
  static double[] arange(double start, double stop, double step) {
    int n = (int) Math.ceil((stop - start) / step);
    double delta = (start + step) - start;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = start + i * delta;
    }
    return out;
  }
}
