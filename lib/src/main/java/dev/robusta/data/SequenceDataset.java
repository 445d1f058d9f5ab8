package dev.robusta.data;

import java.util.List;

/**
 * Perturbation sequences (ImageNet-P, CIFAR-10-P): each element is a short sequence of frames of one
 * image under a growing or moving perturbation, with the clean image's label. Frames are decoded per
 * call; nothing is held in memory.
 */
public interface SequenceDataset {
  /** @return e.g. {@code imagenet-p/gaussian_noise} */
  String id();

  /** @return the number of sequences */
  int size();

  /** @return the label of sequence {@code index} in {@link #labelSpace()}, or -1 when the source has none */
  int label(int index);

  /** @return the frames of sequence {@code index}, in time order */
  List<Image> frames(int index);

  /** @return the label space, or null when labels are not available */
  LabelSpace labelSpace();
}
