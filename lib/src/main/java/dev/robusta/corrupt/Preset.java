package dev.robusta.corrupt;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The severity parameters of a published benchmark variant. The three hendrycks presets reproduce
 * the scripts that made the released datasets; {@link #IMAGECORRUPTIONS} is bethgelab's
 * size-generic package (ImageNet tables for every image size, its own elastic transform, frost
 * rescaling and fog map size).
 *
 * <p>Any image size &gt;= 8 works with any preset; {@link #imageSize()} is only the size the
 * preset's tables were tuned for.
 */
public enum Preset {
  /** ImageNet-C, 224x224: hendrycks/robustness {@code make_imagenet_c.py}. */
  IMAGENET_C(224, "hendrycks/robustness@8190fe3 ImageNet-C/create_c/make_imagenet_c.py", PresetTables.imagenet()),
  /** CIFAR-10-C / CIFAR-100-C, 32x32: {@code make_cifar_c.py}. */
  CIFAR_C(32, "hendrycks/robustness@8190fe3 ImageNet-C/create_c/make_cifar_c.py", PresetTables.cifar()),
  /** Tiny-ImageNet-C, 64x64: {@code make_tinyimagenet_c.py}. */
  TINY_IMAGENET_C(64, "hendrycks/robustness@8190fe3 ImageNet-C/create_c/make_tinyimagenet_c.py", PresetTables.tiny()),
  /** bethgelab/imagecorruptions 1.1.2 {@code corrupt()}: ImageNet tables at any size. */
  IMAGECORRUPTIONS(0, "bethgelab/imagecorruptions@c959e65 (1.1.2) imagecorruptions/corruptions.py", PresetTables.imagecorruptions());

  private final int imageSize;
  private final String reference;
  private final Map<String, double[][]> table;

  Preset(int imageSize, String reference, Map<String, double[][]> table) {
    this.imageSize = imageSize;
    this.reference = reference;
    this.table = table;
  }

  /** @return the square image side the tables were made for; empty for the size-generic preset */
  public OptionalInt imageSize() {
    return imageSize == 0 ? OptionalInt.empty() : OptionalInt.of(imageSize);
  }

  /** @return the reference source whose tables (and algorithm variants) this preset follows */
  public String reference() {
    return reference;
  }

  /** @return true for the three hendrycks/robustness scripts, false for imagecorruptions */
  public boolean isHendrycks() {
    return this != IMAGECORRUPTIONS;
  }

  /**
   * The parameter tuple of a corruption at a severity, exactly as the reference's table holds it
   * (field meanings are documented on each corruption; for zoom_blur it is the list of factors).
   *
   * @param corruption a name from {@link Corruption#names()}
   * @param severity 1..5
   * @return a copy of the tuple
   * @throws IllegalArgumentException for an unknown corruption or a severity outside 1..5
   */
  public double[] params(String corruption, int severity) {
    Severity.check(severity);
    double[][] rows = table.get(corruption);
    if (rows == null) {
      throw new IllegalArgumentException("unknown corruption '" + corruption + "'; known: "
          + CorruptionRegistry.names());
    }
    return rows[severity - 1].clone();
  }

  @Override
  public String toString() {
    return name() + " (" + reference + ")";
  }
}
