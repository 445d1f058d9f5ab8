package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.data.LabelSpace;
import dev.robusta.data.Sample;
import dev.robusta.infer.Preset;
import java.util.HashMap;
import java.util.Map;

/**
 * A dataset whose images went through a preprocessing preset's geometry (e.g. {@link Preset#IMAGENET}: shorter
 * side 256 with Pillow bilinear, center crop 224) and nothing else: 8-bit RGB pictures of the size the model
 * sees. ImageNet-C corrupts this crop ({@code make_imagenet_c.py}: {@code Resize(256), CenterCrop(224)} before
 * the corruption), so the corruption grid is generated from this view, not from the full-size photos. The
 * clean images of this view, normalised without a further resize, give exactly the model's logits under the
 * preset itself.
 */
final class CroppedDataset implements Dataset {
  private final Dataset base;
  private final Preset geometry;

  /** @param geometry a preset with a resize and/or crop; its normalisation is not applied here */
  CroppedDataset(Dataset base, Preset geometry) {
    this.base = base;
    this.geometry = geometry;
  }

  @Override
  public String id() { return base.id() + "@crop" + geometry.crop(); }

  @Override
  public int size() { return base.size(); }

  @Override
  public LabelSpace labelSpace() { return base.labelSpace(); }

  @Override
  public Sample get(int index) {
    Sample s = base.get(index);
    Map<String, String> meta = new HashMap<>(s.meta());
    meta.put("geometry", "resize shorter " + geometry.resizeShorter() + ", center crop " + geometry.crop());
    return new Sample(geometry.geometry(s.image()), s.label(), meta);
  }

  @Override
  public String toString() { return "CroppedDataset[" + id() + ", " + geometry + "]"; }
}
