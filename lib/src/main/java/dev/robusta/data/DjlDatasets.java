package dev.robusta.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.translate.Pipeline;
import ai.djl.util.Progress;
import java.util.Objects;

/**
 * Adapts a Robusta {@link Dataset} to DJL's {@link RandomAccessDataset} for training and batching,
 * decoding lazily per record (nothing is materialised).
 *
 * <p>Each record's data is the image as a {@code uint8 [H, W, C]} NDArray (DJL's image convention,
 * what {@code ai.djl.modality.cv.transform.ToTensor} expects) and its label a {@code float32 [1]}
 * holding {@link Sample#label()}. Put the tensor conversion in the pipeline:
 *
 * <pre>{@code
 * RandomAccessDataset train = DjlDatasets.forTraining(Datasets.load("cifar10", Split.TRAIN),
 *     new Pipeline(new ToTensor(), new Normalize(MEAN, STD)), 128, true);
 * for (Batch b : trainer.iterateDataset(train)) { ... }   // data [128, 3, 32, 32] float32
 * }</pre>
 */
public final class DjlDatasets {
  private DjlDatasets() {}

  /**
   * @param data the dataset (every image must have the same shape for batching)
   * @param pipeline transforms applied to each record's data, e.g. ToTensor + Normalize; may be null
   * @param batchSize samples per batch
   * @param shuffle random order each epoch (DJL's sampler, seeded through {@code Engine.setRandomSeed})
   */
  public static RandomAccessDataset forTraining(Dataset data, Pipeline pipeline, int batchSize, boolean shuffle) {
    Builder b = new Builder(data).setSampling(batchSize, shuffle);
    if (pipeline != null) {
      b.optPipeline(pipeline);
    }
    return new Adapter(b);
  }

  static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {
    final Dataset data;

    Builder(Dataset data) {
      this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    protected Builder self() {
      return this;
    }
  }

  static final class Adapter extends RandomAccessDataset {
    private final Dataset data;

    Adapter(Builder b) {
      super(b);
      this.data = b.data;
    }

    @Override
    public Record get(NDManager manager, long index) {
      Sample s = data.get(Math.toIntExact(index));
      Image img = s.image();
      NDArray x = manager.create(java.nio.ByteBuffer.wrap(img.pixels()),
          new Shape(img.height(), img.width(), img.channels()), DataType.UINT8);
      NDArray y = manager.create(new float[] {s.label()});
      return new Record(new NDList(x), new NDList(y));
    }

    @Override
    protected long availableSize() {
      return data.size();
    }

    @Override
    public void prepare(Progress progress) {
      // lazily decoded: nothing to prepare
    }

    @Override
    public String toString() {
      return "DjlDataset[" + data + "]";
    }
  }
}
