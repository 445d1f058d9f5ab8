package dev.robusta.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a registry id (and optionally a local copy) into a {@link Dataset}: finds the data (local
 * copy, system package, cache, or download), builds the label space, picks the reader for the
 * entry's layout and validates the copy against the registry. The one-liners of
 * {@code dev.robusta.Datasets} call this.
 *
 * <p>Ids may name a corruption cell directly: {@code imagenet-c/fog/3}, {@code cifar10-c/gaussian_noise/5}.
 * With {@code strictCounts} (the default) a copy whose image count differs from the registry's is an
 * error; {@link #partial()} accepts subsets (small test trees, partial downloads) but still checks
 * class folders.
 */
public final class Loader {
  private static final Pattern CELL = Pattern.compile("([a-z0-9.\\-]+)/([a-z_]+)/([0-9]+)");

  private final Registry registry;
  private final Store store;
  private final ImageDecoder decoder;
  private final boolean strictCounts;

  /**
   * @param registry the registry
   * @param store the cache used when no local copy is given
   * @param decoder how images are decoded
   * @param strictCounts whether image counts must equal the registry's
   */
  public Loader(Registry registry, Store store, ImageDecoder decoder, boolean strictCounts) {
    this.registry = Objects.requireNonNull(registry);
    this.store = Objects.requireNonNull(store);
    this.decoder = Objects.requireNonNull(decoder);
    this.strictCounts = strictCounts;
  }

  /** @return the built-in registry, the default store, RGB decoding, strict counts */
  public static Loader defaults() {
    return new Loader(Registry.builtin(), Store.defaultStore(), ImageDecoder.DEFAULT, true);
  }

  /** @return this loader accepting copies with fewer images than the registry lists */
  public Loader partial() {
    return new Loader(registry, store, decoder, false);
  }

  /** @return this loader with another decoder (e.g. keep greyscale as 1 channel) */
  public Loader withDecoder(ImageDecoder d) {
    return new Loader(registry, store, d, strictCounts);
  }

  /** @return the registry */
  public Registry registry() { return registry; }

  /** @return the store */
  public Store store() { return store; }

  /**
   * Loads a dataset.
   *
   * @param id a registry id, or {@code <id>/<corruption>/<severity>} for corruption sets
   * @param split which split
   * @param root a local copy (the dataset's folder or the folder containing it), or null to use
   *     system copies / the cache / a download
   * @throws DatasetException for unknown ids, missing data, layout mismatches, or sets without reader
   */
  public Dataset load(String id, Split split, Path root) {
    Matcher m = CELL.matcher(id);
    if (m.matches()) {
      return corruption(m.group(1), m.group(2), Integer.parseInt(m.group(3)), root);
    }
    RegistryEntry e = registry.dataset(id);
    if (!e.images().isEmpty() && !e.images().containsKey(split.key()) && !"synthetic".equals(e.layout())) {
      throw new DatasetException(id + " has no " + split.key() + " split", "splits: " + e.images().keySet());
    }
    Dataset d = switch (e.layout()) {
      case "idx" -> idx(e, split, root);
      case "cifar-binary" -> cifar(e, split, root);
      case "wnid-folders", "class-folders" -> {
        Path dir = dataDir(e, root);
        yield FolderScanner.byClassFolders(e.id(), dir, labelSpace(e, dir), expected(e.classes()), Map.of(), decoder);
      }
      case "integer-folders" -> FolderScanner.byIntegerFolders(e.id(), dataDir(e, root), imagenet1k(), decoder);
      case "tiny-imagenet" -> split == Split.TRAIN
          ? TinyImagenetReader.train(e.id(), dataDir(e, root), decoder)
          : TinyImagenetReader.validation(e.id(), dataDir(e, root), decoder);
      case "unlabelled-images" -> FolderScanner.unlabelled(e.id(), dataDir(e, root), decoder);
      case "svhn-mat" -> {
        Path dir = dataDir(e, root);
        Path f = Files.isRegularFile(dir) ? dir : dir.resolve(split == Split.TRAIN ? "train_32x32.mat" : "test_32x32.mat");
        yield new SvhnDataset(e.id() + "/" + split.key(), f, labelSpace(e, dir));
      }
      case "synthetic" -> new SyntheticOod(SyntheticOod.Kind.valueOf(e.id().toUpperCase(java.util.Locale.ROOT)),
          2000, 32, 32, 3, 1);
      case "corruption-folders", "cifar-c-npy" -> throw new DatasetException(id + " is a corruption set: name a cell",
          "e.g. Datasets.load(\"" + id + "/" + e.corruptions().get(0) + "/3\") or Datasets.imagenetC(corruption, severity)");
      case "video-folders", "cifar-p-npy" -> throw new DatasetException(id + " holds perturbation sequences, not images",
          "use Datasets.imagenetP(perturbation, root) / Datasets.cifar10P(perturbation, root) for the sequences");
      default -> throw new DatasetException(id + " is registered but Robusta has no reader for it yet"
          + (e.notes() != null ? " (" + e.notes() + ")" : ""),
          e.manual() != null ? e.manual() : "see ./robusta datasets info " + id);
    };
    checkCount(e, d, e.expectedImages(split));
    return d;
  }

  /**
   * One (corruption, severity) cell of a corruption set.
   *
   * @throws DatasetException when the corruption or severity is not in the registry, or the cell's
   *     layout differs from it (e.g. 1000 class folders where 200 are expected)
   */
  public Dataset corruption(String id, String corruption, int severity, Path root) {
    RegistryEntry e = registry.dataset(id);
    if (!e.hasCorruption(corruption)) {
      throw new DatasetException(id + " has no corruption '" + corruption + "'",
          "corruptions: " + e.corruptions() + (e.extraCorruptions().isEmpty() ? "" : ", extra: " + e.extraCorruptions()));
    }
    int sev = e.severities() == null ? 0 : e.severities();
    if (severity < 1 || severity > sev) {
      throw new DatasetException(id + ": severity " + severity + " is outside 1.." + sev, "pick a severity 1.." + sev);
    }
    String cellId = id + "/" + corruption + "/" + severity;
    Path dir = dataDir(e, root);
    Dataset d;
    if ("cifar-c-npy".equals(e.layout())) {
      d = new CifarCDataset(cellId, dir, corruption, severity, e.imagesPerCell(), labelSpace(e, dir));
    } else if ("corruption-folders".equals(e.layout())) {
      Path cell = dir.resolve(corruption).resolve(Integer.toString(severity));
      FolderScanner.requireDir(cellId, cell);
      LabelSpace space = Boolean.TRUE.equals(e.labels().fromFolders())
          ? LabelSpace.of(e.labels().space(), FolderScanner.subdirs(cell).stream().map(p -> p.getFileName().toString()).toList())
          : labelSpace(e, dir);
      d = FolderScanner.byClassFolders(cellId, cell, space, expected(e.classes()),
          Map.of("corruption", corruption, "severity", Integer.toString(severity)), decoder);
    } else {
      throw new DatasetException(id + " is not a corruption set (layout " + e.layout() + ")", "use Datasets.load(id)");
    }
    checkCount(e, d, e.imagesPerCell() == null ? -1 : e.imagesPerCell());
    return d;
  }

  /**
   * Perturbation sequences of ImageNet-P ({@code <root>/<perturbation>/<wnid>/*.mp4}) or CIFAR-10-P
   * ({@code <root>/<perturbation>.npy}).
   *
   * @param id {@code imagenet-p} or {@code cifar10-p}
   * @param perturbation e.g. {@code gaussian_noise}, or a difficulty folder such as {@code gaussian_noise_2}
   * @throws DatasetException when the perturbation is not registered or the layout differs
   */
  public SequenceDataset sequences(String id, String perturbation, Path root) {
    RegistryEntry e = registry.dataset(id);
    String base = perturbation.replaceAll("_[23]$", "");
    if (!e.hasCorruption(base)) {
      throw new DatasetException(id + " has no perturbation '" + perturbation + "'",
          "perturbations: " + e.corruptions() + ", extra: " + e.extraCorruptions());
    }
    Path dir = dataDir(e, root);
    String seqId = id + "/" + perturbation;
    return switch (e.layout()) {
      case "video-folders" -> {
        Path p = dir.resolve(perturbation);
        FolderScanner.requireDir(seqId, p);
        yield new VideoSequences(seqId, p, labelSpace(e, dir), expected(e.classes()));
      }
      case "cifar-p-npy" -> new CifarPSequences(seqId, dir.resolve(perturbation + ".npy"));
      default -> throw new DatasetException(id + " holds no perturbation sequences", "use Datasets.load(id)");
    };
  }

  /**
   * ImageNet images named or foldered by wnid, any subset of classes: {@code <wnid>/<file>} folders or
   * flat {@code <wnid>_<anything>.JPEG} files (the layout of common sample collections). Labels are
   * ImageNet-1k indices.
   */
  public Dataset imagenetFolder(Path dir) {
    FolderScanner.requireDir("imagenet", dir);
    LabelSpace in1k = imagenet1k();
    List<String> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path sub : FolderScanner.subdirs(dir)) {
      int l = in1k.indexOf(sub.getFileName().toString());
      if (l < 0) {
        throw new LayoutMismatchException("folder '" + sub.getFileName() + "' in " + dir + " is not an ImageNet-1k wnid",
            "remove it or load the folder with the right dataset id");
      }
      for (Path f : FolderScanner.images(sub)) {
        files.add(sub.getFileName() + "/" + f.getFileName());
        labels.add(l);
      }
    }
    for (Path f : FolderScanner.images(dir)) {
      String n = f.getFileName().toString();
      int us = n.indexOf('_');
      int l = us > 0 ? in1k.indexOf(n.substring(0, us)) : -1;
      if (l < 0) {
        throw new LayoutMismatchException("file '" + n + "' in " + dir + " does not start with an ImageNet-1k wnid",
            "name flat files <wnid>_<name>.JPEG or sort them into <wnid>/ folders");
      }
      files.add(n);
      labels.add(l);
    }
    return new FileListDataset("imagenet-folder", dir, files.toArray(String[]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(), in1k, Map.of(), decoder, "wnid folders or <wnid>_ files");
  }

  /**
   * A registry resource's files (class lists, the ImageNet-C frost textures): a local copy checked
   * against the registry's checksums, else the cache (downloaded with verification on first use).
   *
   * @param id a resource id, e.g. {@code imagenet-c-frost}
   * @param localCopy a folder holding the resource's files, or null
   * @return the folder holding every file of the resource
   * @throws ChecksumMismatchException when a local file differs from the registry
   */
  public Path resource(String id, Path localCopy) {
    RegistryEntry r = registry.resource(id);
    if (localCopy != null) {
      for (ArchiveSpec a : r.archives()) {
        Path f = localCopy.resolve(a.file());
        if (!Files.isRegularFile(f)) {
          throw new DatasetException(id + ": " + f + " is missing", "the folder must hold " + r.archives().stream()
              .map(ArchiveSpec::file).toList());
        }
        Checksums.verify(f, a, f.toString());
      }
      return localCopy;
    }
    return store.prepare(r);
  }

  /** @return the ImageNet-1k label space (class list resource {@code imagenet1k-wnids}) */
  public LabelSpace imagenet1k() {
    return LabelSpace.imagenet1k(ClassLists.lines(registry, "imagenet1k-wnids", store));
  }

  /**
   * @param e a registry entry
   * @param dataDir its data folder (for label spaces read from the data), or null
   * @return the entry's label space, or null for unlabelled sets
   */
  public LabelSpace labelSpace(RegistryEntry e, Path dataDir) {
    LabelSpec l = e.labels();
    if (l == null || l.space() == null) {
      return null;
    }
    if (l.classes() != null) {
      return LabelSpace.of(l.space(), l.classes());
    }
    if (l.list() != null) {
      if (l.list().equals("imagenet1k-wnids")) {
        return imagenet1k();
      }
      List<String> wnids = ClassLists.lines(registry, l.list(), store);
      LabelPolicy p = l.policy() == null ? LabelPolicy.MASK_TO_SUBSET : LabelPolicy.valueOf(l.policy());
      return LabelSpace.imagenetSubset(l.space(), wnids, imagenet1k(), p);
    }
    if (Boolean.TRUE.equals(l.fromFolders()) && dataDir != null) {
      return LabelSpace.of(l.space(), FolderScanner.subdirs(dataDir).stream().map(p -> p.getFileName().toString()).toList());
    }
    if (l.fromFile() != null && dataDir != null) {
      return TinyImagenetReader.labelSpace(e.id(), dataDir);
    }
    throw new DatasetException(e.id() + ": the registry does not say how to build its label space", "fix datasets.yaml");
  }

  /** @return the folder holding the entry's data: root (or root/folder), a system copy, or the cache */
  Path dataDir(RegistryEntry e, Path root) {
    Path base = root;
    if (base == null) {
      for (String c : e.localCopies()) {
        if (Files.isDirectory(Path.of(c))) {
          base = Path.of(c);
          break;
        }
      }
    }
    if (base == null) {
      base = store.prepare(e);
    }
    if (!Files.isDirectory(base)) {
      throw new DatasetException(e.id() + ": " + base + " is not a folder",
          "pass the folder of the extracted dataset (./robusta datasets info " + e.id() + " shows its layout)");
    }
    if (e.folder() != null && Files.isDirectory(base.resolve(e.folder()))) {
      return base.resolve(e.folder());
    }
    return base;
  }

  private Dataset idx(RegistryEntry e, Split split, Path root) {
    Path dir = dataDir(e, root);
    String prefix = split == Split.TRAIN ? "train" : "t10k";
    Path images = pick(dir, prefix + "-images-idx3-ubyte");
    Path labels = pick(dir, prefix + "-labels-idx1-ubyte");
    return IdxDataset.read(e.id() + (split == Split.TRAIN ? "/train" : "/test"), images, labels, labelSpace(e, dir));
  }

  private static Path pick(Path dir, String stem) {
    Path gz = dir.resolve(stem + ".gz");
    return Files.exists(gz) ? gz : dir.resolve(stem);
  }

  private Dataset cifar(RegistryEntry e, Split split, Path root) {
    Path dir = dataDir(e, root);
    LabelSpace space = labelSpace(e, dir);
    Path folderForm = dir.resolve(split.key());
    if (Files.isDirectory(folderForm)) {
      return FolderScanner.byClassFolders(e.id() + "/" + split.key(), folderForm, space, space.size(), Map.of(), decoder);
    }
    List<Path> files = new ArrayList<>();
    int labelBytes = e.id().startsWith("cifar100") ? 2 : 1;
    if (labelBytes == 2) {
      files.add(dir.resolve(split == Split.TRAIN ? "train.bin" : "test.bin"));
    } else if (split == Split.TRAIN) {
      for (int i = 1; i <= 5; i++) {
        files.add(dir.resolve("data_batch_" + i + ".bin"));
      }
    } else {
      files.add(dir.resolve("test_batch.bin"));
    }
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new LayoutMismatchException(e.id() + ": " + f + " is missing",
            "pass the cifar-10-batches-bin / cifar-100-binary folder, or an image-folder copy with "
                + split.key() + "/<class>/ folders");
      }
    }
    return new CifarBinaryDataset(e.id() + "/" + split.key(), files, labelBytes, space);
  }

  private void checkCount(RegistryEntry e, Dataset d, int expected) {
    if (strictCounts && expected >= 0 && d.size() != expected) {
      throw new LayoutMismatchException(d.id() + ": found " + d.size() + " images where the registry lists "
          + expected, "complete or re-extract the copy, or load it with Datasets.loadPartial(...) to accept a subset");
    }
  }

  private static int expected(Integer n) {
    return n == null ? -1 : n;
  }

  /** @return the image files under a folder (recursive count), for verification */
  static long countImages(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(FolderScanner::isImageName).count();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  @Override
  public String toString() {
    return "Loader[" + registry + ", " + store + ", " + decoder + (strictCounts ? "" : ", partial copies allowed") + "]";
  }
}
