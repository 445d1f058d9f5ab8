package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * One augmentation operation of an AugMix chain or a PixMix step. Built-ins are {@link AugOp}; a custom
 * operation (a test's deterministic "+25", a domain-specific op) implements this interface.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AugmentOp {
  /**
   * @param image the input, RGB or greyscale, never modified
   * @param severity the level bound n of {@code sample_level(n) = U(0.1, n)} (3 for CIFAR, 1 for ImageNet)
   * @param imageSize the reference's IMAGE_SIZE: output size of shear/translate and the translate range
   * @param rnd the source of the level sample and sign coin
   * @return the augmented image
   */
  Image apply(Image image, double severity, int imageSize, AugmentRandom rnd);

  /** @return the name used in draw traces and in {@code toString} */
  default String opName() {
    return getClass().getSimpleName();
  }
}
