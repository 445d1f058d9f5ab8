package dev.robusta.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A random-access, streaming collection of labelled images. Implementations decode on
 * {@link #get(int)} and never hold the whole benchmark in memory.
 */
public interface Dataset extends Iterable<Sample> {

  /** @return the registry id (e.g. {@code imagenet-a}) or a derived id (e.g. {@code cifar10/gaussian_noise/3}) */
  String id();

  /** @return the number of samples */
  int size();

  /**
   * @return the classes {@link Sample#label()} indexes into, with their ImageNet-1k mapping and
   *     policy where the dataset has one; null for unlabelled (OOD-only) sets
   */
  default LabelSpace labelSpace() {
    return null;
  }

  /**
   * Decodes one sample.
   *
   * @param index 0 .. size()-1
   * @throws IndexOutOfBoundsException when the index is outside the dataset
   */
  Sample get(int index);

  @Override
  default Iterator<Sample> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() { return next < size(); }

      @Override
      public Sample next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return get(next++);
      }
    };
  }
}
