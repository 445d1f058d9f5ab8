package dev.robusta;

import dev.robusta.infer.Classifier;
import dev.robusta.infer.ClassifierLoader;
import dev.robusta.infer.Preset;
import java.nio.file.Path;

/**
 * One-liners for loading classifiers (package {@code dev.robusta.infer}).
 *
 * <pre>{@code
 * try (Classifier c = Models.load(Path.of("cifar10_resnet20.pt"), Preset.CIFAR)) {
 *   Predictions p = Models.evaluate(c, dataset);
 * }
 * }</pre>
 */
public final class Models {
  private Models() {}

  /**
   * Loads a TorchScript ({@code .pt}) or ONNX ({@code .onnx}) classifier on the default device.
   * Long form: {@code ClassifierLoader.file(file, preset).load()}.
   *
   * @throws IllegalArgumentException for a missing file or an unknown extension
   * @throws dev.robusta.infer.InferenceException when the engine cannot load it
   */
  public static Classifier load(Path file, Preset preset) {
    return loader(file, preset).load();
  }

  /** @return a loader with options (engine, device, threads, fixed batch, features output) */
  public static ClassifierLoader loader(Path file, Preset preset) {
    return ClassifierLoader.file(file, preset);
  }
}
