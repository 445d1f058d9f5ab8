package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The 13 AugMix / PixMix operations of {@code google-research/augmix augmentations.py} (identical in
 * {@code andyzoujm/pixmix pixmix_utils.py}), with their level mapping: {@code sample_level(n)} =
 * U(0.1, n); integer parameters {@code int(u * max / 10)}, float ones {@code u * max / 10}; max = 4 for
 * posterize (keeps 4 - level bits), 256 for solarize (threshold 256 - level), 30 for rotate (degrees,
 * counter-clockwise), IMAGE_SIZE / 3 for translate (pixels), 0.3 for shear, 1.8 for the enhancement
 * ops (factor = level + 0.1). Rotate, shear and translate flip their sign when a coin is above 0.5
 * (rotate and shear draw the coin with {@code uniform()}, translate with {@code random()}).
 *
 * <p>The first nine are {@link #AUGMIX}; the last four ({@code color, contrast, brightness,
 * sharpness}) overlap ImageNet-C's test corruptions and are only in {@link #ALL}. All ops are Pillow
 * 9.4 bit-exact (see the oracles in {@code oracles/augmentation/ops}).
 *
 * @since 0.1
 */
public enum AugOp implements AugmentOp {
  AUTOCONTRAST, EQUALIZE, POSTERIZE, ROTATE, SOLARIZE, SHEAR_X, SHEAR_Y, TRANSLATE_X, TRANSLATE_Y,
  COLOR, CONTRAST, BRIGHTNESS, SHARPNESS;

  /** The default AugMix list ({@code augmentations.augmentations}), in the reference's order. */
  public static final List<AugOp> AUGMIX = List.of(AUTOCONTRAST, EQUALIZE, POSTERIZE, ROTATE, SOLARIZE,
      SHEAR_X, SHEAR_Y, TRANSLATE_X, TRANSLATE_Y);

  /** The {@code all-ops} list ({@code augmentations.augmentations_all}), in the reference's order. */
  public static final List<AugOp> ALL = List.of(values());

  /** @return the reference's function name, e.g. {@code shear_x} */
  @Override
  public String opName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Image apply(Image image, double severity, int imageSize, AugmentRandom rnd) {
    switch (this) {
      case AUTOCONTRAST:
        return PilOps.autocontrast(image);
      case EQUALIZE:
        return PilOps.equalize(image);
      default:
        return applyAtLevel(image, rnd.uniform(0.1, severity), imageSize, rnd);
    }
  }

  /**
   * Applies the op with its level sample pinned (the oracle's {@code _u<level>} files).
   *
   * @param u the level sample, normally in [0.1, severity)
   * @param rnd draws only the sign coin (rotate, shear, translate)
   */
  public Image applyAtLevel(Image image, double u, int imageSize, AugmentRandom rnd) {
    switch (this) {
      case AUTOCONTRAST:
        return PilOps.autocontrast(image);
      case EQUALIZE:
        return PilOps.equalize(image);
      case POSTERIZE:
        return PilOps.posterize(image, 4 - intParameter(u, 4));
      case SOLARIZE:
        return PilOps.solarize(image, 256 - intParameter(u, 256));
      case ROTATE: {
        int degrees = intParameter(u, 30);
        if (rnd.uniform(0, 1) > 0.5) {
          degrees = -degrees;
        }
        return PilOps.rotate(image, degrees);
      }
      case SHEAR_X:
      case SHEAR_Y: {
        double level = u * 0.3 / 10.;
        if (rnd.uniform(0, 1) > 0.5) {
          level = -level;
        }
        double[] m = this == SHEAR_X ? new double[] {1, level, 0, 0, 1, 0} : new double[] {1, 0, 0, level, 1, 0};
        return PilOps.affine(image, imageSize, imageSize, m);
      }
      case TRANSLATE_X:
      case TRANSLATE_Y: {
        int level = (int) (u * (imageSize / 3.0) / 10);
        if (rnd.random() > 0.5) {
          level = -level;
        }
        double[] m = this == TRANSLATE_X ? new double[] {1, 0, level, 0, 1, 0} : new double[] {1, 0, 0, 0, 1, level};
        return PilOps.affine(image, imageSize, imageSize, m);
      }
      case COLOR:
        return PilOps.color(image, enhanceFactor(u));
      case CONTRAST:
        return PilOps.contrast(image, enhanceFactor(u));
      case BRIGHTNESS:
        return PilOps.brightness(image, enhanceFactor(u));
      case SHARPNESS:
        return PilOps.sharpness(image, enhanceFactor(u));
      default:
        throw new AssertionError(this);
    }
  }

  static int intParameter(double u, double max) {
    return (int) (u * max / 10);
  }

  static double enhanceFactor(double u) {
    return u * 1.8 / 10. + 0.1;
  }

  /** @return the op with this reference name ({@code shear_x}) or enum name, case-insensitive */
  public static AugOp named(String name) {
    for (AugOp op : values()) {
      if (op.opName().equalsIgnoreCase(name) || op.name().equalsIgnoreCase(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown augmentation op '" + name + "'; valid: "
        + Arrays.stream(values()).map(AugOp::opName).toList());
  }
}
