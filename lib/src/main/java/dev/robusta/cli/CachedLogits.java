package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.infer.LogitsCache;
import dev.robusta.infer.ModelInfo;
import dev.robusta.infer.Predictions;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A {@link LogitsSource} in front of another one (e.g. the demo's in-process {@link BatchLogits}) that
 * keeps every cell in the inference module's {@link LogitsCache}: an entry keyed by the model's digest
 * ({@link ModelInfo#sha256()}), the dataset id and size, the cell plus the run's protocol suffix
 * (corruption preset, seed) and the preprocessing key (input spec, channel policy) is read back without
 * running the model; a missing or damaged one is computed and written (arrays first, manifest last).
 */
final class CachedLogits implements LogitsSource {
  private final LogitsSource inner;
  private final LogitsCache cache;
  private final ModelInfo model;
  private final String preprocessingKey;
  private final String cellSuffix;
  private final LongConsumer progress;
  private int cached;
  private int computed;

  /**
   * @param inner computes a cell that is not cached
   * @param cache where the cells are kept
   * @param model the model's identity; its sha256 is a digest of its weights
   * @param preprocessingKey the input preprocessing and channel policy, part of the key
   * @param cellSuffix appended to every cell name (e.g. {@code /CIFAR_C/seed1}), part of the key
   * @param progress told the images of a cell read from the cache (the inner source reports its own)
   */
  CachedLogits(LogitsSource inner, LogitsCache cache, ModelInfo model, String preprocessingKey, String cellSuffix,
      LongConsumer progress) {
    this.inner = inner;
    this.cache = cache;
    this.model = model;
    this.preprocessingKey = preprocessingKey;
    this.cellSuffix = cellSuffix;
    this.progress = progress;
  }

  @Override
  public Logits logits(Dataset dataset, String cell) {
    String full = cell + cellSuffix;
    Optional<Predictions> hit = cache.lookup(model, dataset.id(), dataset.size(), full, preprocessingKey);
    if (hit.isPresent()) {
      cached++;
      progress.accept(dataset.size());
      return new Logits(hit.get().logits(), hit.get().labels());
    }
    Logits l = inner.logits(dataset, cell);
    cache.store(new Predictions(model, dataset.id(), full, preprocessingKey, l.logits(), l.labels(), null,
        Predictions.Source.COMPUTED), preprocessingKey);
    computed++;
    return l;
  }

  @Override
  public boolean ownProgress() {
    return inner.ownProgress();
  }

  /** @return "N cells read from the logits cache (ROOT), M computed" */
  String summary() {
    return cached + " cells read from the logits cache (" + cache.root() + "), " + computed + " computed";
  }
}
