package dev.robusta.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import dev.robusta.Training;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning from pre-trained weights ({@link FineTune}, {@code Training.fineTune}): the starting parameters equal
 * the checkpoint's bit for bit, the classifier head is replaced by the seeded initialisation when the class count
 * differs, a seeded fine-tune is bit-reproducible, and a checkpoint of another architecture or input shape gives
 * {@link IncompatibleCheckpointException} naming both. Synthetic images generated here; a few seconds in all.
 */
@Timeout(240)
class FineTuneTest {
  @TempDir static Path dir;
  static TrainedModel pretrained;
  static Path checkpoint;

  /** Seeded random images whose label shifts their mean brightness (so training has something to learn). */
  static Dataset images(String id, int n, int size, int channels, int classes, long seed) {
    return new Dataset() {
      @Override public String id() { return id; }
      @Override public int size() { return n; }
      @Override public Sample get(int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        int label = i % classes;
        byte[] px = new byte[size * size * channels];
        for (int p = 0; p < px.length; p++) {
          px[p] = (byte) Math.min(255, r.nextInt(128) + 12 * label);
        }
        return new Sample(new Image(size, size, channels, px), label, Map.of());
      }
    };
  }

  static TrainConfig config(long seed) {
    return TrainConfig.builder().epochs(1).batchSize(32).seed(seed).progress(false).build();
  }

  @BeforeAll
  static void pretrain() throws Exception {
    Path ck = dir.resolve("pretrain");
    pretrained = ClassifierTrainer.train(SmallCnn.network(10, false), InputSpec.FASHION_MNIST,
        images("source", 96, 28, 1, 10, 1), config(3).toBuilder().checkpointDir(ck).build());
    try (Stream<Path> s = Files.list(ck)) {
      checkpoint = s.filter(p -> p.toString().endsWith(".params")).findFirst().orElseThrow();
    }
  }

  @AfterAll
  static void close() {
    pretrained.close();
  }

  static Map<String, float[]> params(Network n) {
    Map<String, float[]> m = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : n.getParameters()) {
      m.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    return m;
  }

  @Test
  void theStartingParametersEqualTheCheckpointBitForBit() {
    Map<String, float[]> want = params(pretrained.network());
    for (FineTune init : new FineTune[] {FineTune.fromCheckpoint(checkpoint), FineTune.from(pretrained)}) {
      try (TrainedModel start = init.startingModel(SmallCnn.network(10, false), InputSpec.FASHION_MNIST, 99)) {
        Map<String, float[]> got = params(start.network());
        assertEquals(want.keySet(), got.keySet());
        assertTrue(want.keySet().stream().anyMatch(k -> k.contains("runningMean")),
            "batch-norm running statistics are parameters and must be copied too: " + want.keySet());
        for (String k : want.keySet()) {
          assertArrayEquals(want.get(k), got.get(k), init + ": " + k);
        }
        assertEquals(pretrained.parameterDigest(), start.parameterDigest());
      }
    }
  }

  @Test
  void theTrainerStartsFromTheCheckpoint() {
    // backbone learning rate 0 with plain SGD: every trained backbone weight must still be the checkpoint's after
    // a whole epoch, so the loop started from it; the head (full learning rate) must have moved
    TrainConfig sgd = config(5).toBuilder().optimizer(TrainConfig.OptimizerKind.SGD).momentum(0).learningRate(0.05)
        .build();
    Map<String, float[]> want = params(pretrained.network());
    try (TrainedModel tuned = Training.fineTune(FineTune.fromCheckpoint(checkpoint).bodyLearningRateFactor(0),
        SmallCnn.network(10, false), InputSpec.FASHION_MNIST, images("target", 64, 28, 1, 10, 2), sgd)) {
      int checked = 0;
      for (Pair<String, Parameter> p : tuned.network().getParameters()) {
        Parameter.Type t = p.getValue().getType();
        if (FineTune.isHead(p.getKey()) || t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR) {
          continue;
        }
        assertArrayEquals(want.get(p.getKey()), p.getValue().getArray().toFloatArray(), p.getKey());
        checked++;
      }
      assertTrue(checked >= 8, "backbone weights checked: " + checked);
      assertNotEquals(java.util.Arrays.toString(want.get("02classifier_weight")),
          java.util.Arrays.toString(tuned.network().getParameters().get("02classifier_weight").getArray()
              .toFloatArray()), "the head trains at the full learning rate");
      String start = tuned.trainResult().initialisation();
      assertTrue(start.startsWith("fine-tuned from checkpoint " + checkpoint.getFileName()) && start.contains(
          "backbone learning rate x 0.0"), start);
      assertTrue(tuned.trainResult().toString().contains("start: " + start), tuned.trainResult().toString());
    }
  }

  @Test
  void theHeadIsReplacedBySeededWeightsWhenTheClassesDiffer() {
    long seed = 42;
    try (TrainedModel start = FineTune.fromCheckpoint(checkpoint).startingModel(SmallCnn.network(4, false),
        InputSpec.FASHION_MNIST, seed); NDManager m = NDManager.newBaseManager()) {
      Map<String, float[]> got = params(start.network());
      Map<String, float[]> want = params(pretrained.network());
      assertEquals(new Shape(4, 128), start.network().getParameters().get("02classifier_weight").getArray().getShape());
      float[] seeded = new SeededInitializer(seed, "02classifier_weight")
          .initialize(m, new Shape(4, 128), DataType.FLOAT32).toFloatArray();
      assertArrayEquals(seeded, got.get("02classifier_weight"), "the new head is the run's seeded initialisation");
      for (String k : got.keySet()) {
        if (!FineTune.isHead(k)) {
          assertArrayEquals(want.get(k), got.get(k), k);
        }
      }
    }
    try (TrainedModel start = FineTune.from(pretrained).resetHead().startingModel(SmallCnn.network(10, false),
        InputSpec.FASHION_MNIST, seed); NDManager m = NDManager.newBaseManager()) {
      float[] seeded = new SeededInitializer(seed, "02classifier_weight")
          .initialize(m, new Shape(10, 128), DataType.FLOAT32).toFloatArray();
      assertArrayEquals(seeded, params(start.network()).get("02classifier_weight"),
          "resetHead keeps the seeded head even with the same class count");
      Map<String, float[]> want = params(pretrained.network());
      Map<String, float[]> got = params(start.network());
      for (String k : want.keySet()) {
        if (!FineTune.isHead(k)) {
          assertArrayEquals(want.get(k), got.get(k), k);
        }
      }
    }
    try (TrainedModel tuned = Training.fineTune(pretrained, SmallCnn.network(4, false), InputSpec.FASHION_MNIST,
        images("target4", 64, 28, 1, 4, 2), config(seed))) {
      assertTrue(tuned.trainResult().initialisation().contains("classifier head re-initialised (4 classes vs 10)"),
          tuned.trainResult().initialisation());
      assertEquals(4, tuned.classes());
    }
  }

  @Test
  void aSeededFineTuneIsReproducibleBitForBit() {
    Dataset target = images("target", 64, 28, 1, 4, 2);
    String[] d = new String[3];
    long[] seeds = {11, 11, 12};
    for (int i = 0; i < 3; i++) {
      try (TrainedModel t = Training.fineTune(FineTune.fromCheckpoint(checkpoint).bodyLearningRateFactor(0.1),
          SmallCnn.network(4, false), InputSpec.FASHION_MNIST, target, config(seeds[i]))) {
        d[i] = t.parameterDigest() + java.util.Arrays.toString(t.trainResult().epochLoss());
      }
    }
    assertEquals(d[0], d[1], "two fine-tunes with seed 11 must give bit-identical weights and losses");
    assertNotEquals(d[0], d[2], "another seed must give other weights");
  }

  @Test
  void aCheckpointOfAnotherInputShapeIsATypedErrorNamingBoth() {
    InputSpec rgb32 = new InputSpec(3, 32, 32, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});
    Path ck = dir.resolve("rgb");
    try (TrainedModel m = ClassifierTrainer.train(SmallCnn.network(10, false), rgb32,
        images("rgb", 64, 32, 3, 10, 4), config(3).toBuilder().checkpointDir(ck).build())) {
      Path file = ck.resolve("robusta-rgb-0001.params");
      IncompatibleCheckpointException e = assertThrows(IncompatibleCheckpointException.class,
          () -> Training.fineTune(FineTune.fromCheckpoint(file), SmallCnn.network(10, false),
              InputSpec.FASHION_MNIST, images("target", 64, 28, 1, 10, 2), config(1)));
      assertTrue(e.getMessage().contains("architecture 'cnn-v1' with input 3x32x32")
          && e.getMessage().contains("with input 1x28x28"), e.getMessage());
      IncompatibleCheckpointException e2 = assertThrows(IncompatibleCheckpointException.class,
          () -> Training.fineTune(m, SmallCnn.network(10, false), InputSpec.FASHION_MNIST,
              images("target", 64, 28, 1, 10, 2), config(1)));
      assertTrue(e2.getMessage().contains("input 3x32x32") && e2.getMessage().contains("input 1x28x28"),
          e2.getMessage());
    }
  }

  @Test
  void aCheckpointOfAnotherArchitectureIsATypedErrorNamingBoth() {
    Network mlp = new Network(() -> new SequentialBlock().add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(32).build()).add(Activation.reluBlock()), "mlp-32", 10, false);
    IncompatibleCheckpointException e = assertThrows(IncompatibleCheckpointException.class,
        () -> FineTune.fromCheckpoint(checkpoint).startingModel(mlp, InputSpec.FASHION_MNIST, 1));
    assertTrue(e.getMessage().contains("architecture 'cnn-v1'") && e.getMessage().contains("architecture 'mlp-32'")
        && e.getMessage().contains("first difference"), e.getMessage());
    Network mlp2 = new Network(new SequentialBlock().add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(32).build()), 10, false);
    IncompatibleCheckpointException e2 = assertThrows(IncompatibleCheckpointException.class,
        () -> FineTune.from(pretrained).startingModel(mlp2, InputSpec.FASHION_MNIST, 1));
    assertTrue(e2.getMessage().contains("architecture 'cnn-v1'") && e2.getMessage().contains("architecture 'custom'"),
        e2.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FineTune.fromCheckpoint(dir.resolve("missing.params")));
    assertThrows(IllegalArgumentException.class, () -> FineTune.from(pretrained).bodyLearningRateFactor(1.5));
  }

  @Test
  void theConfigAndTheResultPrintTheObjectiveActuallyUsed() {
    TrainConfig cfg = config(1);
    assertTrue(cfg.toString().contains("objective=CE [+ 0.5*CE(rotation 0/90/180/270) with a rotation head]"),
        cfg.toString());
    try (TrainedModel rot = ClassifierTrainer.train(SmallCnn.network(10, true), InputSpec.FASHION_MNIST,
        images("rot", 64, 28, 1, 10, 6), cfg)) {
      String s = rot.trainResult().toString();
      assertTrue(s.contains("objective=CE + 0.5*CE(rotation 0/90/180/270)]"), s);
      assertTrue(s.contains("start: seeded initialisation (seed 1)"), s);
    }
    try (TrainedModel plain = ClassifierTrainer.train(SmallCnn.network(10, false), InputSpec.FASHION_MNIST,
        images("plain", 64, 28, 1, 10, 6), cfg)) {
      String s = plain.trainResult().toString();
      assertTrue(s.contains("objective=CE]") && !s.contains("rotation"), s);
    }
  }
}
