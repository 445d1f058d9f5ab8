package dev.robusta.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The classes of a dataset, in label order, and (for ImageNet-derived sets) the ImageNet-1k indices
 * each class maps to, plus the scoring policy the dataset's paper uses.
 *
 * <p>A {@link Sample#label()} is an index into {@link #classes()}. ImageNet-1k index order is the
 * sorted wnid order ({@code n01440764} = 0 ... {@code n15075141} = 999).
 */
public final class LabelSpace {
  private final String name;
  private final List<String> classes;
  private final int[][] imagenet;
  private final LabelPolicy policy;
  private final Map<String, Integer> index = new HashMap<>();

  private LabelSpace(String name, List<String> classes, int[][] imagenet, LabelPolicy policy) {
    this.name = Objects.requireNonNull(name, "name");
    this.classes = List.copyOf(classes);
    this.imagenet = imagenet;
    this.policy = policy;
    for (int i = 0; i < this.classes.size(); i++) {
      if (index.put(this.classes.get(i), i) != null) {
        throw new IllegalArgumentException("label space " + name + ": class '" + this.classes.get(i)
            + "' appears twice");
      }
    }
    if (imagenet != null && imagenet.length != this.classes.size()) {
      throw new IllegalArgumentException("label space " + name + ": " + imagenet.length
          + " ImageNet mappings for " + this.classes.size() + " classes");
    }
  }

  /** A plain label space (CIFAR-10, Fashion-MNIST, Tiny-ImageNet's own 200 classes...). */
  public static LabelSpace of(String name, List<String> classes) {
    return new LabelSpace(name, classes, null, null);
  }

  /** The ImageNet-1k space: {@code wnids} in index order, identity mapping, {@link LabelPolicy#FULL_1000}. */
  public static LabelSpace imagenet1k(List<String> wnids) {
    if (wnids.size() != 1000) {
      throw new IllegalArgumentException("ImageNet-1k needs 1000 wnids, got " + wnids.size());
    }
    int[][] map = new int[1000][];
    for (int i = 0; i < 1000; i++) {
      map[i] = new int[] {i};
    }
    return new LabelSpace("imagenet-1k", wnids, map, LabelPolicy.FULL_1000);
  }

  /**
   * A subset of ImageNet-1k classes (ImageNet-A/-R/-O, ImageNet-C-200...).
   *
   * @param name the label space name
   * @param wnids the subset's wnids in label order (for ImageNet-A/-R/-O: sorted = folder order)
   * @param imagenet1k the full ImageNet-1k space the wnids are looked up in
   * @param policy the scoring policy of the dataset's paper
   * @throws IllegalArgumentException when a wnid is not an ImageNet-1k class
   */
  public static LabelSpace imagenetSubset(String name, List<String> wnids, LabelSpace imagenet1k,
      LabelPolicy policy) {
    int[][] map = new int[wnids.size()][];
    for (int i = 0; i < wnids.size(); i++) {
      int k = imagenet1k.indexOf(wnids.get(i));
      if (k < 0) {
        throw new IllegalArgumentException(name + ": wnid " + wnids.get(i) + " is not an ImageNet-1k class");
      }
      map[i] = new int[] {k};
    }
    return new LabelSpace(name, wnids, map, policy);
  }

  /**
   * Classes that each map to one or more ImageNet-1k indices ({@link LabelPolicy#MAP_ANY_OF}, ObjectNet).
   *
   * @param anyOf for each class, its ImageNet-1k indices (0..999)
   */
  public static LabelSpace mappedAnyOf(String name, List<String> classes, int[][] anyOf) {
    int[][] copy = new int[anyOf.length][];
    for (int i = 0; i < anyOf.length; i++) {
      copy[i] = anyOf[i].clone();
    }
    return new LabelSpace(name, classes, copy, LabelPolicy.MAP_ANY_OF);
  }

  /** @return the label space name, e.g. {@code imagenet-a-200} */
  public String name() { return name; }

  /** @return class names (wnids for ImageNet-derived sets) in label order */
  public List<String> classes() { return classes; }

  /** @return the number of classes */
  public int size() { return classes.size(); }

  /** @return the label of a class name or wnid, or -1 when absent */
  public int indexOf(String className) {
    Integer i = index.get(className);
    return i == null ? -1 : i;
  }

  /** @return whether labels map onto ImageNet-1k indices */
  public boolean mapsToImagenet() { return imagenet != null; }

  /** @return the paper's scoring policy, or null for label spaces not tied to ImageNet-1k */
  public LabelPolicy policy() { return policy; }

  /**
   * @param label a label of this space
   * @return its ImageNet-1k index (the first one for {@link LabelPolicy#MAP_ANY_OF})
   * @throws IllegalStateException when this space has no ImageNet mapping
   */
  public int toImagenet(int label) {
    return imagenetAll(label)[0];
  }

  /** @return every ImageNet-1k index the label maps to (a copy) */
  public int[] imagenetAll(int label) {
    if (imagenet == null) {
      throw new IllegalStateException("label space " + name + " does not map to ImageNet-1k");
    }
    return imagenet[label].clone();
  }

  /**
   * @param imagenetIndex an ImageNet-1k index 0..999
   * @return the label of this space that maps to it, or -1 when none does
   */
  public int indexOfImagenet(int imagenetIndex) {
    if (imagenet == null) {
      throw new IllegalStateException("label space " + name + " does not map to ImageNet-1k");
    }
    for (int c = 0; c < imagenet.length; c++) {
      for (int k : imagenet[c]) {
        if (k == imagenetIndex) {
          return c;
        }
      }
    }
    return -1;
  }

  /**
   * Turns 1000 ImageNet logits into a label of this space, following the policy.
   *
   * @param logits1k the model's {@code [1000]} logits (or probabilities) for one image
   * @param policy how to score (see {@link LabelPolicy})
   * @return the predicted label of this space, or -1 when the 1000-way prediction is none of its
   *     classes ({@link LabelPolicy#FULL_1000} and {@link LabelPolicy#MAP_ANY_OF} only)
   * @throws IllegalArgumentException when logits1k does not have 1000 entries
   */
  public int predict(float[] logits1k, LabelPolicy policy) {
    if (imagenet == null) {
      throw new IllegalStateException("label space " + name + " does not map to ImageNet-1k");
    }
    if (logits1k.length != 1000) {
      throw new IllegalArgumentException("expected 1000 ImageNet logits, got " + logits1k.length);
    }
    if (policy == LabelPolicy.MASK_TO_SUBSET) {
      int best = -1;
      float bestV = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < imagenet.length; c++) {
        for (int k : imagenet[c]) {
          if (best < 0 || logits1k[k] > bestV) {
            best = c;
            bestV = logits1k[k];
          }
        }
      }
      return best;
    }
    int arg = 0;
    for (int k = 1; k < 1000; k++) {
      if (logits1k[k] > logits1k[arg]) {
        arg = k;
      }
    }
    for (int c = 0; c < imagenet.length; c++) {
      for (int k : imagenet[c]) {
        if (k == arg) {
          return c;
        }
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    String head = "LabelSpace[" + name + ", " + classes.size() + " classes";
    if (imagenet != null) {
      head += ", maps to ImageNet-1k, policy " + policy;
    }
    return head + ", first " + classes.subList(0, Math.min(3, classes.size())) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSpace l && l.name.equals(name) && l.classes.equals(classes)
        && Arrays.deepEquals(l.imagenet, imagenet) && l.policy == policy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, classes);
  }
}
