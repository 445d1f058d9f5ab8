package dev.robusta.cli;

import dev.robusta.Datasets;
import dev.robusta.data.Dataset;
import dev.robusta.data.DatasetException;
import dev.robusta.data.SyntheticOod;
import dev.robusta.infer.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The ImageNet side of {@code eval --dataset}: local folders of ImageNet photos, and the ImageNet-C
 * protocol for corruptions generated from them.
 *
 * <ul>
 *   <li>{@code --dataset imagenet-folder=DIR} (or {@code imagenet-folder --root DIR}): any folder of ImageNet
 *       photos named or foldered by wnid ({@code <wnid>/<file>} or flat {@code <wnid>_<name>.JPEG}, the layout
 *       of the common sample collections), any subset of classes; labels are ImageNet-1k indices, scored
 *       over all 1000 logits ({@code FULL_1000}). Id {@code imagenet-folder/<folder name>}.
 *   <li>{@code --dataset imagenet-val --root DIR --partial} (or {@code imagenet-val=DIR --partial}): a partial
 *       local copy of the validation set, in either layout. Without {@code --partial} a folder of flat files
 *       is refused with a hint (the registry's imagenet-val is 50,000 images in {@code <wnid>/} folders).
 *   <li>{@code ID=DIR} for any other registered id: the same as {@code --dataset ID --root DIR}.
 * </ul>
 * Class lists come from {@code ROBUSTA_CLASS_LISTS} (a folder holding {@code imagenet1k_wnids.txt}) or
 * the dataset cache.
 */
final class ImageNetInputs {
  static final String FOLDER = "imagenet-folder";
  static final String VAL = "imagenet-val";

  private ImageNetInputs() {}

  /**
   * @param arg one {@code --dataset} entry: an id or {@code ID=DIR}
   * @param root {@code --root}, or null
   * @param partial {@code --partial}
   * @throws UsageException for a missing or mismatching folder (one line, with a hint)
   */
  static Dataset dataset(String arg, Path root, boolean partial) {
    String name = arg;
    Path dir = root;
    int eq = arg.indexOf('=');
    if (eq > 0) {
      name = arg.substring(0, eq).trim();
      dir = Path.of(arg.substring(eq + 1).trim()).toAbsolutePath().normalize();
    }
    if (name.equals(FOLDER)) {
      if (dir == null) {
        throw new UsageException("--dataset " + FOLDER + " needs a folder",
            "--dataset " + FOLDER + "=DIR (wnid folders or flat <wnid>_<name>.JPEG files), or --root DIR");
      }
      return folder(FOLDER, dir);
    }
    if (name.equals(VAL) && dir != null) {
      requireFolder(VAL, dir);
      boolean flat = flatFiles(dir);
      if (partial || flat) {
        if (!partial) {
          throw new UsageException(dir + " holds flat <wnid>_<name> files, not imagenet-val's 50,000 images in"
              + " <wnid>/ folders", "add --partial to evaluate it as a partial copy (or use --dataset "
              + FOLDER + "=" + dir + ")");
        }
        return folder(VAL, dir);
      }
    }
    return EvalCommand.load(name, dir, partial);
  }

  /** A wnid-named folder as a dataset with id {@code <prefix>/<folder name>}. */
  static Dataset folder(String prefix, Path dir) {
    requireFolder(prefix, dir);
    Dataset d;
    try {
      d = Datasets.imagenetFolder(dir);
    } catch (DatasetException e) {
      throw new UsageException(e.getMessage(), e.hint() != null ? e.hint()
          : "name the photos <wnid>_<name>.JPEG or sort them into <wnid>/ folders");
    }
    if (d.size() == 0) {
      throw new UsageException(dir + " holds no images", "pass the folder holding <wnid>/ folders or"
          + " <wnid>_<name>.JPEG files");
    }
    return new RenamedDataset(prefix + "/" + dir.getFileName(), d);
  }

  private static void requireFolder(String id, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UsageException(id + ": folder " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist"),
          "pass the folder holding the images (e.g. --dataset " + FOLDER + "=../shared/data/datasets/"
          + "imagenet-sample-images)");
    }
  }

  /** @return whether the folder holds image files directly and no sub-folders */
  private static boolean flatFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      boolean[] seen = new boolean[2];
      s.forEach(p -> {
        if (Files.isDirectory(p)) {
          seen[0] = true;
        } else if (p.getFileName().toString().matches("n\\d{8}_.*\\.(?i:jpe?g|png)")) {
          seen[1] = true;
        }
      });
      return seen[1] && !seen[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * What the model sees when ImageNet-C corruptions are generated from full-size photos.
   *
   * @param test the clean set as the corruptions will see it
   * @param preset the model preprocessing for every cell
   * @param ood applied to each OOD set (the same geometry, so every input has the model's size)
   * @param protocol one line for the report, or null when nothing changed
   */
  record Prepared(Dataset test, Preset preset, UnaryOperator<Dataset> ood, String protocol) {}

  /**
   * The ImageNet-C protocol ({@code make_imagenet_c.py}): the corruption is applied to the
   * {@code Resize(256) + CenterCrop(224)} crop, and the model then sees that 224x224 picture normalised, with no
   * second resize. So with {@code --corruptions imagenet-c} and the {@code imagenet} preset the clean set is
   * replaced by its crop and every cell is evaluated with {@link Preset#IMAGENET_C_RELEASED} (same mean/std,
   * no resize): clean logits are those of the {@code imagenet} preset on the photos. Otherwise nothing changes.
   *
   * @param corruptions the {@code --corruptions} preset, or null
   */
  static Prepared forCorruptions(Dataset test, Preset preset, dev.robusta.corrupt.Preset corruptions) {
    if (corruptions != dev.robusta.corrupt.Preset.IMAGENET_C || !preset.equals(Preset.IMAGENET)) {
      return new Prepared(test, preset, d -> d, null);
    }
    return new Prepared(new CroppedDataset(test, Preset.IMAGENET), Preset.IMAGENET_C_RELEASED,
        d -> d instanceof SyntheticOod ? d : new CroppedDataset(d, Preset.IMAGENET),
        "ImageNet-C protocol (make_imagenet_c.py): each photo is resized (shorter side 256, Pillow bilinear) and"
        + " center-cropped to 224 first, the corruption is applied to that crop, and the model sees the crop"
        + " normalised with no second resize; generated in memory as uint8 (no JPEG q85 re-encoding as in the"
        + " released files)");
  }
}
