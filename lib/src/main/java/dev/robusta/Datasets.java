package dev.robusta;

import dev.robusta.data.ClassListsAccess;
import dev.robusta.data.Dataset;
import dev.robusta.data.LabelSpace;
import dev.robusta.data.Loader;
import dev.robusta.data.Registry;
import dev.robusta.data.SequenceDataset;
import dev.robusta.data.RegistryEntry;
import dev.robusta.data.Split;
import dev.robusta.data.SyntheticOod;
import java.nio.file.Path;

/**
 * One-line access to every registered benchmark ({@code datasets.yaml}).
 *
 * <pre>{@code
 * Dataset fm   = Datasets.load("fashion-mnist");                         // Debian's copy, test split
 * Dataset c10  = Datasets.load("cifar10", Path.of("cifar10-test-jpeg"));  // a local copy
 * Dataset fog3 = Datasets.imagenetC("fog", 3);                            // cache, or download
 * Dataset a    = Datasets.load("imagenet-a", Path.of("/data/imagenet-a")); // labels 0..199, 1k mapping
 * Dataset g    = Datasets.gaussian(2000, 0);                              // Outlier Exposure noise
 * }</pre>
 *
 * <p>Without a root, data comes from a system copy (Debian's Fashion-MNIST), the cache
 * ({@code $ROBUSTA_DATA} or {@code ~/.cache/robusta}), or a verified download; with no network a
 * download fails at once naming the dataset, its URL and how to place a local copy. Every method
 * throws {@link dev.robusta.data.DatasetException} (with a hint) for bad ids, missing or
 * mismatching data.
 */
public final class Datasets {
  private Datasets() {}

  /** @return the built-in registry (every dataset and resource with URLs, checksums, layouts) */
  public static Registry registry() { return Registry.builtin(); }

  /** @return the registry entry of a dataset (its toString prints citation, licence, layout, files) */
  public static RegistryEntry info(String id) { return Registry.builtin().dataset(id); }

  /** Loads the test split of a dataset (or {@code <id>/<corruption>/<severity>} cell). */
  public static Dataset load(String id) { return Loader.defaults().load(id, Split.TEST, null); }

  /** Loads the test split from a local copy (the dataset's folder or the folder containing it). */
  public static Dataset load(String id, Path root) { return Loader.defaults().load(id, Split.TEST, root); }

  /** Loads a split. */
  public static Dataset load(String id, Split split) { return Loader.defaults().load(id, split, null); }

  /** Loads a split from a local copy. */
  public static Dataset load(String id, Split split, Path root) { return Loader.defaults().load(id, split, root); }

  /** Like {@link #load(String, Path)} but accepts a copy with fewer images than the registry lists. */
  public static Dataset loadPartial(String id, Path root) { return Loader.defaults().partial().load(id, Split.TEST, root); }

  /** ImageNet-C cell: 50,000 224x224 JPEGs, never resize or crop them again. */
  public static Dataset imagenetC(String corruption, int severity) {
    return Loader.defaults().corruption("imagenet-c", corruption, severity, null);
  }

  /** ImageNet-C cell from a local copy ({@code <root>/<corruption>/<severity>/<wnid>/}). */
  public static Dataset imagenetC(String corruption, int severity, Path root) {
    return Loader.defaults().corruption("imagenet-c", corruption, severity, root);
  }

  /** CIFAR-10-C cell: rows of {@code <corruption>.npy} for the severity, labels from {@code labels.npy}. */
  public static Dataset cifar10C(String corruption, int severity) {
    return Loader.defaults().corruption("cifar10-c", corruption, severity, null);
  }

  /** CIFAR-10-C cell from a local copy. */
  public static Dataset cifar10C(String corruption, int severity, Path root) {
    return Loader.defaults().corruption("cifar10-c", corruption, severity, root);
  }

  /** CIFAR-100-C cell. */
  public static Dataset cifar100C(String corruption, int severity) {
    return Loader.defaults().corruption("cifar100-c", corruption, severity, null);
  }

  /** CIFAR-100-C cell from a local copy. */
  public static Dataset cifar100C(String corruption, int severity, Path root) {
    return Loader.defaults().corruption("cifar100-c", corruption, severity, root);
  }

  /** Tiny-ImageNet-C cell from a local copy (labels: Tiny-ImageNet's own 200 sorted wnids). */
  public static Dataset tinyImagenetC(String corruption, int severity, Path root) {
    return Loader.defaults().corruption("tiny-imagenet-c", corruption, severity, root);
  }

  /** ImageNet-P sequences ({@code .mp4} decoded with FFmpeg) of one perturbation, from a local copy. */
  public static SequenceDataset imagenetP(String perturbation, Path root) {
    return Loader.defaults().sequences("imagenet-p", perturbation, root);
  }

  /** CIFAR-10-P sequences of one perturbation ({@code <root>/<perturbation>.npy}). */
  public static SequenceDataset cifar10P(String perturbation, Path root) {
    return Loader.defaults().sequences("cifar10-p", perturbation, root);
  }

  /** ImageNet photos foldered ({@code <wnid>/}) or named ({@code <wnid>_x.JPEG}) by wnid, any classes. */
  public static Dataset imagenetFolder(Path dir) { return Loader.defaults().imagenetFolder(dir); }

  /** @return the ImageNet-1k label space (wnids in index order) */
  public static LabelSpace imagenet1k() { return Loader.defaults().imagenet1k(); }

  /**
   * A registry resource's folder (e.g. {@code imagenet-c-frost}: frost1.png .. frost6.jpg), verified
   * against the registry's sha256; downloaded into the cache on first use when {@code localCopy} is null.
   */
  public static Path resource(String id, Path localCopy) { return Loader.defaults().resource(id, localCopy); }

  /** Reads class lists (imagenet1k_wnids.txt, imagenet_a_wnids.txt...) from this folder instead of the cache. */
  public static void useClassLists(Path dir) { ClassListsAccess.useFolder(dir); }

  /** OE Gaussian noise, 32x32x3 (see {@link SyntheticOod}). */
  public static SyntheticOod gaussian(int size, long seed) {
    return new SyntheticOod(SyntheticOod.Kind.GAUSSIAN, size, 32, 32, 3, seed);
  }

  /** OE Rademacher noise, 32x32x3. */
  public static SyntheticOod rademacher(int size, long seed) {
    return new SyntheticOod(SyntheticOod.Kind.RADEMACHER, size, 32, 32, 3, seed);
  }

  /** OE Blobs, 32x32x3. */
  public static SyntheticOod blobs(int size, long seed) {
    return new SyntheticOod(SyntheticOod.Kind.BLOBS, size, 32, 32, 3, seed);
  }

  /** OE uniform noise U(-1, 1), 32x32x3. */
  public static SyntheticOod uniform(int size, long seed) {
    return new SyntheticOod(SyntheticOod.Kind.UNIFORM, size, 32, 32, 3, seed);
  }

  /** Any synthetic OOD set of any shape. */
  public static SyntheticOod synthetic(SyntheticOod.Kind kind, int size, int height, int width, int channels, long seed) {
    return new SyntheticOod(kind, size, height, width, channels, seed);
  }

  /**
   * A corruption benchmark generated from any dataset, e.g. {@code Datasets.corrupted(Datasets.load("cifar10"),
   * Preset.CIFAR_C)}: the 15 benchmark corruptions x severities 1..5 as lazy cells (protocol
   * {@code IN_MEMORY}, seed 0). Same as {@link Corruptions#corrupted(Dataset, dev.robusta.corrupt.Preset)}.
   */
  public static dev.robusta.corrupt.CorruptedBenchmark corrupted(Dataset clean, dev.robusta.corrupt.Preset preset) {
    return Corruptions.corrupted(clean, preset);
  }
}
