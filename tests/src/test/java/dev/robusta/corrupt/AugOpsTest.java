package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.Image;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every AugMix/PixMix op at the oracle's pinned levels and forced sign coins, bit-exact against Pillow 9.4. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AugOpsTest {

  static Image png(Path p) throws IOException {
    return Image.of(ImageIO.read(p.toFile()));
  }

  /** A source whose every coin returns {@code coin} and that fails on any other draw. */
  static AugmentRandom coin(double coin) {
    return new AugmentRandom() {
      public double random() { return coin; }
      public double uniform(double low, double high) { return coin; }
      public int randint(int low, int high) { throw new AssertionError("no randint expected"); }
      public int choice(List<String> options) { throw new AssertionError("no choice expected"); }
      public double beta(double a, double b) { throw new AssertionError("no beta expected"); }
      public double[] dirichlet(double[] alpha) { throw new AssertionError("no dirichlet expected"); }
    };
  }

  @Test
  void everyOpMatchesPillowBitExactly() throws IOException {
    Path root = Shared.path("oracles/augmentation");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    try (Reader r = Files.newBufferedReader(root.resolve("ops_manifest.csv"))) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        Image clean = png(root.resolve("../corruptions/clean/" + row.get("image") + ".png").normalize());
        int size = Integer.parseInt(row.get("image_size_setting"));
        AugOp op = AugOp.named(row.get("op"));
        String u = row.get("level_sample_u");
        AugmentRandom coin = coin("1".equals(row.get("negate")) ? 0.9 : 0.1);
        Image out = u.isEmpty() ? op.apply(clean, 3, size, coin) : op.applyAtLevel(clean, Double.parseDouble(u), size, coin);
        Image want = png(root.resolve(row.get("png")));
        checked++;
        if (!want.equals(out)) {
          int diff = 0;
          int max = 0;
          for (int y = 0; y < want.height(); y++) {
            for (int x = 0; x < want.width(); x++) {
              for (int c = 0; c < 3; c++) {
                int d = Math.abs(want.get(y, x, c) - out.get(y, x, c));
                if (d > 0) {
                  diff++;
                  max = Math.max(max, d);
                }
              }
            }
          }
          failures.add(row.get("png") + " differs in " + diff + " values, max " + max);
        }
      }
    }
    assertEquals(132, checked, "rows of ops_manifest.csv");
    assertTrue(failures.isEmpty(), failures.size() + " ops differ:\n" + String.join("\n", failures));
  }

  @Test
  void levelMappingFollowsTheReference() {
    assertEquals(0, AugOp.intParameter(0.1, 4));
    assertEquals(1, AugOp.intParameter(2.5, 4));
    assertEquals(255, AugOp.intParameter(9.99, 256));
    assertEquals(0.1 + 0.18, AugOp.enhanceFactor(1.0), 1e-15);
    assertArrayEquals(new String[] {"autocontrast", "equalize", "posterize", "rotate", "solarize", "shear_x",
        "shear_y", "translate_x", "translate_y"}, AugOp.AUGMIX.stream().map(AugOp::opName).toArray());
    assertEquals(13, AugOp.ALL.size());
  }
}
