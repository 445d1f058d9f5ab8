package dev.robusta.corrupt;

import dev.robusta.data.Registry;
import dev.robusta.data.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The six frost textures of hendrycks/robustness ({@code frost1.png} .. {@code frost6.jpg}, Apache-2.0,
 * shipped byte-identically by imagecorruptions), read from a folder and decoded once per folder with
 * OpenCV {@code imread(IMREAD_COLOR)} like the references ({@code cv2.imread}: alpha dropped without
 * compositing, BGR order). Resized variants are cached too, so a dataset sweep decodes and resizes
 * each texture once.
 *
 * <p>The textures are a registry resource ({@code imagenet-c-frost} in {@code datasets.yaml}), never
 * shipped in the repository. Folder resolution for the registered {@code frost}: the system property
 * {@code robusta.frost.dir}, else the environment variable {@code ROBUSTA_FROST_DIR}, else the
 * download store ({@link Store#defaultStore()}: the cached copy, or a download checked against the
 * registry's SHA-256 sums); or pass the folder to {@link Frost#Frost(Path)}.
 */
final class FrostTextures {
  /** File names in the references' order; index 5 ({@code frost6.jpg}) is never drawn by randint(5). */
  static final String[] FILES = {"frost1.png", "frost2.png", "frost3.png", "frost4.jpg", "frost5.jpg", "frost6.jpg"};
  /** System property naming the texture folder. */
  static final String PROPERTY = "robusta.frost.dir";
  /** Environment variable naming the texture folder. */
  static final String ENV = "ROBUSTA_FROST_DIR";
  /** The registry resource holding the textures. */
  static final String RESOURCE = "imagenet-c-frost";

  private static final Map<String, Texture> CACHE = new ConcurrentHashMap<>();

  /** A decoded texture: BGR bytes, row-major. */
  record Texture(int rows, int cols, byte[] bgr) {}

  private FrostTextures() {}

  /**
   * @return the folder named by {@value #PROPERTY} or {@value #ENV}, else the store's copy
   * @throws IllegalStateException when neither is set and the store cannot provide the resource
   */
  static Path defaultFolder() {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      dir = System.getenv(ENV);
    }
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    try {
      return Store.defaultStore().prepare(Registry.builtin().resource(RESOURCE));
    } catch (RuntimeException e) {
      throw new IllegalStateException("frost needs the six frost textures of hendrycks/robustness"
          + " (frost1.png .. frost6.jpg, registry resource " + RESOURCE + "), and the download store could"
          + " not provide them (" + e.getMessage() + "); set -D" + PROPERTY + "=<folder> or " + ENV
          + "=<folder>, or build the corruption with new Frost(folder)", e);
    }
  }

  /**
   * @param index 0..5
   * @param scale 1 for the texture as decoded, else the OpenCV {@code resize(fx=fy=scale)} factor
   * @param interpolation an OpenCV {@code INTER_*} flag
   */
  static Texture get(Path folder, int index, double fx, int dstCols, int dstRows, int interpolation) {
    String key = folder.toAbsolutePath() + "#" + index + "#" + fx + "#" + dstCols + "x" + dstRows + "#" + interpolation;
    Texture t = CACHE.get(key);
    if (t != null) {
      return t;
    }
    Texture original = original(folder, index);
    if (fx == 1 && dstCols == 0) {
      return original;
    }
    Mat src = new Mat(original.rows(), original.cols(), org.opencv.core.CvType.CV_8UC3);
    src.put(0, 0, original.bgr());
    Mat dst = new Mat();
    if (dstCols > 0) {
      Imgproc.resize(src, dst, new Size(dstCols, dstRows), 0, 0, interpolation);
    } else {
      Imgproc.resize(src, dst, new Size(0, 0), fx, fx, interpolation);
    }
    Texture out = toTexture(dst);
    src.release();
    dst.release();
    CACHE.put(key, out);
    return out;
  }

  static Texture original(Path folder, int index) {
    String key = folder.toAbsolutePath() + "#" + index;
    return CACHE.computeIfAbsent(key, k -> {
      Path file = folder.resolve(FILES[index]);
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException("frost texture " + file + " is missing; the folder must hold "
            + String.join(", ", FILES) + " from hendrycks/robustness ImageNet-C/create_c/");
      }
      OpenCv.load();
      Mat m = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
      if (m.empty()) {
        throw new IllegalStateException("OpenCV could not decode frost texture " + file);
      }
      Texture t = toTexture(m);
      m.release();
      return t;
    });
  }

  private static Texture toTexture(Mat m) {
    byte[] b = new byte[(int) (m.total() * m.channels())];
    m.get(0, 0, b);
    return new Texture(m.rows(), m.cols(), b);
  }
}
