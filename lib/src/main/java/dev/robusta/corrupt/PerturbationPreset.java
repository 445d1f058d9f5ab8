package dev.robusta.corrupt;

/**
 * The parameter set of an ImageNet-P-style benchmark.
 *
 * @since 0.1
 */
public enum PerturbationPreset {
  /** ImageNet-P: {@code make_imagenet_p.py}, frames centre-cropped to 224 from a short-side-256 picture. */
  IMAGENET_P(224, "hendrycks/robustness ImageNet-P/create_p/make_imagenet_p.py"),
  /** CIFAR-10-P: {@code make_cifar_p.py}, 32x32 frames, no crop. */
  CIFAR_P(0, "hendrycks/robustness ImageNet-P/create_p/make_cifar_p.py");

  private final int crop;
  private final String reference;

  PerturbationPreset(int crop, String reference) {
    this.crop = crop;
    this.reference = reference;
  }

  /** @return the centre-crop side of every frame, 0 for none */
  public int crop() {
    return crop;
  }

  /** @return the reference script */
  public String reference() {
    return reference;
  }

  @Override
  public String toString() {
    return name() + " (" + reference + ")";
  }
}
