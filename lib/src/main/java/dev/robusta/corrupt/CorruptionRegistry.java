package dev.robusta.corrupt;

import static dev.robusta.corrupt.CorruptionGroup.BLUR;
import static dev.robusta.corrupt.CorruptionGroup.DIGITAL;
import static dev.robusta.corrupt.CorruptionGroup.EXTRA;
import static dev.robusta.corrupt.CorruptionGroup.NOISE;
import static dev.robusta.corrupt.CorruptionGroup.WEATHER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 19 corruptions by name, in ImageNet-C order (15 benchmark, then the 4 extra). */
final class CorruptionRegistry {
  private static final Map<String, Corruption> BY_NAME = new LinkedHashMap<>();

  static {
    add(new GaussianNoise());
    add(new ShotNoise());
    add(new ImpulseNoise());
    add(new DefocusBlur());
    add(new GlassBlur());
    add(new MotionBlur());
    add(new ZoomBlur());
    add(new Snow());
    add(new Frost());
    add(new Fog());
    add(new Brightness());
    add(new Contrast());
    add(new ElasticTransform());
    add(new Pixelate());
    add(new JpegCompression());
    add(new SpeckleNoise());
    add(new GaussianBlur());
    add(new Spatter());
    add(new Saturate());
  }

  private CorruptionRegistry() {}

  private static void add(Corruption c) {
    BY_NAME.put(c.name(), c);
  }

  static Corruption get(String name) {
    Corruption c = BY_NAME.get(name);
    if (c == null) {
      throw new IllegalArgumentException("unknown corruption '" + name + "'; known: " + names());
    }
    return c;
  }

  static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }
}
