package dev.robusta.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.Supplier;

/**
 * A classifier as the training helpers see it: a backbone producing penultimate features {@code [N, F]},
 * a linear classifier {@code F -> C} and, optionally, a linear rotation head {@code F -> 4} (the
 * self-supervised auxiliary task of Hendrycks et al., NeurIPS 2019).
 *
 * <p>{@code forward} returns {@code NDList(logits [N, C])}, or {@code NDList(logits, rotationLogits [N, 4])}
 * when the rotation head is present; the logits are always element 0, so inference code can read the
 * first output of either variant.
 */
public final class Network extends AbstractBlock {
  private static final byte VERSION = 1;

  private final Block backbone;
  private final Block classifier;
  private final Block rotationHead;
  private final int classes;
  private final Supplier<? extends Block> backboneFactory;
  private final String architecture;

  /**
   * @param backbone any block mapping {@code [N, C, H, W]} to {@code [N, F]}
   * @param classes number of classes C, at least 2
   * @param rotationHead whether to add the 4-way rotation head
   */
  public Network(Block backbone, int classes, boolean rotationHead) {
    this(backbone, null, "custom", classes, rotationHead);
  }

  /**
   * A network whose backbone can be rebuilt, so a checkpoint of the same architecture with another head can be
   * read into a twin ({@link FineTune#fromCheckpoint}).
   *
   * @param backboneFactory makes a fresh, uninitialised backbone ({@code [N, C, H, W] -> [N, F]}) on each call
   * @param architecture a short name of the backbone recorded in checkpoints, e.g. {@link SmallCnn#VERSION}
   * @param classes number of classes C, at least 2
   * @param rotationHead whether to add the 4-way rotation head
   */
  public Network(Supplier<? extends Block> backboneFactory, String architecture, int classes, boolean rotationHead) {
    this(backboneFactory.get(), backboneFactory, architecture, classes, rotationHead);
  }

  private Network(Block backbone, Supplier<? extends Block> factory, String architecture, int classes,
      boolean rotationHead) {
    super(VERSION);
    if (classes < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 classes, was " + classes);
    }
    this.classes = classes;
    this.backboneFactory = factory;
    this.architecture = architecture;
    this.backbone = addChildBlock("backbone", backbone);
    this.classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
    this.rotationHead = rotationHead ? addChildBlock("rotation", Linear.builder().setUnits(4).build()) : null;
  }

  /** @return C, the classifier's output size */
  public int classes() { return classes; }

  /** @return whether the rotation head is present */
  public boolean hasRotationHead() { return rotationHead != null; }

  /** @return the backbone's short name ({@code "custom"} when built from a block instance) */
  public String architecture() { return architecture; }

  /**
   * @return a fresh, uninitialised network with the same backbone architecture and the given head
   * @throws IllegalStateException when this network was built from a block instance (no factory to rebuild it)
   */
  Network twin(int classes, boolean rotationHead) {
    if (backboneFactory == null) {
      throw new IllegalStateException("this network was built from a block instance; build it with"
          + " Network(Supplier<Block>, name, classes, rotationHead) (as SmallCnn.network does) to read a checkpoint"
          + " into it, or fine-tune from a TrainedModel");
    }
    return new Network(backboneFactory, architecture, classes, rotationHead);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList features = backbone.forward(ps, inputs, training, params);
    NDList logits = classifier.forward(ps, features, training, params);
    if (rotationHead == null) {
      return logits;
    }
    NDList rot = rotationHead.forward(ps, features, training, params);
    return new NDList(logits.singletonOrThrow(), rot.singletonOrThrow());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    Shape[] features = backbone.getOutputShapes(inputShapes);
    classifier.initialize(manager, dataType, features);
    if (rotationHead != null) {
      rotationHead.initialize(manager, dataType, features);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] features = backbone.getOutputShapes(inputShapes);
    Shape logits = classifier.getOutputShapes(features)[0];
    return rotationHead == null ? new Shape[] {logits}
        : new Shape[] {logits, rotationHead.getOutputShapes(features)[0]};
  }
}
