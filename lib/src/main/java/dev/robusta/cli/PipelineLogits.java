package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.infer.Classifier;
import dev.robusta.infer.LogitsCache;
import dev.robusta.infer.Pipeline;
import dev.robusta.infer.Predictions;

/**
 * Logits through the inference module's {@link Pipeline} with its {@link LogitsCache}: a cell that was
 * computed before is read back without running the model, and an interrupted run resumes from its last
 * checkpoint (every 2,048 images, and at once on Ctrl-C: see {@link Interrupt}). The pipeline draws its own
 * progress bar.
 */
final class PipelineLogits implements LogitsSource {
  private final Classifier classifier;
  private final LogitsCache cache;
  private final String cellSuffix;
  private int cached;
  private int computed;

  /** @param cellSuffix appended to every cell name (e.g. the corruption preset and seed), part of the cache key */
  PipelineLogits(Classifier classifier, LogitsCache cache, String cellSuffix) {
    this.classifier = classifier;
    this.cache = cache;
    this.cellSuffix = cellSuffix;
  }

  @Override
  public Logits logits(Dataset dataset, String cell) {
    Predictions p = Pipeline.builder(classifier).batchSize(256).cache(cache).cell(cell + cellSuffix)
        .checkpointEvery(2048).stopWhen(Interrupt::requested).build()
        .run(dataset);
    if (p.source() == Predictions.Source.CACHE) {
      cached++;
    } else {
      computed++;
    }
    return new Logits(p.logits(), p.labels());
  }

  @Override
  public boolean ownProgress() {
    return true;
  }

  /** @return "N cells read from the cache, M computed" */
  String summary() {
    return cached + " cells read from the logits cache (" + cache.root() + "), " + computed + " computed";
  }
}
