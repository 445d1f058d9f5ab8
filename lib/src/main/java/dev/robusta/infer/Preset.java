package dev.robusta.infer;

import dev.robusta.data.Image;
import dev.robusta.data.PilResample;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How an {@link Image} becomes a model input tensor: optional resize of the shorter side, optional
 * center crop, then {@code (pixel / 255 - mean[c]) / std[c]} in CHW (planar RGB) float32 order. The
 * preset travels with every result ({@link Predictions#preset()}) and is part of the logits cache key,
 * because a wrong crop silently changes published numbers (evaluating the released 224x224 ImageNet-C
 * JPEGs with an extra resize-256/crop-224 is a known source of wrong results).
 *
 * <ul>
 *   <li>{@link #IMAGENET}: resize so the shorter side is 256 px (Pillow bilinear, aspect ratio kept,
 *       longer side {@code round(256 * long / short)}), center crop 224x224 (torchvision's
 *       {@code CenterCrop} offsets {@code round((h - 224) / 2)}, half to even), ImageNet mean/std.
 *   <li>{@link #IMAGENET_C_RELEASED}: the released 224x224 ImageNet-C/-P JPEGs: no resize, no crop
 *       (other sizes are rejected), ImageNet mean/std.
 *   <li>{@link #CIFAR}: 32x32 input, no resize, no crop (other sizes are rejected), mean/std per model.
 *       The default is the ImageNet mean/std because the CIFAR-10 ResNets of
 *       {@code akamaster/pytorch_resnet_cifar10} were trained with it; use
 *       {@link #withNormalization(float[], float[])} for models trained on CIFAR statistics.
 *   <li>{@link #CLIP}: CLIP's preprocessing (Radford et al. 2021, {@code openai/CLIP · clip/clip.py
 *       _transform}): resize so the shorter side is 224 px with Pillow <b>bicubic</b> (longer side
 *       {@code int(224 * long / short)}, truncated as torchvision's {@code Resize(224)} does), center crop 224x224,
 *       CLIP's mean {@code (0.48145466, 0.4578275, 0.40821073)} and std
 *       {@code (0.26862954, 0.26130258, 0.27577711)}. For {@link ZeroShotClassifier} image encoders.
 * </ul>
 *
 * <p>Greyscale images are replicated to 3 channels first. Instances are immutable.
 */
public final class Preset {
  /** ImageNet channel means (RGB, range 0..1). */
  public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
  /** ImageNet channel standard deviations (RGB, range 0..1). */
  public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

  /** CLIP's channel means (RGB, range 0..1), from {@code openai/CLIP · clip/clip.py}. */
  public static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  /** CLIP's channel standard deviations (RGB, range 0..1), from {@code openai/CLIP · clip/clip.py}. */
  public static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

  /** Resize shorter side 256 (Pillow bilinear), center crop 224, ImageNet mean/std. */
  public static final Preset IMAGENET = new Preset("IMAGENET", 256, 224, 0, IMAGENET_MEAN, IMAGENET_STD);
  /** The released 224x224 ImageNet-C images: no resize, no crop, ImageNet mean/std. */
  public static final Preset IMAGENET_C_RELEASED =
      new Preset("IMAGENET_C_RELEASED", 0, 0, 224, IMAGENET_MEAN, IMAGENET_STD);
  /** 32x32 CIFAR images: no resize, no crop; ImageNet mean/std unless overridden (see class doc). */
  public static final Preset CIFAR = new Preset("CIFAR", 0, 0, 32, IMAGENET_MEAN, IMAGENET_STD);
  /** Resize shorter side 224 (Pillow bicubic), center crop 224, CLIP mean/std. */
  public static final Preset CLIP = new Preset("CLIP", 224, 224, 0, CLIP_MEAN, CLIP_STD,
      PilResample.Filter.BICUBIC, true);

  private final String name;
  private final int resizeShorter;
  private final int crop;
  private final int requiredSize;
  private final float[] mean;
  private final float[] std;
  private final PilResample.Filter filter;
  private final boolean truncateLong;

  private Preset(String name, int resizeShorter, int crop, int requiredSize, float[] mean, float[] std) {
    this(name, resizeShorter, crop, requiredSize, mean, std, PilResample.Filter.BILINEAR, false);
  }

  private Preset(String name, int resizeShorter, int crop, int requiredSize, float[] mean, float[] std,
      PilResample.Filter filter, boolean truncateLong) {
    this.name = Objects.requireNonNull(name, "name");
    if (resizeShorter < 0 || crop < 0 || requiredSize < 0) {
      throw new IllegalArgumentException("sizes must be >= 0 (0 = step off), got resize=" + resizeShorter
          + " crop=" + crop + " required=" + requiredSize);
    }
    if (resizeShorter > 0 && crop > resizeShorter) {
      throw new IllegalArgumentException("crop " + crop + " is larger than the resized shorter side "
          + resizeShorter);
    }
    checkTriple("mean", mean);
    checkTriple("std", std);
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
      }
    }
    this.resizeShorter = resizeShorter;
    this.crop = crop;
    this.requiredSize = requiredSize;
    this.mean = mean.clone();
    this.std = std.clone();
    this.filter = Objects.requireNonNull(filter, "filter");
    this.truncateLong = truncateLong;
  }

  private static void checkTriple(String what, float[] v) {
    if (v == null || v.length != 3) {
      throw new IllegalArgumentException(what + " must have 3 values (R, G, B), got "
          + (v == null ? "null" : Arrays.toString(v)));
    }
  }

  /**
   * Explicit steps.
   *
   * @param name a label printed with results and used in the cache key
   * @param resizeShorter shorter side after a Pillow-bilinear resize, 0 for no resize
   * @param crop side of the center crop, 0 for no crop
   * @param mean per-channel mean, RGB, in 0..1 units
   * @param std per-channel standard deviation, RGB, in 0..1 units, positive
   * @throws IllegalArgumentException for negative sizes, a crop larger than the resize, or bad mean/std
   */
  public static Preset of(String name, int resizeShorter, int crop, float[] mean, float[] std) {
    return new Preset(name, resizeShorter, crop, 0, mean, std);
  }

  /** @return this preset with another per-channel mean/std (0..1 units, RGB), same name + "*" */
  public Preset withNormalization(float[] mean, float[] std) {
    return new Preset(name.endsWith("*") ? name : name + "*", resizeShorter, crop, requiredSize, mean, std,
        filter, truncateLong);
  }

  /**
   * @param name a preset name, case-insensitive: {@code imagenet}, {@code imagenet-c-released}, {@code cifar},
   *     {@code clip}
   * @throws IllegalArgumentException for another name (the message lists the known ones)
   */
  public static Preset named(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return switch (n) {
      case "IMAGENET" -> IMAGENET;
      case "IMAGENET_C_RELEASED" -> IMAGENET_C_RELEASED;
      case "CIFAR" -> CIFAR;
      case "CLIP" -> CLIP;
      default -> throw new IllegalArgumentException("unknown preprocessing preset '" + name
          + "'; known: imagenet, imagenet-c-released, cifar, clip (or Preset.of(...) for explicit steps)");
    };
  }

  public String name() { return name; }

  /** @return the shorter side after resizing, 0 when there is no resize */
  public int resizeShorter() { return resizeShorter; }

  /** @return the center-crop side, 0 when there is no crop */
  public int crop() { return crop; }

  /** @return the side the input image must already have (0 = any) */
  public int requiredSize() { return requiredSize; }

  public float[] mean() { return mean.clone(); }

  public float[] std() { return std.clone(); }

  /** @return the Pillow filter of the resize step ({@code BILINEAR} except for {@link #CLIP}: {@code BICUBIC}) */
  public PilResample.Filter resizeFilter() { return filter; }

  /** @return a canonical description of every step; part of the logits cache key */
  public String key() {
    return "resize_shorter=" + resizeShorter + "(pil-" + filter.name().toLowerCase(Locale.ROOT)
        + (truncateLong ? ",floor" : ",round") + ");center_crop=" + crop + ";required="
        + requiredSize + ";scale=1/255;mean=" + Arrays.toString(mean) + ";std=" + Arrays.toString(std)
        + ";layout=CHW-RGB-float32";
  }

  /**
   * Applies the steps that change geometry (resize, crop) and returns the 8-bit RGB picture the model sees.
   *
   * @throws IllegalArgumentException when the preset requires a size and the image has another one
   */
  public Image geometry(Image image) {
    Image img = image.toRgb();
    if (requiredSize > 0 && (img.height() != requiredSize || img.width() != requiredSize)) {
      throw new IllegalArgumentException("preset " + name + " expects " + requiredSize + "x"
          + requiredSize + " images, got " + img.height() + "x" + img.width()
          + " (use Preset.IMAGENET to resize and crop, or Preset.of(...) for other steps)");
    }
    if (resizeShorter > 0) {
      int h = img.height();
      int w = img.width();
      int nh;
      int nw;
      if (w <= h) {
        nw = resizeShorter;
        nh = longSide((double) resizeShorter * h / w);
      } else {
        nh = resizeShorter;
        nw = longSide((double) resizeShorter * w / h);
      }
      img = PilResample.resize(img, nw, nh, filter);
    }
    if (crop > 0) {
      img = centerCrop(img, crop);
    }
    return img;
  }

  /** The longer side after resizing: rounded, or truncated like torchvision's {@code Resize(int)} for CLIP. */
  private int longSide(double exact) {
    return truncateLong ? (int) exact : (int) Math.rint(exact);
  }

  private static Image centerCrop(Image img, int size) {
    int h = img.height();
    int w = img.width();
    if (h < size || w < size) {
      throw new IllegalArgumentException("cannot center-crop " + size + "x" + size + " from " + h + "x" + w);
    }
    int top = (int) Math.rint((h - size) / 2.0);
    int left = (int) Math.rint((w - size) / 2.0);
    if (top == 0 && left == 0 && h == size && w == size) {
      return img;
    }
    byte[] src = img.pixels();
    byte[] out = new byte[size * size * 3];
    for (int y = 0; y < size; y++) {
      System.arraycopy(src, ((y + top) * w + left) * 3, out, y * size * 3, size * 3);
    }
    return Image.wrap(size, size, 3, out);
  }

  /** @return the output height and width of {@link #geometry(Image)} for this image */
  int[] outputSize(Image image) {
    Image g = geometry(image);
    return new int[] {g.height(), g.width()};
  }

  /**
   * Full preprocessing into a new array.
   *
   * @return {@code [3, H, W]} float32 values {@code (pixel / 255 - mean[c]) / std[c]}
   */
  public float[] apply(Image image) {
    Image g = geometry(image);
    float[] out = new float[3 * g.height() * g.width()];
    writeChw(g, out, 0);
    return out;
  }

  /** Normalises an RGB image (already through {@link #geometry}) into {@code dst} at {@code offset}. */
  void writeChw(Image rgb, float[] dst, int offset) {
    int hw = rgb.height() * rgb.width();
    byte[] px = rgb.pixels();
    for (int c = 0; c < 3; c++) {
      float m = mean[c];
      float s = std[c];
      int base = offset + c * hw;
      for (int i = 0; i < hw; i++) {
        dst[base + i] = ((px[i * 3 + c] & 0xff) / 255f - m) / s;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Preset p && p.name.equals(name) && p.key().equals(key());
  }

  @Override
  public int hashCode() { return key().hashCode(); }

  @Override
  public String toString() {
    return name + "[" + (resizeShorter > 0 ? "resize shorter side " + resizeShorter + " (Pillow "
        + filter.name().toLowerCase(Locale.ROOT) + "), "
        : "no resize, ") + (crop > 0 ? "center crop " + crop + ", " : "no crop, ")
        + (requiredSize > 0 ? "input must be " + requiredSize + "x" + requiredSize + ", " : "")
        + "/255, mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ", CHW RGB]";
  }
}
