package dev.robusta.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Test-local datasets over {@code ../shared/data} (decoded with ImageIO + TwelveMonkeys) and the
 * reference values. The JPEG test set is read with {@code Datasets.load("cifar10", folder)}; the 100
 * lossless PNGs (named by test index) and the flat ImageNet sample folder keep these small readers.
 */
final class Fixtures {
  static final List<String> CIFAR_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
      "frog", "horse", "ship", "truck");

  private Fixtures() {}

  /** A dataset over a fixed list of files with labels. */
  record FileDataset(String id, List<Path> files, int[] labels) implements Dataset {
    @Override
    public int size() { return files.size(); }

    @Override
    public Sample get(int i) {
      return new Sample(decode(files.get(i)), labels[i], Map.of("path", files.get(i).toString()));
    }
  }

  static Image decode(Path p) {
    try {
      var img = ImageIO.read(p.toFile());
      if (img == null) {
        throw new IllegalStateException("no ImageIO reader for " + p);
      }
      return Image.of(img);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode reference() {
    try {
      return new ObjectMapper().readTree(Shared.path("data/reference-values.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resnet(int depth, String ext) {
    return Shared.path("data/models/cifar10-resnet/cifar10_resnet" + depth + "." + ext);
  }

  /** The first 100 CIFAR-10 test images, lossless PNG, in test-index order. */
  static Dataset cifarLossless() {
    Path root = Shared.path("data/datasets/cifar10-test-first100/png");
    Path[] files = new Path[100];
    int[] labels = new int[100];
    for (int c = 0; c < 10; c++) {
      try (Stream<Path> s = Files.list(root.resolve(CIFAR_CLASSES.get(c)))) {
        for (Path p : (Iterable<Path>) s::iterator) {
          int idx = Integer.parseInt(p.getFileName().toString().replace(".png", ""));
          files[idx] = p;
          labels[idx] = c;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new FileDataset("cifar10-test-first100", List.of(files), labels);
  }

  /** The 122 ImageNet sample photos sorted by file name; label = index of the wnid prefix. */
  static Dataset imagenetSamples() {
    Path root = Shared.path("data/datasets/imagenet-sample-images");
    try (Stream<Path> s = Files.list(root)) {
      List<String> wnids = Files.readAllLines(Shared.path("data/class-lists/imagenet1k_wnids.txt"));
      List<Path> files = s.filter(p -> p.toString().endsWith(".JPEG"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
      int[] labels = files.stream().mapToInt(p -> wnids.indexOf(p.getFileName().toString().substring(0, 9)))
          .toArray();
      return new FileDataset("imagenet-sample-images", files, labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] floats(JsonNode arr) {
    float[] out = new float[arr.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) arr.get(i).asDouble();
    }
    return out;
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
