package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.util.List;
import java.util.Objects;

/**
 * AugMix (Hendrycks, Mu, Cubuk, Zoph, Gilmer, Lakshminarayanan, "AugMix: A Simple Data Processing
 * Method to Improve Robustness and Uncertainty", ICLR 2020), following {@code google-research/augmix
 * cifar.py aug()}: mixing weights {@code w ~ Dirichlet(alpha, ..., alpha)} (width entries, cast to
 * float32), skip weight {@code m ~ Beta(alpha, alpha)}; each of the {@code width} chains applies
 * {@code depth} ops (or U{1,2,3} when depth <= 0) chosen uniformly from {@link AugOp#AUGMIX} (or
 * {@link AugOp#ALL} with {@code allOps}); the result is
 * {@code (1 - m) * pre(x) + m * sum_i w_i * pre(chain_i(x))} with {@code pre} = ToTensor + Normalize.
 * Only each chain's FINAL image enters the mix, so the output is a convex combination (in pixel space)
 * of the clean image and the chains' final images.
 *
 * <p>Output: CHW float32, {@code [C, H, W]}, normalised as {@code (x / 255 - mean) / std} (default
 * mean = std = 0.5 per channel, i.e. values in [-1, 1], as the CIFAR training script). Draw order
 * (dirichlet, beta, then per chain: randint depth, then per op choice + level + coin) is the
 * reference's, so a recorded trace replays exactly.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1
 */
public final class AugMix {
  private final int width;
  private final int depth;
  private final double severity;
  private final double alpha;
  private final List<? extends AugmentOp> ops;
  private final int imageSize;
  private final float[] mean;
  private final float[] std;

  private AugMix(Builder b) {
    this.width = b.width;
    this.depth = b.depth;
    this.severity = b.severity;
    this.alpha = b.alpha;
    this.ops = b.ops != null ? b.ops : (b.allOps ? AugOp.ALL : AugOp.AUGMIX);
    this.imageSize = b.imageSize;
    this.mean = b.mean;
    this.std = b.std;
  }

  /** @return a builder with the CIFAR defaults: width 3, depth -1 (random 1..3), severity 3, alpha 1 */
  public static Builder builder() {
    return new Builder();
  }

  /** The AugMix output together with its clean view, as the Jensen-Shannon consistency loss needs. */
  public record Triple(float[] clean, float[] aug1, float[] aug2, int channels, int height, int width) {}

  /**
   * @param image RGB or greyscale; not modified
   * @param seed seeds Robusta's own stream ({@link AugmentRandom#seeded(long)})
   * @return the mixed image, CHW float32 {@code [C, H, W]}, normalised
   */
  public float[] apply(Image image, long seed) {
    return apply(image, AugmentRandom.seeded(seed));
  }

  /** As {@link #apply(Image, long)} with an explicit (replaceable) random source. */
  public float[] apply(Image image, AugmentRandom rnd) {
    Objects.requireNonNull(image, "image");
    int size = sizeFor(image);
    double[] alphas = new double[width];
    java.util.Arrays.fill(alphas, alpha);
    double[] wd = rnd.dirichlet(alphas);
    float m = (float) rnd.beta(alpha, alpha);
    float[] clean = preprocess(image);
    float[] mix = new float[clean.length];
    List<String> names = ops.stream().map(AugmentOp::opName).toList();
    for (int i = 0; i < width; i++) {
      Image aug = image;
      int d = depth > 0 ? depth : rnd.randint(1, 4);
      for (int j = 0; j < d; j++) {
        AugmentOp op = ops.get(rnd.choice(names));
        aug = op.apply(aug, severity, size, rnd);
      }
      float w = (float) wd[i];
      float[] pa = preprocess(aug);
      if (pa.length != mix.length) {
        throw new IllegalStateException("op changed the image shape (imageSize " + size + " vs "
            + image.height() + "x" + image.width() + "); set imageSize to the image size");
      }
      for (int k = 0; k < mix.length; k++) {
        mix[k] += w * pa[k];
      }
    }
    float oneMinusM = 1f - m;
    float[] out = new float[clean.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = oneMinusM * clean[k] + m * mix[k];
    }
    return out;
  }

  /**
   * The training triple of {@code AugMixDataset} with JSD: (pre(x), augmix(x), augmix(x)), the two
   * augmentations drawn one after the other from one stream seeded by {@code seed}.
   */
  public Triple triple(Image image, long seed) {
    AugmentRandom rnd = AugmentRandom.seeded(seed);
    float[] a1 = apply(image, rnd);
    float[] a2 = apply(image, rnd);
    return new Triple(preprocess(image), a1, a2, image.channels(), image.height(), image.width());
  }

  /**
   * The numpy reference {@code augment_and_mix.py augment_and_mix()}: the image enters as float32
   * {@code v / 255}, every op round-trips through uint8 by truncation ({@code clip(x * 255)} cast),
   * mixing happens in float64 after CIFAR mean/std normalisation (mean 0.4914, 0.4822, 0.4465; std
   * 0.2023, 0.1994, 0.2010) with a float32 accumulator, exactly as the reference's dtypes do. The
   * builder's normalisation is not used here.
   *
   * @return HWC float64 {@code [H, W, C]}, normalised with the CIFAR statistics
   */
  public double[] applyNumpyReference(Image image, AugmentRandom rnd) {
    int size = sizeFor(image);
    int h = image.height();
    int wdt = image.width();
    int c = image.channels();
    double[] cMean = {0.4914, 0.4822, 0.4465};
    double[] cStd = {0.2023, 0.1994, 0.2010};
    byte[] px = image.pixels();
    float[] x = new float[px.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (px[i] & 0xff) / 255f;
    }
    double[] alphas = new double[width];
    java.util.Arrays.fill(alphas, alpha);
    double[] wd = rnd.dirichlet(alphas);
    float m = (float) rnd.beta(alpha, alpha);
    float[] mix = new float[x.length];
    List<String> names = ops.stream().map(AugmentOp::opName).toList();
    for (int i = 0; i < width; i++) {
      double[] aug = null;
      int d = depth > 0 ? depth : rnd.randint(1, 4);
      for (int j = 0; j < d; j++) {
        AugmentOp op = ops.get(rnd.choice(names));
        byte[] u8 = new byte[x.length];
        for (int k = 0; k < u8.length; k++) {
          double v = aug == null ? (double) (x[k] * 255f) : aug[k] * 255.;
          u8[k] = (byte) (int) Math.min(255, Math.max(0, v));
        }
        Image out = op.apply(Image.wrap(h, wdt, c, u8), severity, size, rnd);
        byte[] o = out.pixels();
        if (o.length != x.length) {
          throw new IllegalStateException("op changed the image shape; set imageSize to the image size");
        }
        aug = new double[o.length];
        for (int k = 0; k < o.length; k++) {
          aug[k] = (o[k] & 0xff) / 255.;
        }
      }
      double w = (float) wd[i];
      for (int k = 0; k < mix.length; k++) {
        double v = aug == null ? x[k] : aug[k];
        int b = k % c;
        mix[k] = (float) (mix[k] + w * ((v - cMean[b]) / cStd[b]));
      }
    }
    double oneMinusM = 1.0 - (double) m;
    double[] out = new double[x.length];
    for (int k = 0; k < out.length; k++) {
      int b = k % c;
      out[k] = oneMinusM * ((x[k] - cMean[b]) / cStd[b]) + (double) (m * mix[k]);
    }
    return out;
  }

  /** ToTensor + Normalize: CHW float32, {@code ((v / 255f) - mean[c]) / std[c]}. */
  public float[] preprocess(Image image) {
    int h = image.height();
    int w = image.width();
    int c = image.channels();
    byte[] p = image.pixels();
    float[] out = new float[p.length];
    int plane = h * w;
    for (int i = 0; i < plane; i++) {
      for (int b = 0; b < c; b++) {
        float v = (p[i * c + b] & 0xff) / 255f;
        out[b * plane + i] = (v - mean[b % mean.length]) / std[b % std.length];
      }
    }
    return out;
  }

  private int sizeFor(Image image) {
    if (imageSize > 0) {
      return imageSize;
    }
    if (image.height() != image.width()) {
      throw new IllegalArgumentException("AugMix's shear/translate produce IMAGE_SIZE x IMAGE_SIZE images;"
          + " the input is " + image.height() + "x" + image.width() + ": crop it square or set imageSize");
    }
    return image.width();
  }

  @Override
  public String toString() {
    return "AugMix[width=" + width + ", depth=" + (depth > 0 ? depth : "U{1..3}") + ", severity=" + severity
        + ", alpha=" + alpha + ", ops=" + ops.stream().map(AugmentOp::opName).toList()
        + ", reference=google-research/augmix cifar.py aug()]";
  }

  /** Options of {@link AugMix}; every setter validates its argument. */
  public static final class Builder {
    private int width = 3;
    private int depth = -1;
    private double severity = 3;
    private double alpha = 1.0;
    private boolean allOps;
    private List<? extends AugmentOp> ops;
    private int imageSize;
    private float[] mean = {0.5f, 0.5f, 0.5f};
    private float[] std = {0.5f, 0.5f, 0.5f};

    private Builder() {}

    /** @param width number of chains, >= 1 (reference default 3) */
    public Builder width(int width) {
      if (width < 1) {
        throw new IllegalArgumentException("width must be >= 1, was " + width);
      }
      this.width = width;
      return this;
    }

    /** @param depth ops per chain, or <= 0 for a random depth in 1..3 per chain (reference default -1) */
    public Builder depth(int depth) {
      this.depth = depth;
      return this;
    }

    /** @param severity level bound n of U(0.1, n), in (0.1, 10] (3 for CIFAR, 1 for ImageNet) */
    public Builder severity(double severity) {
      if (!(severity > 0.1 && severity <= 10)) {
        throw new IllegalArgumentException("severity must be in (0.1, 10], was " + severity);
      }
      this.severity = severity;
      return this;
    }

    /** @param alpha Dirichlet and Beta parameter, > 0 (reference default 1) */
    public Builder alpha(double alpha) {
      if (!(alpha > 0)) {
        throw new IllegalArgumentException("alpha must be > 0, was " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    /** @param allOps also use color, contrast, brightness, sharpness (they overlap ImageNet-C) */
    public Builder allOps(boolean allOps) {
      this.allOps = allOps;
      return this;
    }

    /** @param ops a custom op list (replaces the allOps choice), non-empty */
    public Builder ops(List<? extends AugmentOp> ops) {
      if (ops == null || ops.isEmpty()) {
        throw new IllegalArgumentException("ops must be a non-empty list");
      }
      this.ops = List.copyOf(ops);
      return this;
    }

    /** @param imageSize the reference's IMAGE_SIZE; 0 (default) = the input's side (square inputs) */
    public Builder imageSize(int imageSize) {
      if (imageSize < 0) {
        throw new IllegalArgumentException("imageSize must be >= 0, was " + imageSize);
      }
      this.imageSize = imageSize;
      return this;
    }

    /** @param mean per-channel mean of Normalize, on the 0..1 scale; @param std per-channel std, > 0 */
    public Builder normalize(float[] mean, float[] std) {
      if (mean.length == 0 || mean.length != std.length) {
        throw new IllegalArgumentException("mean and std need the same non-zero length");
      }
      for (float s : std) {
        if (!(s > 0)) {
          throw new IllegalArgumentException("std entries must be > 0, got " + s);
        }
      }
      this.mean = mean.clone();
      this.std = std.clone();
      return this;
    }

    public AugMix build() {
      return new AugMix(this);
    }
  }
}
