package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.nio.file.Path;
import java.util.Objects;
import org.opencv.imgproc.Imgproc;

/**
 * Frost: {@code clip(c0 * x + c1 * frost, 0, 255)} on the 0..255 scale, with {@code frost} a random
 * crop of one of the first five frost textures ({@code randint(5)}; {@code frost6.jpg} is never used,
 * as in both references), then the crop's row and column offsets ({@code randint(0, rows - H)},
 * {@code randint(0, cols - W)}, upper bounds exclusive).
 *
 * <p>Texture scaling: IMAGENET_C crops the texture at full resolution, CIFAR_C and TINY_IMAGENET_C
 * first shrink it by 0.2 and 0.3 (OpenCV bilinear, as their scripts); IMAGECORRUPTIONS enlarges it by
 * 1.1 times the factor needed to cover the image (OpenCV bicubic, new size {@code ceil(size *
 * factor)}). When a hendrycks texture does not strictly cover the image (the scripts would fail), the
 * imagecorruptions rule is applied to it, so any image size works (a 1000x800 image included).
 * Params (image weight c0, frost weight c1): ImageNet-C (1, 0.4) .. (0.6, 0.75).
 *
 * <p>The textures come from a folder (see {@link FrostTextures}); they are not in the repository.
 */
public final class Frost extends BaseCorruption {
  private final Path folder;

  /** The registered instance: the texture folder comes from {@code robusta.frost.dir} / {@code ROBUSTA_FROST_DIR}. */
  Frost() {
    super("frost", CorruptionGroup.WEATHER, true);
    this.folder = null;
  }

  /**
   * @param textureFolder a folder holding {@code frost1.png .. frost6.jpg} (not null)
   */
  public Frost(Path textureFolder) {
    super("frost", CorruptionGroup.WEATHER, true);
    this.folder = Objects.requireNonNull(textureFolder, "textureFolder");
  }

  @Override
  Image corrupt(Image rgb, double[] c, Preset preset, RandomSource random) {
    Path dir = folder != null ? folder : FrostTextures.defaultFolder();
    int h = rgb.height();
    int w = rgb.width();
    int idx = random.randint(0, 5);
    FrostTextures.Texture t = switch (preset) {
      case IMAGENET_C -> FrostTextures.original(dir, idx);
      case CIFAR_C -> FrostTextures.get(dir, idx, 0.2, 0, 0, Imgproc.INTER_LINEAR);
      case TINY_IMAGENET_C -> FrostTextures.get(dir, idx, 0.3, 0, 0, Imgproc.INTER_LINEAR);
      case IMAGECORRUPTIONS -> cover(dir, idx, FrostTextures.original(dir, idx), h, w);
    };
    if (preset.isHendrycks() && (t.rows() <= h || t.cols() <= w)) {
      t = cover(dir, idx, t, h, w);
    }
    int y0 = random.randint(0, t.rows() - h);
    int x0 = random.randint(0, t.cols() - w);
    byte[] p = rgb.pixels();
    double[] out = new double[p.length];
    byte[] f = t.bgr();
    double c0 = c[0];
    double c1 = c[1];
    for (int y = 0; y < h; y++) {
      int src = ((y0 + y) * t.cols() + x0) * 3;
      int o = y * w * 3;
      for (int x = 0; x < w; x++, src += 3, o += 3) {
        out[o] = c0 * (p[o] & 0xff) + c1 * (f[src + 2] & 0xff);
        out[o + 1] = c0 * (p[o + 1] & 0xff) + c1 * (f[src + 1] & 0xff);
        out[o + 2] = c0 * (p[o + 2] & 0xff) + c1 * (f[src] & 0xff);
      }
    }
    return Pixels.from255(h, w, 3, out);
  }

  /** imagecorruptions' rescaling: 1.1 times the factor needed to cover the image, bicubic. */
  private static FrostTextures.Texture cover(Path dir, int idx, FrostTextures.Texture t, int h, int w) {
    double s;
    if (t.rows() >= h && t.cols() >= w) {
      s = 1;
    } else if (t.rows() < h && t.cols() >= w) {
      s = (double) h / t.rows();
    } else if (t.rows() >= h) {
      s = (double) w / t.cols();
    } else {
      s = Math.max((double) h / t.rows(), (double) w / t.cols());
    }
    s *= 1.1;
    int cols = (int) Math.ceil(t.cols() * s);
    int rows = (int) Math.ceil(t.rows() * s);
    // a shrunk hendrycks texture is rescaled from the original in one step, to the covering size
    return FrostTextures.get(dir, idx, 1, cols, rows, Imgproc.INTER_CUBIC);
  }
}
