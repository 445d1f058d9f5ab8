package dev.robusta.infer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Builds a {@link Classifier}: the model source (a TorchScript or ONNX file, or a DJL model-zoo URL)
 * and the preset are required, everything else is optional.
 *
 * <pre>{@code
 * try (Classifier c = Models.loader(Path.of("cifar10_resnet20.onnx"), Preset.CIFAR)
 *     .threads(2).load()) { ... }
 * }</pre>
 *
 * <p>Device: CPU unless the engine reports GPUs ({@code Engine.getGpuCount() > 0}, which needs CUDA
 * natives: see the README's GPU section), then {@code gpu(0)}; {@link #device(Device)} overrides it.
 */
public final class ClassifierLoader {
  private final Path file;
  private final String zooUrl;
  private final Preset preset;
  private Backend backend;
  private Device device;
  private int threads;
  private int fixedBatch = -1;
  private Precision precision = Precision.FP32;
  private String logitsOutput;
  private String featuresOutput;
  private boolean penultimate;
  private OnnxOptimization onnxOptimization = OnnxOptimization.BASIC;

  private ClassifierLoader(Path file, String zooUrl, Preset preset) {
    this.file = file;
    this.zooUrl = zooUrl;
    this.preset = Objects.requireNonNull(preset, "preset");
  }

  /** @see dev.robusta.Models#loader(Path, Preset) */
  public static ClassifierLoader file(Path file, Preset preset) {
    return new ClassifierLoader(Objects.requireNonNull(file, "file"), null, preset);
  }

  /**
   * A model from DJL's repositories: any URL {@code Criteria.optModelUrls} accepts, e.g.
   * {@code djl://ai.djl.pytorch/resnet} or {@code https://host/model.zip}. Needs network (the build runs
   * with {@code -Dai.djl.offline=true}, where this fails with DJL's "Offline mode is enabled").
   * The cache checksum is the SHA-256 of the URL string, since no single file identifies a zoo model.
   */
  public static ClassifierLoader zoo(String url, Backend backend, Preset preset) {
    ClassifierLoader l = new ClassifierLoader(null, Objects.requireNonNull(url, "url"), preset);
    l.backend = Objects.requireNonNull(backend, "backend");
    return l;
  }

  /**
   * A model file at a URL, downloaded once through the dataset {@link dev.robusta.data.Store} (resumed,
   * checked against {@code sha256}, moved into place atomically) into {@code models-<sha256[0:16]>/} of the
   * store, then loaded like a file. The engine comes from the URL's extension ({@code .pt}/{@code .onnx}).
   *
   * @param url an {@code http(s)} URL of a TorchScript or ONNX file
   * @param sha256 the file's SHA-256 (64 lower-case hex digits); a mismatch throws
   *     {@link dev.robusta.data.ChecksumMismatchException} and keeps nothing
   * @param store where downloads live ({@link dev.robusta.data.Store#defaultStore()} for the default)
   */
  public static ClassifierLoader url(String url, String sha256, Preset preset, dev.robusta.data.Store store) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(store, "store");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256
          + "' (compute it with: sha256sum FILE)");
    }
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?#].*", "");
    Backend.forFile(java.nio.file.Path.of(name.isEmpty() ? "model" : name));
    String id = "models-" + sha256.substring(0, 16);
    dev.robusta.data.RegistryEntry entry = new dev.robusta.data.RegistryEntry(id, name, "model", null, null, null,
        null, null, null, null, null, null, null, null, null, null, "model file " + url, null, null,
        java.util.List.of(new dev.robusta.data.ArchiveSpec(name, "file", java.util.List.of(url), null, sha256, null,
            null)));
    Path dir = store.prepare(entry);
    return new ClassifierLoader(dir.resolve(name), null, preset);
  }

  /** @return the model file, or {@code null} for a model-zoo URL */
  Path modelFile() { return file; }

  /** @param b the engine; default: from the file extension ({@link Backend#forFile}) */
  public ClassifierLoader backend(Backend b) {
    this.backend = Objects.requireNonNull(b, "backend");
    return this;
  }

  /** @param d the device, overriding the default (GPU 0 when the engine reports GPUs, else CPU) */
  public ClassifierLoader device(Device d) {
    this.device = Objects.requireNonNull(d, "device");
    return this;
  }

  /**
   * @param n intra-op threads of the engine, at least 1; 0 (default) keeps the engine's default (one per
   *     core). For PyTorch this is process-wide ({@code torch.set_num_threads}); for ONNX Runtime it is
   *     per model ({@code intraOpNumThreads}).
   */
  public ClassifierLoader threads(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("threads must be >= 0 (0 = engine default), got " + n);
    }
    this.threads = n;
    return this;
  }

  /**
   * @param n the batch size the model requires (images are fed in chunks of it); 0 = any batch size.
   *     Default: read from the ONNX input shape (e.g. 1 for {@code [1,3,224,224]}), else any.
   */
  public ClassifierLoader fixedBatchSize(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("fixed batch size must be >= 0, got " + n);
    }
    this.fixedBatch = n;
    return this;
  }

  /** @param p forward precision; {@link Precision#FP16} needs PyTorch on a GPU (untested, no GPU here) */
  public ClassifierLoader precision(Precision p) {
    this.precision = Objects.requireNonNull(p, "precision");
    return this;
  }

  /**
   * @param level ONNX Runtime graph optimization level; default {@link OnnxOptimization#BASIC}, because
   *     the extended fusions of ONNX Runtime 1.21.1 corrupt QDQ-quantized graphs (see the enum)
   */
  public ClassifierLoader onnxOptimization(OnnxOptimization level) {
    this.onnxOptimization = Objects.requireNonNull(level, "level");
    return this;
  }

  /** @param nameOrIndex the output holding logits (ONNX output name, or index); default the first */
  public ClassifierLoader logitsOutput(String nameOrIndex) {
    this.logitsOutput = Objects.requireNonNull(nameOrIndex, "nameOrIndex");
    return this;
  }

  /**
   * Also return penultimate features (for Mahalanobis, ViM, KNN) from another model output.
   *
   * <p>A TorchScript or ONNX file can only give what its graph outputs. For ONNX, re-export with the
   * penultimate tensor as a second graph output (e.g. {@code torch.onnx.export(..., output_names=["logits",
   * "features"])} of a module returning both) and pass its name here; for TorchScript, trace a module
   * that returns a tuple {@code (logits, features)} and pass {@code "1"}. Features are cached beside the
   * logits and are part of the cache key.
   *
   * @param nameOrIndex ONNX output name, or the output's position
   */
  public ClassifierLoader featuresOutput(String nameOrIndex) {
    this.featuresOutput = Objects.requireNonNull(nameOrIndex, "nameOrIndex");
    return this;
  }

  /**
   * Also return the penultimate features: the tensor that feeds the model's final linear layer (for
   * Mahalanobis, ViM, KNN), found automatically, for ONNX files whose graph outputs only the logits.
   *
   * <p>How: the loader reads the ONNX graph, walks back from the first graph output (the logits) through
   * shape-only ops (Identity, Reshape, Flatten, Squeeze) and a bias {@code Add} to the {@code Gemm} or
   * {@code MatMul} that produces it, and takes that node's data input (for the CIFAR ResNets: the
   * flattened global-average-pooled {@code [N, 64]} vector). It then loads a temporary copy of the model
   * with that tensor added as an extra graph output (deleted once ONNX Runtime has read it); the logits
   * stay the first output, and {@link Outputs#features()} returns {@code [N, D]}. The features output's
   * name is in {@link ModelInfo#featuresOutput()} and in the logits-cache key.
   *
   * <p>TorchScript files are not supported: DJL runs only a module's {@code forward}, so trace a module
   * that returns {@code (logits, features)} and use {@link #featuresOutput(String) featuresOutput("1")}, or
   * load the ONNX export of the same weights.
   *
   * @throws IllegalArgumentException at {@link #load()} for a non-ONNX model, a graph whose logits do not
   *     come from a Gemm/MatMul, or weights kept in ONNX external data
   */
  public ClassifierLoader penultimateFeatures() {
    this.penultimate = true;
    return this;
  }

  /**
   * Loads the model.
   *
   * @throws IllegalArgumentException for a missing file, an unknown extension or an FP16 request off-GPU
   * @throws InferenceException when the engine cannot load the model
   */
  public Classifier load() {
    Backend b = backend != null ? backend : Backend.forFile(file);
    if (file != null && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("model file not found: " + file.toAbsolutePath());
    }
    Engine engine;
    try {
      engine = Engine.getEngine(b.djlName());
    } catch (RuntimeException e) {
      throw new InferenceException("the " + b + " engine did not start: " + Classifier.rootMessage(e)
          + " (offline it needs pytorch-native-cpu + pytorch-jni, or onnxruntime, on the class path)", e);
    }
    Device dev = device != null ? device : engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    if (precision == Precision.FP16 && (b != Backend.PYTORCH || !dev.isGpu())) {
      throw new IllegalArgumentException("FP16 inference needs the PyTorch engine on a GPU, got " + b
          + " on " + dev + "; use Precision.FP32");
    }
    if (threads > 0 && b == Backend.PYTORCH) {
      ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    }
    String sha = file != null ? Checksums.sha256(file) : Checksums.sha256(zooUrl);
    String features = featuresOutput;
    Path modelPath = file;
    if (penultimate) {
      if (b != Backend.ONNX_RUNTIME || file == null) {
        throw new IllegalArgumentException("penultimateFeatures() needs an ONNX model file, got " + b + " "
            + (file != null ? file : zooUrl) + "; for TorchScript trace a module returning (logits, features) and"
            + " use featuresOutput(\"1\"), or load the .onnx export of the same weights");
      }
      if (featuresOutput != null) {
        throw new IllegalArgumentException("use either penultimateFeatures() or featuresOutput(\"" + featuresOutput
            + "\"), not both");
      }
      try {
        OnnxGraph g = OnnxGraph.parse(Files.readAllBytes(file));
        if (g.hasExternalData()) {
          throw new IllegalArgumentException(file + " keeps weights in ONNX external data; penultimateFeatures()"
              + " copies the graph to a temporary file and cannot follow them: add the features output yourself");
        }
        features = g.finalLinear().features();
        modelPath = Files.createTempFile("robusta-features-", ".onnx");
        Files.write(modelPath, g.withExtraOutput(features));
      } catch (IOException e) {
        throw unchecked("cannot prepare the features output of " + file, e);
      }
    }
    OutputSelector selector = new OutputSelector(logitsOutput, features);
    Criteria.Builder<BatchTranslator.Batch, Outputs> cb = Criteria.builder()
        .setTypes(BatchTranslator.Batch.class, Outputs.class)
        .optEngine(b.djlName())
        .optDevice(dev)
        .optTranslator(new BatchTranslator(selector, precision == Precision.FP16));
    if (file != null) {
      cb.optModelPath(modelPath.toAbsolutePath());
    } else {
      try {
        cb.optModelUrls(zooUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("DJL cannot resolve '" + zooUrl + "': " + e.getMessage()
            + " (djl:// URLs need the engine's model-zoo jar, e.g. ai.djl.pytorch:pytorch-model-zoo, on the"
            + " class path; an https:// URL of a model archive needs none)", e);
      }
    }
    if (b == Backend.PYTORCH) {
      // load the weights as ordinary tensors (not under c10::InferenceMode) so that input gradients work
      cb.optOption("trainParam", "true");
    }
    if (b == Backend.ONNX_RUNTIME) {
      cb.optOption("optLevel", onnxOptimization.ortName());
    }
    if (threads > 0 && b == Backend.ONNX_RUNTIME) {
      cb.optOption("intraOpNumThreads", Integer.toString(threads)).optOption("interOpNumThreads", "1");
    }
    ZooModel<BatchTranslator.Batch, Outputs> model;
    try {
      model = cb.build().loadModel();
    } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
      throw new InferenceException("cannot load " + (file != null ? file : zooUrl) + " with " + b + ": "
          + Classifier.rootMessage(e), e);
    } finally {
      if (modelPath != file) {
        try {
          Files.deleteIfExists(modelPath);
        } catch (IOException e) {
          modelPath.toFile().deleteOnExit();
        }
      }
    }
    if (precision == Precision.FP16) {
      model.cast(DataType.FLOAT16);
    }
    int fixed = fixedBatch >= 0 ? fixedBatch : inputBatchDim(model);
    String name = file != null ? stripExtension(file.getFileName().toString()) : zooUrl;
    ModelInfo info = new ModelInfo(name, sha, b, dev.toString(), precision, logitsOutput, features);
    return new Classifier(model, info, preset, fixed);
  }

  /**
   * @return the first input's batch dimension when the graph fixes it (> 0), else 0. DJL's
   *     {@code describeInput()} carries no shapes for ONNX models, so this asks ONNX Runtime's session
   *     (held privately by DJL's {@code OrtSymbolBlock}) for its input info.
   */
  private static int inputBatchDim(ZooModel<?, ?> model) {
    Object block = model.getBlock();
    for (Class<?> k = block.getClass(); k != null; k = k.getSuperclass()) {
      for (java.lang.reflect.Field f : k.getDeclaredFields()) {
        if (f.getType() == ai.onnxruntime.OrtSession.class) {
          try {
            f.setAccessible(true);
            ai.onnxruntime.OrtSession session = (ai.onnxruntime.OrtSession) f.get(block);
            var info = session.getInputInfo().values().iterator().next().getInfo();
            if (info instanceof ai.onnxruntime.TensorInfo t && t.getShape().length == 4 && t.getShape()[0] > 0) {
              return (int) t.getShape()[0];
            }
            return 0;
          } catch (ReflectiveOperationException | RuntimeException | ai.onnxruntime.OrtException e) {
            return 0;
          }
        }
      }
    }
    return 0;
  }

  private static String stripExtension(String n) {
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  static UncheckedIOException unchecked(String what, IOException e) {
    return new UncheckedIOException(what + ": " + e.getMessage(), e);
  }
}
