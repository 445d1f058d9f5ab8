package dev.robusta.train;

import dev.robusta.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * The demo's classifier: {@link SmallCnn} trained on the 60,000 Fashion-MNIST training images with the
 * default {@link TrainConfig} (3 epochs, batch 128, Adam 2e-3 with cosine decay, one CPU thread, seed
 * {@link TrainConfig#DEFAULT_SEED}); about 90.4% test accuracy. The weights are cached under
 * {@code <cache>/models/fashion-mnist-cnn-v1-<config hash>/} ({@code cnn-0000.params} and
 * {@code model.properties} with the test accuracy, seed and configuration); the folder is built in a
 * temporary sibling and renamed into place, so an interrupted run leaves nothing under the final name. A
 * cached file that cannot be read is deleted and the model retrained.
 */
public final class FashionMnistCnn {
  /** Name prefix of the parameter file. */
  public static final String NAME = "cnn";

  private FashionMnistCnn() {}

  /** @return the configuration the demo model is trained with */
  public static TrainConfig defaultConfig() {
    return TrainConfig.builder().epochs(3).batchSize(128).learningRate(2e-3).cosineSchedule(true)
        .seed(TrainConfig.DEFAULT_SEED).threads(1).build();
  }

  /** @return the cache folder of a configuration under a cache root ({@code .../models}) */
  public static Path cacheDir(Path modelsRoot, TrainConfig config) {
    // the pre-fine-tuning toString (objective without the rotation note), so existing caches stay valid
    String key = SmallCnn.VERSION + "|" + config.describe(config.objective(false));
    return modelsRoot.resolve(String.format(Locale.ROOT, "fashion-mnist-%s-%08x", SmallCnn.VERSION, key.hashCode()));
  }

  /**
   * Loads the cached model, or trains and caches it.
   *
   * @param train the Fashion-MNIST training split (60,000 images, labels 0..9)
   * @param test the test split (10,000), used to record the test accuracy
   * @param modelsRoot cache folder, e.g. {@code ~/.cache/robusta/models}; null for the default
   *     ({@code $ROBUSTA_DATA/models}, else {@code ~/.cache/robusta/models})
   * @param config the configuration ({@link #defaultConfig()} for the demo)
   * @return the model with its recorded test accuracy
   */
  public static Cached obtain(Dataset train, Dataset test, Path modelsRoot, TrainConfig config) {
    Path root = modelsRoot != null ? modelsRoot : ModelCache.root();
    Path dir = cacheDir(root, config);
    if (Files.isDirectory(dir)) {
      try {
        Properties p = readProperties(dir);
        TrainedModel m = TrainedModel.load(dir, NAME, SmallCnn.network(10, false), InputSpec.FASHION_MNIST);
        return new Cached(m, dir, Double.parseDouble(p.getProperty("testAccuracy")), false,
            Double.parseDouble(p.getProperty("trainSeconds")));
      } catch (RuntimeException e) {
        System.err.println("robusta: the cached model in " + dir + " is unreadable (" + e
            + "); deleting it and training again");
        deleteQuietly(dir);
      }
    }
    TrainedModel m = ClassifierTrainer.train(SmallCnn.network(10, false), InputSpec.FASHION_MNIST, train, config);
    try {
      double acc = m.accuracy(test);
      Files.createDirectories(root);
      Path tmp = Files.createTempDirectory(root, ".tmp-fashion-mnist-");
      try {
        m.save(tmp, NAME);
        Properties p = new Properties();
        p.setProperty("testAccuracy", Double.toString(acc));
        p.setProperty("trainSeconds", Double.toString(m.trainResult().seconds()));
        p.setProperty("seed", Long.toString(config.seed()));
        p.setProperty("config", config.describe(config.objective(false)));
        p.setProperty("architecture", SmallCnn.VERSION);
        p.setProperty("parameterDigest", m.parameterDigest());
        try (OutputStream o = Files.newOutputStream(tmp.resolve("model.properties"))) {
          p.store(o, "Robusta Fashion-MNIST CNN");
        }
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
          // another process cached the same model meanwhile: keep theirs
        }
      } finally {
        deleteQuietly(tmp);
      }
      return new Cached(m, dir, acc, true, m.trainResult().seconds());
    } catch (IOException e) {
      m.close();
      throw new UncheckedIOException("cannot write the model cache under " + root
          + " (set ROBUSTA_DATA to a writable folder)", e);
    }
  }

  private static Properties readProperties(Path dir) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve("model.properties"))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (p.getProperty("testAccuracy") == null || p.getProperty("trainSeconds") == null) {
      throw new IllegalStateException("model.properties lacks testAccuracy/trainSeconds");
    }
    return p;
  }

  private static void deleteQuietly(Path p) {
    try {
      Checkpoints.deleteTree(p);
    } catch (IOException ignored) {
      // best effort: a leftover temporary folder is never read
    }
  }

  /**
   * The model and where it came from.
   *
   * @param model the classifier (close it)
   * @param dir its cache folder
   * @param testAccuracy top-1 accuracy on the 10,000 test images, 0..1, measured right after training
   * @param trainedNow whether this call trained it (false: read from the cache)
   * @param trainSeconds wall time of the training loop when it was trained
   */
  public record Cached(TrainedModel model, Path dir, double testAccuracy, boolean trainedNow, double trainSeconds)
      implements AutoCloseable {
    @Override
    public void close() {
      model.close();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "Fashion-MNIST CNN (%s): test accuracy %.2f%%, %s in %.1f s, cached in %s",
          SmallCnn.VERSION, 100 * testAccuracy, trainedNow ? "trained now" : "trained earlier", trainSeconds, dir);
    }
  }
}
