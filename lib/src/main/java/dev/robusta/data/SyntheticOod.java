package dev.robusta.data;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The synthetic OOD sets of the Outlier Exposure paper (Hendrycks, Mazeika, Dietterich, "Deep
 * Anomaly Detection with Outlier Exposure", ICLR 2019; {@code hendrycks/outlier-exposure},
 * {@code CIFAR/test.py}), generated on demand, seeded, of any size and shape.
 *
 * <p>OE defines them in the network's input space, values in [-1, 1], shape {@code [C, H, W]}:
 * <ul>
 *   <li>{@link Kind#GAUSSIAN}: {@code clip(N(0, 0.5^2), -1, 1)} per value;
 *   <li>{@link Kind#RADEMACHER}: {@code 2 * Bernoulli(0.5) - 1}, i.e. -1 or +1;
 *   <li>{@link Kind#BLOBS}: {@code Bernoulli(0.7)} on an {@code H x W x C} array, Gaussian blur with
 *       sigma 1.5 over all three axes (skimage {@code gaussian(..., multichannel=False)}: the channel
 *       axis is blurred too; mode nearest, truncate 4), values below 0.75 set to 0, then
 *       {@code 2x - 1};
 *   <li>{@link Kind#UNIFORM}: {@code U(-1, 1)} (OE's validation "uniform noise").
 * </ul>
 * {@link #tensor(int)} returns these exact values (CHW floats). {@link #get(int)} renders them as an
 * 8-bit image, {@code pixel = round((x + 1) / 2 * 255)}, so that ToTensor + Normalize(0.5, 0.5)
 * gives back x to within 1/255. Sample i is drawn from its own stream seeded by {@code (seed, i)}, so
 * access is random, repeatable and parallel-safe. Java's generator is not NumPy's: the sets match
 * OE's distributions, not its exact draws. Labels are -1 (OOD).
 */
public final class SyntheticOod implements Dataset {
  /** The four generators. */
  public enum Kind { GAUSSIAN, RADEMACHER, BLOBS, UNIFORM }

  private final Kind kind;
  private final int size;
  private final int height;
  private final int width;
  private final int channels;
  private final long seed;

  /**
   * @param kind which noise
   * @param size number of samples (OE uses the ID test size / 5, e.g. 2,000 for CIFAR)
   * @param height image rows (OE: 32)
   * @param width image columns (OE: 32)
   * @param channels 1 or 3 (OE: 3)
   * @param seed the seed; the same seed gives the same samples
   * @throws IllegalArgumentException for a non-positive size or shape, or channels not 1 or 3
   */
  public SyntheticOod(Kind kind, int size, int height, int width, int channels, long seed) {
    this.kind = Objects.requireNonNull(kind, "kind");
    if (size < 0 || height < 1 || width < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("synthetic " + kind + ": need size >= 0, height and width >= 1,"
          + " channels 1 or 3; got size " + size + ", " + height + "x" + width + "x" + channels);
    }
    this.size = size;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.seed = seed;
  }

  /** @return the generator */
  public Kind kind() { return kind; }

  /** @return the seed */
  public long seed() { return seed; }

  @Override
  public String id() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public int size() { return size; }

  /**
   * @param index 0 .. size()-1
   * @return the exact OE values, {@code [C, H, W]} row-major, in [-1, 1]
   */
  public float[] tensor(int index) {
    Objects.checkIndex(index, size);
    SplittableRandom r = new SplittableRandom(mix64(mix64(seed) + index));
    int n = channels * height * width;
    float[] out = new float[n];
    switch (kind) {
      case GAUSSIAN -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) Math.max(-1.0, Math.min(1.0, 0.5 * r.nextGaussian()));
        }
      }
      case RADEMACHER -> {
        for (int i = 0; i < n; i++) {
          out[i] = r.nextBoolean() ? 1f : -1f;
        }
      }
      case UNIFORM -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) (r.nextDouble() * 2.0 - 1.0);
        }
      }
      case BLOBS -> {
        double[] hwc = new double[n];
        for (int i = 0; i < n; i++) {
          hwc[i] = r.nextDouble() < 0.7 ? 1.0 : 0.0;
        }
        double[] blurred = blobsFromMask(hwc, height, width, channels);
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            for (int c = 0; c < channels; c++) {
              out[(c * height + y) * width + x] = (float) blurred[(y * width + x) * channels + c];
            }
          }
        }
      }
      default -> throw new AssertionError(kind);
    }
    return out;
  }

  /** Stafford's mix13 (the finaliser SplittableRandom uses): decorrelates neighbouring seeds. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The Blobs transform applied to a 0/1 mask: 3-D Gaussian blur (sigma 1.5, mode nearest, truncate
   * 4.0, as scipy.ndimage.gaussian_filter), zero below 0.75, then {@code 2x - 1}.
   *
   * @param hwc the mask, {@code [H, W, C]} row-major
   * @return the blob values in [-1, 1], {@code [H, W, C]}
   */
  static double[] blobsFromMask(double[] hwc, int h, int w, int c) {
    double[] b = GaussianBlur3d.blur(hwc, new int[] {h, w, c}, 1.5, 4.0);
    for (int i = 0; i < b.length; i++) {
      b[i] = (b[i] < 0.75 ? 0.0 : b[i]) * 2.0 - 1.0;
    }
    return b;
  }

  @Override
  public Sample get(int index) {
    float[] t = tensor(index);
    byte[] px = new byte[t.length];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          float v = t[(c * height + y) * width + x];
          px[(y * width + x) * channels + c] = (byte) Math.round((v + 1f) * 0.5f * 255f);
        }
      }
    }
    return new Sample(Image.wrap(height, width, channels, px), -1,
        Map.of("synthetic", id(), "seed", Long.toString(seed), "index", Integer.toString(index)));
  }

  @Override
  public String toString() {
    return "Dataset[" + id() + ", " + size + " synthetic OOD images " + height + "x" + width + "x" + channels
        + ", seed " + seed + ", Outlier Exposure (Hendrycks et al. 2019) definition, values in [-1,1]"
        + " rendered as pixel = (x+1)/2*255, label -1]";
  }
}
