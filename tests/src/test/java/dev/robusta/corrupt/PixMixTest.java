package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.data.Image;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PixMix's mixing operations and full pipeline against andyzoujm/pixmix's recorded outputs: add and the
 * full runs bit-exact, multiply within 1e-6 relative (torch's float pow vs Java's, about 2e-7 here).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PixMixTest {

  @Test
  void mixingOpsAndFullRunsMatchTheReference() throws IOException {
    Path root = Shared.path("oracles/augmentation");
    Image coffee = AugOpsTest.png(root.resolve("../corruptions/clean/coffee32.png").normalize());
    Image pic = AugOpsTest.png(root.resolve("pixmix/mixing_pic_32.png"));
    JsonNode index = new ObjectMapper().readTree(root.resolve("pixmix/index.json").toFile());
    int ops = 0;
    int runs = 0;
    for (JsonNode run : index) {
      Path wantPath = root.resolve(run.get("output_npy").asText());
      Npy.Array want = Npy.read(java.nio.file.Files.readAllBytes(wantPath), wantPath.toString());
      float[] got;
      String kind = run.get("kind").asText();
      if (kind.startsWith("pixmix_utils.")) {
        PixMix.Mixing m = kind.startsWith("pixmix_utils.add") ? PixMix.Mixing.ADD : PixMix.Mixing.MULTIPLY;
        got = m.mix(PixMix.tensorize(coffee), PixMix.tensorize(pic), run.get("a_used").asDouble(),
            run.get("b_used").asDouble());
        ops++;
      } else {
        AugmentTrace trace = new AugmentTrace(run.get("draws"));
        PixMix px = PixMix.builder().k(run.get("k").asInt()).beta(run.get("beta").asDouble())
            .severity(run.get("aug_severity").asDouble()).allOps(run.get("all_ops").asBoolean()).build();
        got = px.apply(coffee, pic, trace);
        assertTrue(trace.exhausted(), run.get("output_npy") + ": not every recorded draw was used");
        runs++;
      }
      assertArrayEquals(new int[] {3, 32, 32}, want.shape());
      double maxRel = 0;
      for (int i = 0; i < got.length; i++) {
        maxRel = Math.max(maxRel, Math.abs(got[i] - want.values()[i]) / Math.max(1, Math.abs(want.values()[i])));
      }
      System.out.println("[pixmix golden] " + run.get("output_npy").asText() + ": max diff (relative above 1) " + maxRel);
      if (!kind.startsWith("pixmix_utils.multiply")) {
        assertEquals(0.0, maxRel, run.get("output_npy") + ": add and the full runs are bit-exact");
      }
      for (int i = 0; i < got.length; i++) {
        double tol = 1e-6 * Math.max(1, Math.abs(want.values()[i]));
        assertEquals(want.values()[i], got[i], tol, run.get("output_npy") + " at " + i);
      }
    }
    assertEquals(8, ops);
    assertEquals(8, runs);
  }

  @Test
  void folderModeIsSeededAndStaysInRange(@TempDir Path dir) throws IOException {
    Image a = AugMixTest.gradient(40, 50);
    ImageIO.write(a.toBufferedImage(), "png", dir.resolve("a.png").toFile());
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    PixMix px = PixMix.builder().mixingPictures(dir).build();
    Image img = AugMixTest.gradient(32, 32);
    float[] x = px.apply(img, 11);
    assertArrayEquals(x, px.apply(img, 11));
    for (float v : x) {
      assertTrue(v >= -1f && v <= 1f, "normalised PixMix output must lie in [-1, 1], got " + v);
    }
    assertTrue(px.toString().contains("k=4"));
  }

  @Test
  void badInputsAreRejected(@TempDir Path dir) {
    assertThrows(IllegalArgumentException.class, () -> PixMix.builder().mixingPictures(dir));
    assertThrows(IllegalArgumentException.class, () -> PixMix.builder().k(-1));
    assertThrows(IllegalArgumentException.class, () -> PixMix.builder().beta(0));
    assertThrows(IllegalStateException.class, () -> PixMix.builder().build().apply(AugMixTest.gradient(8, 8), 1));
    PixMix px = PixMix.builder().mixingSet(List.of(AugMixTest.gradient(8, 8))).build();
    assertThrows(IllegalArgumentException.class,
        () -> px.apply(AugMixTest.gradient(8, 8), AugMixTest.gradient(9, 8), AugmentRandom.seeded(1)));
  }
}
