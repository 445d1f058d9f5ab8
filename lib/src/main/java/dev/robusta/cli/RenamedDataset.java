package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.data.LabelSpace;
import dev.robusta.data.Sample;

/**
 * A dataset under another id (the id names the report folder and is part of the logits cache key), e.g.
 * {@code imagenet-folder/imagenet-sample-images} for a folder of ImageNet photos.
 */
final class RenamedDataset implements Dataset {
  private final String id;
  private final Dataset base;

  RenamedDataset(String id, Dataset base) {
    this.id = id;
    this.base = base;
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return base.size(); }

  @Override
  public LabelSpace labelSpace() { return base.labelSpace(); }

  @Override
  public Sample get(int index) { return base.get(index); }

  @Override
  public String toString() { return id + " = " + base; }
}
