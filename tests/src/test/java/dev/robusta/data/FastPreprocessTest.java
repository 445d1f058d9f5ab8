package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.testing.Shared;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FastPreprocessTest {
  static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  static final float[] STD = {0.229f, 0.224f, 0.225f};
  @TempDir Path tmp;

  /** A 256x331 image needs no resize: the result is the exact center crop, normalised (offsets as torchvision). */
  @Test
  void exactCropAndNormalisationWhenNoResizeIsNeeded() throws Exception {
    BufferedImage b = new BufferedImage(331, 256, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 331; x++) {
        b.setRGB(x, y, ((x * 7) & 0xff) << 16 | ((y * 3) & 0xff) << 8 | ((x + y) & 0xff));
      }
    }
    Path f = tmp.resolve("grad.png");
    ImageIO.write(b, "png", f.toFile());
    float[] t = FastPreprocess.imagenet(f, 256, 224, MEAN, STD);
    assertEquals(3 * 224 * 224, t.length);
    int top = 16; // round(32 / 2)
    int left = 54; // Python round(107 / 2 = 53.5) = 54 (half to even)
    for (int y = 0; y < 224; y += 13) {
      for (int x = 0; x < 224; x += 11) {
        int rgb = b.getRGB(x + left, y + top);
        int[] c = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
        for (int k = 0; k < 3; k++) {
          assertEquals((c[k] / 255f - MEAN[k]) / STD[k], t[(k * 224 + y) * 224 + x], 1e-5f);
        }
      }
    }
  }

  @Test
  void realJpegsIncludingGreyscaleGiveFullTensors() {
    Path grey = Shared.path("data/datasets/imagenet-sample-images/n03804744_nail.JPEG");
    float[] g = FastPreprocess.imagenet(grey, 256, 224, new float[] {0, 0, 0}, new float[] {1, 1, 1});
    int plane = 224 * 224;
    for (int p = 0; p < plane; p += 101) {
      assertEquals(g[p], g[plane + p], 0f, "greyscale is replicated to 3 equal channels");
      assertEquals(g[p], g[2 * plane + p], 0f);
    }
    Path tench = Shared.path("data/datasets/imagenet-sample-images/n01440764_tench.JPEG");
    float[] t = FastPreprocess.imagenet(tench, 256, 224, MEAN, STD);
    double mean = 0;
    for (float v : t) {
      mean += v;
    }
    assertEquals(3 * plane, t.length);
    org.junit.jupiter.api.Assertions.assertTrue(Math.abs(mean / t.length) < 3, "values are normalised");
  }

  @Test
  void truncatedFileThrowsNamingIt() throws Exception {
    byte[] all = Files.readAllBytes(Shared.path("data/datasets/imagenet-sample-images/n01440764_tench.JPEG"));
    Path f = tmp.resolve("half.JPEG");
    Files.write(f, Arrays.copyOf(all, all.length / 3));
    ImageDecodeException e = assertThrows(ImageDecodeException.class,
        () -> FastPreprocess.imagenet(f, 256, 224, MEAN, STD));
    assertEquals(f.toString(), e.file());
  }
}
