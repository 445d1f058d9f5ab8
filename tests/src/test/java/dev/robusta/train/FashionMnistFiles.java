package dev.robusta.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Test-local reader of Debian's Fashion-MNIST IDX files ({@code dataset-fashion-mnist}); skips the test with
 * the reason when they are absent. To be replaced by {@code Datasets.load("fashion-mnist")} once the
 * dataset loader is in main.
 */
final class FashionMnistFiles {
  static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

  private FashionMnistFiles() {}

  /** @param split "train" or "t10k" */
  static Dataset load(String split, int limit) throws IOException {
    Path images = DIR.resolve(split + "-images-idx3-ubyte.gz");
    Path labels = DIR.resolve(split + "-labels-idx1-ubyte.gz");
    assumeTrue(Files.exists(images) && Files.exists(labels),
        () -> "skipped: " + images + " is absent (apt-get install dataset-fashion-mnist)");
    byte[] px;
    byte[] lb;
    int n;
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(images)))) {
      in.readInt();
      n = Math.min(limit, in.readInt());
      in.readInt();
      in.readInt();
      px = in.readNBytes(n * 784);
    }
    try (InputStream raw = new GZIPInputStream(Files.newInputStream(labels))) {
      raw.readNBytes(8);
      lb = raw.readNBytes(n);
    }
    final int size = n;
    return new Dataset() {
      @Override public String id() { return "fashion-mnist/" + split; }
      @Override public int size() { return size; }
      @Override public Sample get(int i) {
        byte[] one = new byte[784];
        System.arraycopy(px, i * 784, one, 0, 784);
        return new Sample(Image.wrap(28, 28, 1, one), lb[i], Map.of());
      }
    };
  }
}
