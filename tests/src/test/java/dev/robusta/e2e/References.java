package dev.robusta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.e2e.EvalRuns.Run;
import dev.robusta.infer.Backend;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The CIFAR-10 ResNet reference values, read at run time from {@code ../shared/data/reference-values.json}
 * ({@code cifar10_resnet.models.<model>.jpeg_test10000}: the Python evaluation of the same files on the same
 * 10,000 JPEGs), and clean-only {@code eval} runs into a shared logits cache.
 */
final class References {
  private References() {}

  private static JsonNode jpeg(String model) {
    Path file = Shared.path("data/reference-values.json");
    try {
      JsonNode n = new ObjectMapper().readTree(file.toFile()).at("/cifar10_resnet/models/" + model + "/jpeg_test10000");
      if (n.isMissingNode()) {
        throw new AssertionError("no cifar10_resnet.models." + model + ".jpeg_test10000 in " + file);
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @param field {@code top1_torchscript} or {@code top1_onnxruntime} */
  static double top1(String model, String field) {
    return jpeg(model).path(field).asDouble(Double.NaN);
  }

  static int disagreements(String model) {
    return jpeg(model).path("n_prediction_disagreements_torchscript_vs_onnxruntime").asInt(-1);
  }

  /** Runs {@code eval} on the clean JPEG set only; @return the clean top-1 from the written table */
  static double cleanRun(Path model, Path root, Path cache, Path out) throws Exception {
    Run r = EvalRuns.main("eval", "--model", model.toString(), "--preset", "cifar", "--dataset", "cifar10",
        "--root", root.toString(), "--out", out.toString(), "--cache", cache.toString());
    assertEquals(0, r.status(), r.err());
    return EvalRuns.table(out.resolve("cifar10-test"), "clean-accuracy").doubleColumn("top1").get(0);
  }

  /** Computes the clean logits of a model into the cache unless another test method already did. */
  static void ensureClean(Path model, Path root, Path cache, Path out, String name, Backend backend) throws Exception {
    try {
      EvalRuns.clean(cache, name, backend);
    } catch (AssertionError absent) {
      cleanRun(model, root, cache, out);
    }
  }
}
