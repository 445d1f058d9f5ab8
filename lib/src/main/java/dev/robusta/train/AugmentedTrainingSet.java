package dev.robusta.train;

import dev.robusta.data.Dataset;
import dev.robusta.data.LabelSpace;
import dev.robusta.data.Sample;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A training set whose images pass through a seeded {@link SampleAugmentation} (e.g. PixMix) every time
 * they are read; labels and metadata are kept. Give it to {@link ClassifierTrainer#train} in place of the
 * clean set.
 *
 * <p>Seeding: the {@code k}-th read of sample {@code i} (k = 0, 1, ...) is augmented with seed
 * {@code mix(seed, i, k)}. The training loop reads every sample exactly once per epoch, so {@code k} is
 * the epoch and each epoch sees a fresh augmentation, as with a PyTorch dataset transform; a new
 * {@code AugmentedTrainingSet} with the same seed replays the same images in the same order (so a seeded
 * training run is reproducible). Reading a sample outside training (e.g. to display it) advances its
 * counter: use {@link #peek(int, int)} for that. Thread-safe.
 */
public final class AugmentedTrainingSet implements Dataset {
  private final Dataset clean;
  private final SampleAugmentation augmentation;
  private final long seed;
  private final String name;
  private final AtomicIntegerArray reads;

  /**
   * @param clean the labelled training set
   * @param augmentation the per-sample augmentation
   * @param name short name of the augmentation for the id (e.g. {@code pixmix})
   * @param seed the run's augmentation seed
   * @throws IllegalArgumentException when the set is empty
   */
  public AugmentedTrainingSet(Dataset clean, SampleAugmentation augmentation, String name, long seed) {
    this.clean = Objects.requireNonNull(clean, "clean");
    this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
    this.name = Objects.requireNonNull(name, "name");
    if (clean.size() < 1) {
      throw new IllegalArgumentException("the training set '" + clean.id() + "' is empty");
    }
    this.seed = seed;
    this.reads = new AtomicIntegerArray(clean.size());
  }

  @Override
  public String id() {
    return clean.id() + "+" + name;
  }

  @Override
  public int size() {
    return clean.size();
  }

  @Override
  public LabelSpace labelSpace() {
    return clean.labelSpace();
  }

  /** The next augmented draw of sample {@code index} (advances its draw counter). */
  @Override
  public Sample get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size() - 1) + " of " + id());
    }
    return peek(index, reads.getAndIncrement(index));
  }

  /**
   * Draw {@code draw} of sample {@code index} without touching the counters.
   *
   * @throws IllegalArgumentException when the augmentation changed the image size
   */
  public Sample peek(int index, int draw) {
    Sample s = clean.get(index);
    dev.robusta.data.Image out = augmentation.apply(s.image(), ClassifierTrainer.mix(seed, index, draw));
    if (out.height() != s.image().height() || out.width() != s.image().width()) {
      throw new IllegalArgumentException(name + " turned sample " + index + " of '" + clean.id() + "' from "
          + s.image().height() + "x" + s.image().width() + " into " + out.height() + "x" + out.width());
    }
    Map<String, String> meta = new LinkedHashMap<>(s.meta());
    meta.put("augmentation", name);
    meta.put("draw", Integer.toString(draw));
    return new Sample(out, s.label(), meta);
  }

  @Override
  public String toString() {
    return "AugmentedTrainingSet[" + id() + ", " + size() + " images, seed " + seed + ", draw k of sample i seeded"
        + " by (seed, i, k): a fresh augmentation every epoch]";
  }
}
