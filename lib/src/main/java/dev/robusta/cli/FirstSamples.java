package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.data.LabelSpace;
import dev.robusta.data.Sample;

/** The first {@code n} samples of a dataset (the images a corruption cell is evaluated on); id {@code <base>[:n]}. */
final class FirstSamples implements Dataset {
  private final Dataset base;
  private final int size;

  FirstSamples(Dataset base, int n) {
    this.base = base;
    this.size = Math.min(n, base.size());
  }

  @Override
  public String id() { return size == base.size() ? base.id() : base.id() + "[:" + size + "]"; }

  @Override
  public int size() { return size; }

  @Override
  public LabelSpace labelSpace() { return base.labelSpace(); }

  @Override
  public Sample get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1) + " of " + id());
    }
    return base.get(index);
  }
}
