package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * PixMix (Hendrycks, Zou, Mazeika, Tang, Li, Song, Steinhardt, "PixMix: Dreamlike Pictures
 * Comprehensively Improve Safety Measures", CVPR 2022), following {@code andyzoujm/pixmix cifar.py
 * pixmix()} and {@code pixmix_utils.py}: start from the image (augmented by one random op with
 * probability 1/2), then {@code randint(k + 1)} times mix the running image with either a fresh
 * one-op augmentation of the original or the mixing picture (probability 1/2 each), using
 * {@link Mixing#ADD} or {@link Mixing#MULTIPLY} chosen uniformly, clipping to [0, 1] after every step.
 *
 * <p>Mixing weights ({@code get_ab(beta)}): with probability 1/2, {@code a ~ Beta(beta, 1)}, {@code b ~
 * Beta(1, beta)}; otherwise {@code a = 1 + Beta(1, beta)}, {@code b = -Beta(1, beta)}. Output: CHW
 * float32 {@code [C, H, W]}, normalised {@code (x - mean) / std} (default 0.5, 0.5: values in [-1, 1]).
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1
 */
public final class PixMix {
  /** The two mixing operations of {@code pixmix_utils.mixings}, on ToTensor images (0..1). */
  public enum Mixing {
    /** Maps both images to [-1, 1], forms {@code a*x1 + b*x2} and maps back: {@code (out + 1) / 2}. */
    ADD,
    /** Doubles both, forms {@code x1^a * max(x2, 1e-37)^b} and halves the result. */
    MULTIPLY;

    /**
     * @param x1 the running image, CHW float32 (0..1)
     * @param x2 the other image, same shape
     * @return the unclipped mix (a new array)
     */
    public float[] mix(float[] x1, float[] x2, double a, double b) {
      if (x1.length != x2.length) {
        throw new IllegalArgumentException("images differ in size: " + x1.length + " vs " + x2.length);
      }
      float fa = (float) a;
      float fb = (float) b;
      float[] out = new float[x1.length];
      for (int i = 0; i < out.length; i++) {
        if (this == ADD) {
          float p = x1[i] * 2 - 1;
          float q = x2[i] * 2 - 1;
          float o = fa * p + fb * q;
          out[i] = (o + 1) / 2;
        } else {
          float p = x1[i] * 2;
          float q = Math.max(x2[i] * 2, 1e-37f);
          float o = (float) Math.pow(p, fa) * (float) Math.pow(q, fb);
          out[i] = o / 2;
        }
      }
      return out;
    }

    String refName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final List<String> MIXING_NAMES = List.of("add", "multiply");

  private final int k;
  private final double beta;
  private final double severity;
  private final List<? extends AugmentOp> ops;
  private final List<Image> mixingSet;
  private final Path mixingFolder;
  private final float[] mean;
  private final float[] std;

  private PixMix(Builder b) {
    this.k = b.k;
    this.beta = b.beta;
    this.severity = b.severity;
    this.ops = b.allOps ? AugOp.ALL : AugOp.AUGMIX;
    this.mixingSet = b.mixingSet;
    this.mixingFolder = b.mixingFolder;
    this.mean = b.mean;
    this.std = b.std;
  }

  /** @return a builder with the CIFAR defaults: k 4, beta 3, severity 3, no all-ops */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * As {@code PixMixDataset.__getitem__}: picks a mixing picture uniformly from the mixing set (resized
   * so the short side matches, then centre-cropped to the image size), then {@link #apply(Image, Image,
   * AugmentRandom)}.
   *
   * @throws IllegalStateException when the builder was given no mixing set
   */
  public float[] apply(Image image, long seed) {
    if (mixingSet.isEmpty()) {
      throw new IllegalStateException("PixMix needs mixing pictures: call mixingPictures(folder) or"
          + " mixingSet(images) on the builder");
    }
    AugmentRandom rnd = AugmentRandom.seeded(seed);
    int idx = rnd.randint(0, mixingSet.size());
    Image pic = fit(mixingSet.get(idx), image.height(), image.width(), image.channels());
    return apply(image, pic, rnd);
  }

  /**
   * {@code pixmix(orig, mixing_pic, preprocess)} with the draws in the reference's order.
   *
   * @param image the original, RGB or greyscale, square (IMAGE_SIZE = its side)
   * @param mixingPicture a picture of exactly the same shape
   * @return CHW float32 {@code [C, H, W]}, normalised
   */
  public float[] apply(Image image, Image mixingPicture, AugmentRandom rnd) {
    checkShapes(image, mixingPicture);
    float[] mixed = run(image, mixingPicture, rnd, null);
    int plane = image.height() * image.width();
    for (int i = 0; i < mixed.length; i++) {
      int ch = i / plane;
      mixed[i] = (mixed[i] - mean[ch % mean.length]) / std[ch % std.length];
    }
    return mixed;
  }

  /**
   * One step of a {@link #trace}: what was mixed in and the running image after it (0..1, before
   * Normalize, as an 8-bit picture rounded from the float result).
   *
   * @param source {@code "original"} or {@code "augmented original (OP)"} for the start, then
   *     {@code "augmented original (OP)"} or {@code "mixing picture"} for each mixing round
   * @param mixing the mixing operation of a round, null for the start
   * @param a the running image's weight (NaN for the start)
   * @param b the mixed-in image's weight (NaN for the start)
   * @param result the running image after this step
   */
  public record Step(String source, Mixing mixing, double a, double b, Image result) {}

  /**
   * The rounds of one {@link #apply(Image, Image, AugmentRandom)} call, for display: the same draws and
   * arithmetic, each intermediate image kept. The last step's {@code result} is the output before
   * Normalize, rounded to 8 bits. The same as {@code apply(image, mixingPicture, AugmentRandom.seeded(seed))}
   * (not {@link #apply(Image, long)}, which first draws the mixing picture from the set).
   *
   * @param seed seeds Robusta's own stream ({@link AugmentRandom#seeded(long)})
   * @return the start plus one step per mixing round (0..k rounds)
   */
  public List<Step> trace(Image image, Image mixingPicture, long seed) {
    checkShapes(image, mixingPicture);
    List<Step> steps = new ArrayList<>();
    run(image, mixingPicture, AugmentRandom.seeded(seed), steps);
    return List.copyOf(steps);
  }

  private void checkShapes(Image image, Image mixingPicture) {
    Objects.requireNonNull(image, "image");
    if (mixingPicture.height() != image.height() || mixingPicture.width() != image.width()
        || mixingPicture.channels() != image.channels()) {
      throw new IllegalArgumentException("mixing picture is " + mixingPicture + " but the image is " + image
          + "; resize/crop it to the image's shape first");
    }
    if (image.height() != image.width()) {
      throw new IllegalArgumentException("PixMix's ops produce square images; the input is " + image
          + ": crop it square first");
    }
  }

  /** The reference loop on 0..1 CHW floats; records the steps when {@code trace} is not null. */
  private float[] run(Image image, Image mixingPicture, AugmentRandom rnd, List<Step> trace) {
    float[] mixed;
    String what = "original";
    if (rnd.random() < 0.5) {
      AugmentOp op = pick(rnd);
      mixed = tensorize(op.apply(image, severity, image.width(), rnd));
      what = "augmented original (" + op.opName() + ")";
    } else {
      mixed = tensorize(image);
    }
    if (trace != null) {
      trace.add(new Step(what, null, Double.NaN, Double.NaN, toImage(mixed, image)));
    }
    int steps = rnd.randint(0, k + 1);
    for (int s = 0; s < steps; s++) {
      float[] other;
      if (rnd.random() < 0.5) {
        AugmentOp op = pick(rnd);
        other = tensorize(op.apply(image, severity, image.width(), rnd));
        what = "augmented original (" + op.opName() + ")";
      } else {
        other = tensorize(mixingPicture);
        what = "mixing picture";
      }
      Mixing op = Mixing.values()[rnd.choice(MIXING_NAMES)];
      double a;
      double b;
      if (rnd.random() < 0.5) {
        a = (float) rnd.beta(beta, 1);
        b = (float) rnd.beta(1, beta);
      } else {
        a = 1 + (double) (float) rnd.beta(1, beta);
        b = -(float) rnd.beta(1, beta);
      }
      mixed = op.mix(mixed, other, a, b);
      for (int i = 0; i < mixed.length; i++) {
        mixed[i] = Math.min(1f, Math.max(0f, mixed[i]));
      }
      if (trace != null) {
        trace.add(new Step(what, op, a, b, toImage(mixed, image)));
      }
    }
    return mixed;
  }

  private AugmentOp pick(AugmentRandom rnd) {
    List<String> names = ops.stream().map(AugmentOp::opName).toList();
    return ops.get(rnd.choice(names));
  }

  /** CHW 0..1 floats to an 8-bit HWC image shaped like {@code like}: {@code round(255 v)}. */
  private static Image toImage(float[] chw, Image like) {
    int c = like.channels();
    int plane = like.height() * like.width();
    byte[] hwc = new byte[chw.length];
    for (int b = 0; b < c; b++) {
      for (int i = 0; i < plane; i++) {
        hwc[i * c + b] = (byte) Math.round(Math.min(1f, Math.max(0f, chw[b * plane + i])) * 255f);
      }
    }
    return Image.wrap(like.height(), like.width(), c, hwc);
  }

  /** ToTensor: CHW float32 {@code v / 255f}. */
  static float[] tensorize(Image image) {
    int c = image.channels();
    int plane = image.height() * image.width();
    byte[] p = image.pixels();
    float[] out = new float[p.length];
    for (int i = 0; i < plane; i++) {
      for (int b = 0; b < c; b++) {
        out[b * plane + i] = (p[i * c + b] & 0xff) / 255f;
      }
    }
    return out;
  }

  /** Resize (bilinear, short side to fit) and centre-crop a mixing picture to the image's shape. */
  static Image fit(Image pic, int h, int w, int channels) {
    Image src = channels == 3 ? pic.toRgb() : pic;
    if (src.height() == h && src.width() == w && src.channels() == channels) {
      return src;
    }
    double scale = Math.max((double) h / src.height(), (double) w / src.width());
    int sh = Math.max(h, (int) Math.round(src.height() * scale));
    int sw = Math.max(w, (int) Math.round(src.width() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src.toRgb().toBufferedImage(), -(sw - w) / 2, -(sh - h) / 2, sw, sh, null);
    g.dispose();
    Image rgb = Image.of(out);
    if (channels == 3) {
      return rgb;
    }
    byte[] grey = PilOps.luminance(rgb);
    return Image.wrap(h, w, 1, grey);
  }

  @Override
  public String toString() {
    return "PixMix[k=" + k + ", beta=" + beta + ", severity=" + severity + ", ops="
        + ops.stream().map(AugmentOp::opName).toList() + ", mixingPictures=" + mixingSet.size()
        + (mixingFolder != null ? " from " + mixingFolder : "") + ", reference=andyzoujm/pixmix cifar.py pixmix()]";
  }

  /** Options of {@link PixMix}; every setter validates its argument. */
  public static final class Builder {
    private int k = 4;
    private double beta = 3;
    private double severity = 3;
    private boolean allOps;
    private List<Image> mixingSet = List.of();
    private Path mixingFolder;
    private float[] mean = {0.5f, 0.5f, 0.5f};
    private float[] std = {0.5f, 0.5f, 0.5f};

    private Builder() {}

    /** @param k maximum number of mixing steps, >= 0 (the number is drawn from 0..k) */
    public Builder k(int k) {
      if (k < 0) {
        throw new IllegalArgumentException("k must be >= 0, was " + k);
      }
      this.k = k;
      return this;
    }

    /** @param beta Beta-distribution parameter of the mixing weights, > 0 */
    public Builder beta(double beta) {
      if (!(beta > 0)) {
        throw new IllegalArgumentException("beta must be > 0, was " + beta);
      }
      this.beta = beta;
      return this;
    }

    /** @param severity level bound of the ops, in (0.1, 10] */
    public Builder severity(double severity) {
      if (!(severity > 0.1 && severity <= 10)) {
        throw new IllegalArgumentException("severity must be in (0.1, 10], was " + severity);
      }
      this.severity = severity;
      return this;
    }

    /** @param allOps also use color, contrast, brightness, sharpness */
    public Builder allOps(boolean allOps) {
      this.allOps = allOps;
      return this;
    }

    /** @param images the mixing set (fractals, feature visualisations), non-empty */
    public Builder mixingSet(List<Image> images) {
      if (images == null || images.isEmpty()) {
        throw new IllegalArgumentException("the mixing set must hold at least one picture");
      }
      this.mixingSet = List.copyOf(images);
      return this;
    }

    /**
     * @param folder a folder of .png/.jpg/.jpeg pictures (searched recursively, sorted by path)
     * @throws IllegalArgumentException when the folder is missing or holds no picture
     * @throws UncheckedIOException when a picture cannot be read
     */
    public Builder mixingPictures(Path folder) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("mixing-pictures folder " + folder + " does not exist;"
            + " download the PixMix fractals or pass a folder of pictures");
      }
      List<Image> images = new ArrayList<>();
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
          String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
          if (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            BufferedImage bi = ImageIO.read(p.toFile());
            if (bi == null) {
              throw new IOException("not a readable image: " + p);
            }
            images.add(Image.of(bi));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read mixing pictures in " + folder, e);
      }
      if (images.isEmpty()) {
        throw new IllegalArgumentException("mixing-pictures folder " + folder + " holds no .png/.jpg picture");
      }
      this.mixingSet = List.copyOf(images);
      this.mixingFolder = folder;
      return this;
    }

    /** @param mean per-channel mean of the final Normalize; @param std per-channel std, > 0 */
    public Builder normalize(float[] mean, float[] std) {
      if (mean.length == 0 || mean.length != std.length) {
        throw new IllegalArgumentException("mean and std need the same non-zero length");
      }
      this.mean = mean.clone();
      this.std = std.clone();
      return this;
    }

    public PixMix build() {
      return new PixMix(this);
    }
  }
}
