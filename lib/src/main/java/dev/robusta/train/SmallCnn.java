package dev.robusta.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The small CNN Robusta trains for its demo (Fashion-MNIST, 1 x 28 x 28, 10 classes):
 * {@code [conv3x3(w1) - BN - ReLU - maxpool2] - [conv3x3(w2) - BN - ReLU - maxpool2] - flatten - linear(hidden) - ReLU}
 * as the backbone, then the linear classifier of {@link Network}. Padding 1, so a 28 x 28 input gives
 * {@code w2 x 7 x 7} features before the hidden layer.
 */
public final class SmallCnn {
  /** Architecture version: part of the cache key of trained weights. */
  public static final String VERSION = "cnn-v1";
  static final int W1 = 16;
  static final int W2 = 32;
  static final int HIDDEN = 128;

  private SmallCnn() {}

  /** @return the backbone ({@code [N, C, H, W] -> [N, 128]}) */
  public static Block backbone() {
    return new SequentialBlock()
        .add(conv(W1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(conv(W2)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation.reluBlock());
  }

  /**
   * @param classes number of classes
   * @param rotationHead whether to add the rotation-prediction head
   * @return a fresh, uninitialised network
   */
  public static Network network(int classes, boolean rotationHead) {
    return new Network(SmallCnn::backbone, VERSION, classes, rotationHead);
  }

  private static Block conv(int filters) {
    return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
  }
}
