package dev.robusta.train;

import dev.robusta.data.Image;

/**
 * Produces the two augmented views of one training image for the AugMix Jensen-Shannon loss
 * (the clean image is the third view). Implemented by the AugMix augmentation in
 * {@code dev.robusta.corrupt}; any function works, e.g. for tests.
 */
@FunctionalInterface
public interface AugMixViews {
  /**
   * @param image the clean training image
   * @param seed a per-(run, epoch, sample) seed; the same seed must give the same views
   * @return exactly two images of the same size as {@code image}
   */
  Image[] views(Image image, long seed);
}
