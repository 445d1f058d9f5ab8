package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.data.Image;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AugMix against the recorded draws of google-research/augmix (both code paths, bit-exact), and its convexity. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AugMixTest {

  @Test
  void replaysEveryRecordedRunOfBothReferences() throws IOException {
    Path root = Shared.path("oracles/augmentation");
    Image coffee = AugOpsTest.png(root.resolve("../corruptions/clean/coffee32.png").normalize());
    JsonNode index = new ObjectMapper().readTree(root.resolve("augmix/index.json").toFile());
    int cases = 0;
    for (JsonNode run : index) {
      AugmentTrace trace = new AugmentTrace(run.get("draws"));
      Path wantPath = root.resolve(run.get("output_npy").asText());
      Npy.Array want = Npy.read(java.nio.file.Files.readAllBytes(wantPath), wantPath.toString());
      String kind = run.get("kind").asText();
      double maxDiff = 0;
      if (kind.startsWith("augment_and_mix.py")) {
        AugMix am = AugMix.builder().severity(run.get("severity").asDouble()).width(run.get("width").asInt())
            .depth(run.get("depth").asInt()).alpha(run.get("alpha").asDouble()).build();
        double[] got = am.applyNumpyReference(coffee, trace);
        assertArrayEquals(new int[] {32, 32, 3}, want.shape());
        for (int i = 0; i < got.length; i++) {
          maxDiff = Math.max(maxDiff, Math.abs(got[i] - want.values()[i]));
        }
        assertEquals(0.0, maxDiff, run.get("output_npy") + ": the float64 path is bit-exact (README allows 1e-9)");
      } else {
        AugMix am = AugMix.builder().width(run.get("mixture_width").asInt()).depth(run.get("mixture_depth").asInt())
            .severity(run.get("aug_severity").asDouble()).alpha(run.get("aug_prob_coeff").asDouble())
            .allOps(run.get("all_ops").asBoolean()).build();
        float[] got = am.apply(coffee, trace);
        assertArrayEquals(new int[] {3, 32, 32}, want.shape());
        for (int i = 0; i < got.length; i++) {
          maxDiff = Math.max(maxDiff, Math.abs(got[i] - want.values()[i]));
        }
        assertEquals(0.0, maxDiff, run.get("output_npy") + ": the float32 path is bit-exact (README allows 1e-6)");
      }
      assertTrue(trace.exhausted(), run.get("output_npy") + ": not every recorded draw was used");
      System.out.println("[augmix golden] " + run.get("output_npy").asText() + ": max abs diff " + maxDiff);
      cases++;
    }
    assertEquals(15, cases);
  }

  /** A deterministic op that adds 25 to every value (saturating). */
  record Plus25() implements AugmentOp {
    public Image apply(Image image, double severity, int imageSize, AugmentRandom rnd) {
      byte[] p = image.pixels();
      for (int i = 0; i < p.length; i++) {
        p[i] = (byte) Math.min(255, (p[i] & 0xff) + 25);
      }
      return Image.wrap(image.height(), image.width(), image.channels(), p);
    }
  }

  @Test
  void mixesOnlyEachChainsFinalImage() {
    byte[] grey = new byte[16 * 16 * 3];
    Arrays.fill(grey, (byte) 128);
    Image img = new Image(16, 16, 3, grey);
    AugMix am = AugMix.builder().width(1).depth(2).ops(List.of(new Plus25())).build();
    for (long seed = 0; seed < 50; seed++) {
      float[] out = am.apply(img, seed);
      for (float v : out) {
        double pixel = (v * 0.5 + 0.5) * 255;
        assertTrue(pixel >= 128 - 1e-3 && pixel <= 178 + 1e-3, "seed " + seed + ": pixel " + pixel
            + " outside [128, 178]: intermediate chain images were mixed in");
      }
    }
  }

  @Test
  void seededRunsAreDeterministicAndSeedsDiffer() {
    Image img = gradient(32, 32);
    AugMix am = AugMix.builder().allOps(true).build();
    assertArrayEquals(am.apply(img, 7), am.apply(img, 7));
    assertNotEquals(Arrays.toString(am.apply(img, 7)), Arrays.toString(am.apply(img, 8)));
    AugMix.Triple t = am.triple(img, 3);
    assertArrayEquals(am.preprocess(img), t.clean());
    assertNotEquals(Arrays.toString(t.aug1()), Arrays.toString(t.aug2()));
    assertEquals(3 * 32 * 32, t.aug1().length);
  }

  @Test
  void seededDrawsHaveTheRightDistributions() {
    AugmentRandom r = AugmentRandom.seeded(1);
    int n = 20000;
    double sumBeta = 0;
    double sumDir0 = 0;
    for (int i = 0; i < n; i++) {
      sumBeta += r.beta(3, 1);
      double[] d = r.dirichlet(new double[] {0.5, 0.5, 0.5, 0.5});
      assertEquals(1.0, Arrays.stream(d).sum(), 1e-12);
      sumDir0 += d[0];
    }
    assertEquals(0.75, sumBeta / n, 0.01, "Beta(3, 1) mean");
    assertEquals(0.25, sumDir0 / n, 0.01, "Dirichlet(0.5 x 4) mean of a weight");
  }

  @Test
  void badOptionsAreRejectedWithTheValidRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AugMix.builder().width(0));
    assertTrue(e.getMessage().contains(">= 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AugMix.builder().alpha(0));
    assertThrows(IllegalArgumentException.class, () -> AugMix.builder().severity(11));
    assertThrows(IllegalArgumentException.class, () -> AugMix.builder().build().apply(gradient(20, 30), 1));
    assertTrue(AugMix.builder().build().toString().contains("width=3"));
  }

  static Image gradient(int h, int w) {
    byte[] p = new byte[h * w * 3];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) ((i * 7) % 256);
    }
    return new Image(h, w, 3, p);
  }
}
