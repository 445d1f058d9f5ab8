package dev.robusta.infer;

import java.util.Locale;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Finds the largest batch size that fits in accelerator memory: doubles from 1 until a trial batch
 * fails with out-of-memory (or {@code max} is reached), then bisects between the last size that fitted
 * and the first that did not. A trial that fails for any other reason is rethrown.
 *
 * <p>Meant for GPUs, where an oversized batch fails with CUDA's "out of memory" error; on a CPU every
 * batch up to {@code max} normally fits. <b>Untested on a GPU</b>: no GPU was available to this project.
 */
public final class BatchSizeFinder {
  private BatchSizeFinder() {}

  /**
   * @param fits runs one trial batch of the given size: true when it fits, false when out of memory
   * @param max the largest batch to try, at least 1
   * @return the largest size in {@code 1..max} for which {@code fits} is true (sizes below it are assumed
   *     to fit too)
   * @throws IllegalStateException when not even a batch of 1 fits
   */
  public static int find(IntPredicate fits, int max) {
    Objects.requireNonNull(fits, "fits");
    if (max < 1) {
      throw new IllegalArgumentException("max batch size must be at least 1, got " + max);
    }
    if (!fits.test(1)) {
      throw new IllegalStateException("not even a batch of 1 fits in memory");
    }
    int good = 1;
    int bad = -1;
    while (good < max) {
      int next = Math.min(max, good * 2);
      if (fits.test(next)) {
        good = next;
      } else {
        bad = next;
        break;
      }
    }
    while (bad > 0 && bad - good > 1) {
      int mid = good + (bad - good) / 2;
      if (fits.test(mid)) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return good;
  }

  /**
   * Probes a classifier with zero-filled batches of {@code 3 x h x w} images.
   *
   * @return the largest batch size up to {@code max} that runs without an out-of-memory error
   */
  public static int find(Classifier classifier, int h, int w, int max) {
    return find(n -> {
      try {
        classifier.forward(new float[n * 3 * h * w], n, h, w);
        return true;
      } catch (InferenceException | OutOfMemoryError e) {
        if (isOutOfMemory(e)) {
          return false;
        }
        throw e;
      }
    }, max);
  }

  static boolean isOutOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && m.toLowerCase(Locale.ROOT).contains("out of memory")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
