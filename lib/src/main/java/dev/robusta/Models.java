package dev.robusta;

import dev.robusta.data.Dataset;
import dev.robusta.infer.Backend;
import dev.robusta.infer.ClassEmbeddings;
import dev.robusta.infer.Classifier;
import dev.robusta.infer.ClassifierLoader;
import dev.robusta.infer.LogitsCache;
import dev.robusta.infer.Pipeline;
import dev.robusta.infer.Predictions;
import dev.robusta.infer.Preset;
import dev.robusta.infer.ClipFiles;
import dev.robusta.infer.PromptTemplates;
import dev.robusta.infer.ZeroShotClassifier;
import java.nio.file.Path;
import java.util.List;

/**
 * One-liners for loading classifiers and computing their logits (package {@code dev.robusta.infer}).
 *
 * <pre>{@code
 * try (Classifier c = Models.load(Path.of("cifar10_resnet20.pt"), Preset.CIFAR)) {
 *   Predictions p = Models.evaluate(c, dataset, LogitsCache.standard());
 *   System.out.println(p);          // model, checksum, dataset, preprocessing, top-1
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

  /**
   * @return a loader with options (engine, device, threads, fixed batch, features output, ONNX
   *     optimization level); long form {@code ClassifierLoader.file(file, preset)}
   */
  public static ClassifierLoader loader(Path file, Preset preset) {
    return ClassifierLoader.file(file, preset);
  }

  /**
   * Loads a TorchScript or ONNX file from a URL, downloaded once into the default dataset store and
   * checked against its SHA-256. Long form:
   * {@code ClassifierLoader.url(url, sha256, preset, Store.defaultStore()).load()}.
   *
   * @throws dev.robusta.data.ChecksumMismatchException when the download differs from {@code sha256}
   * @throws dev.robusta.data.DownloadException when it cannot be downloaded (offline, HTTP error)
   */
  public static Classifier load(String url, String sha256, Preset preset) {
    return ClassifierLoader.url(url, sha256, preset, dev.robusta.data.Store.defaultStore()).load();
  }

  /**
   * Loads a model from DJL's model zoo or any URL DJL's {@code Criteria.optModelUrls} accepts (needs
   * network; fails with "Offline mode is enabled" under {@code -Dai.djl.offline=true}). Long form:
   * {@code ClassifierLoader.zoo(url, backend, preset).load()}.
   */
  public static Classifier zoo(String url, Backend backend, Preset preset) {
    return ClassifierLoader.zoo(url, backend, preset).load();
  }

  /**
   * Logits of the classifier on the whole dataset, without a cache. Long form:
   * {@code Pipeline.builder(classifier).build().run(dataset)}.
   */
  public static Predictions evaluate(Classifier classifier, Dataset dataset) {
    return Pipeline.builder(classifier).build().run(dataset);
  }

  /**
   * Logits through a cache: read when present and intact, else computed (resuming any checkpoint) and
   * stored. Long form: {@code Pipeline.builder(classifier).cache(cache).build().run(dataset)}.
   */
  public static Predictions evaluate(Classifier classifier, Dataset dataset, LogitsCache cache) {
    return Pipeline.builder(classifier).cache(cache).build().run(dataset);
  }

  /**
   * A zero-shot classifier (CLIP-style, Radford et al. 2021): {@code [N, C]} logits
   * {@code 100 * cos(image embedding, class embedding)}, the image encoder preprocessed with
   * {@link Preset#CLIP}. Long form: {@code ZeroShotClassifier.builder(classes).imageEncoder(file).load()}.
   *
   * @param imageEncoder TorchScript/ONNX image tower {@code [N, 3, 224, 224] -> [N, D]}
   * @param classes {@code [C, D]} class embeddings ({@link ClassEmbeddings#fromNpy}, {@link
   *     ClassEmbeddings#fromPrompts})
   * @throws dev.robusta.infer.MissingWeightsException when the encoder file is absent
   * @throws dev.robusta.infer.EmbeddingDimensionException when the encoder's D differs from the classes'
   */
  public static ZeroShotClassifier zeroShot(Path imageEncoder, ClassEmbeddings classes) {
    return ZeroShotClassifier.builder(classes).imageEncoder(imageEncoder).load();
  }

  /**
   * The same with any image encoder loader (preset, threads, engine). Long form:
   * {@code ZeroShotClassifier.builder(classes).imageEncoder(loader).load()}.
   */
  public static ZeroShotClassifier zeroShot(ClassifierLoader imageEncoder, ClassEmbeddings classes) {
    return ZeroShotClassifier.builder(classes).imageEncoder(imageEncoder).load();
  }

  /**
   * CLIP zero-shot from a folder of exported files (see {@link ClipFiles} for the names and the export
   * commands), with {@link PromptTemplates#ENSEMBLE}. Long form:
   * {@code ZeroShotClassifier.clip(new ClipFiles(folder), classNames, PromptTemplates.ENSEMBLE)}.
   *
   * @throws dev.robusta.infer.MissingWeightsException naming every missing file and how to get it
   */
  public static ZeroShotClassifier clip(Path folder, List<String> classNames) {
    return ZeroShotClassifier.clip(new ClipFiles(folder), classNames, PromptTemplates.ENSEMBLE);
  }
}
