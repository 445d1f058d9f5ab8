package dev.robusta.cli;

import dev.robusta.Datasets;
import dev.robusta.data.Dataset;
import dev.robusta.data.DatasetException;
import dev.robusta.data.Split;
import dev.robusta.data.SyntheticOod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One {@code --ood} item of {@code ./robusta eval}, in this order:
 * <ol>
 *   <li>a synthetic Outlier Exposure set ({@code gaussian}, {@code rademacher}, {@code blobs}, {@code uniform}):
 *       one fifth of the ID test set's size, the ID images' size and channels, seed {@code seed + kind};
 *   <li>{@code ID=DIR} with a registered id: a local copy of that set, read as a partial copy (a sample of it);
 *   <li>{@code ID} with a registered id: the registry's copy (downloaded or under {@code ROBUSTA_DATA});
 *   <li>{@code NAME=DIR} with a name that is not registered, or {@code DIR}: any folder of images, unlabelled
 *       ({@link ImageFolderOod}), named {@code NAME} or the folder's name.
 * </ol>
 * A registered set that cannot be loaded keeps its own message and hint (e.g. "set ROBUSTA_CLASS_LISTS").
 */
final class OodArgument {
  static final List<String> SYNTHETIC = List.of("gaussian", "rademacher", "blobs", "uniform");

  private OodArgument() {}

  /**
   * @param arg the item as typed
   * @param test the in-distribution test set (synthetic sets take its size and image shape)
   * @param seed the run's seed
   * @throws UsageException naming the item, with the loader's hint, when it cannot be resolved
   */
  static Dataset resolve(String arg, Dataset test, long seed) {
    int i = SYNTHETIC.indexOf(arg.toLowerCase(Locale.ROOT));
    if (i >= 0) {
      var img = test.get(0).image();
      return new SyntheticOod(SyntheticOod.Kind.values()[i], Math.max(1, test.size() / 5), img.height(), img.width(),
          img.channels(), seed + i);
    }
    String name = arg;
    Path dir = null;
    int eq = arg.indexOf('=');
    if (eq > 0) {
      name = arg.substring(0, eq);
      dir = Path.of(arg.substring(eq + 1)).toAbsolutePath().normalize();
    }
    boolean registered = Datasets.registry().find(name) != null;
    try {
      if (registered) {
        // a local copy of an OOD set may be a sample of it (e.g. 1,000 Tiny-ImageNet images): loaded as partial
        return dir != null ? Datasets.loadPartial(name, dir) : Datasets.load(name, Split.TEST);
      }
      if (dir == null && Files.isDirectory(Path.of(arg))) {
        dir = Path.of(arg).toAbsolutePath().normalize();
        name = dir.getFileName().toString();
      }
      if (dir == null) {
        throw new UsageException("OOD set '" + arg + "' is neither a synthetic set, a registered id nor a folder",
            "synthetic sets: " + SYNTHETIC + "; registered ids: ./robusta datasets list; any folder of images:"
                + " --ood DIR or --ood NAME=DIR");
      }
      return ImageFolderOod.scan(name, dir);
    } catch (DatasetException e) {
      throw new UsageException("OOD set '" + arg + "': " + e.getMessage(), e.hint() != null ? e.hint()
          : "synthetic sets: " + SYNTHETIC + "; registered ids: ./robusta datasets list");
    }
  }
}
