package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.robusta.data.Image;
import org.junit.jupiter.api.Test;

/** Preset steps against the reference normalization check, geometry rules, names and printing. */
class PresetTest {

  @Test
  void cifarNormalizationMatchesTheReferenceCheck() {
    JsonNode ref = Fixtures.reference().get("cifar10_resnet").get("normalized_input_check");
    float[] x = Preset.CIFAR.apply(Fixtures.cifarLossless().get(0).image());
    assertEquals(3 * 32 * 32, x.length);
    float[] want = Fixtures.floats(ref.get("first5_values_channel0_row0"));
    for (int i = 0; i < 5; i++) {
      assertEquals(want[i], x[i], 1e-5f, "channel 0, row 0, column " + i);
    }
    double sum = 0;
    for (float v : x) {
      sum += v;
    }
    assertEquals(ref.get("tensor_sum").asDouble(), sum, 1e-2);
    assertEquals(ref.get("tensor_mean").asDouble(), sum / x.length, 1e-5);
  }

  @Test
  void imagenetGeometryResizesShorterSideThenCropsCenter() {
    Image wide = Image.wrap(300, 500, 3, new byte[300 * 500 * 3]);
    assertEquals(224, Preset.IMAGENET.geometry(wide).height());
    assertEquals(224, Preset.IMAGENET.geometry(wide).width());
    // 256 * 500 / 300 = 426.67 -> 427 columns, then the crop
    Preset resizeOnly = Preset.of("R", 256, 0, Preset.IMAGENET_MEAN, Preset.IMAGENET_STD);
    Image r = resizeOnly.geometry(wide);
    assertEquals(256, r.height());
    assertEquals(427, r.width());
  }

  @Test
  void centerCropOffsetRoundsHalfToEvenLikeTorchvision() {
    // 5 columns, crop 2: (5 - 2) / 2 = 1.5 -> 2 (half to even); column values 0..4 mark the offset
    byte[] px = new byte[2 * 5 * 3];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 5; x++) {
        for (int c = 0; c < 3; c++) {
          px[(y * 5 + x) * 3 + c] = (byte) x;
        }
      }
    }
    Preset crop2 = Preset.of("C", 0, 2, new float[] {0, 0, 0}, new float[] {1, 1, 1});
    Image g = crop2.geometry(Image.wrap(2, 5, 3, px));
    assertEquals(2, g.get(0, 0, 0), "left offset round(1.5) = 2");
    assertEquals(3, g.get(0, 1, 0));
  }

  @Test
  void greyscaleIsReplicatedToRgb() {
    Image grey = Image.wrap(32, 32, 1, new byte[32 * 32]);
    float[] x = Preset.CIFAR.apply(grey);
    assertEquals(3 * 32 * 32, x.length);
    assertEquals(-0.485f / 0.229f, x[0], 1e-6f);
    assertEquals(-0.406f / 0.225f, x[2 * 1024], 1e-6f);
  }

  @Test
  void releasedImagenetCRefusesOtherSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Preset.IMAGENET_C_RELEASED.apply(Image.wrap(256, 256, 3, new byte[256 * 256 * 3])));
    assertTrue(e.getMessage().contains("expects 224x224 images, got 256x256"), e.getMessage());
    assertEquals(3 * 224 * 224, Preset.IMAGENET_C_RELEASED.apply(Image.wrap(224, 224, 3, new byte[224 * 224 * 3])).length);
  }

  @Test
  void namesPrintingAndKeys() {
    assertSame(Preset.IMAGENET_C_RELEASED, Preset.named("imagenet-c-released"));
    assertSame(Preset.CIFAR, Preset.named("CIFAR"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preset.named("cifar100"));
    assertTrue(e.getMessage().contains("known: imagenet, imagenet-c-released, cifar"), e.getMessage());
    assertTrue(Preset.IMAGENET.toString().contains("resize shorter side 256 (Pillow bilinear), center crop 224"),
        Preset.IMAGENET.toString());
    Preset cifarStats = Preset.CIFAR.withNormalization(new float[] {0.4914f, 0.4822f, 0.4465f},
        new float[] {0.247f, 0.243f, 0.261f});
    assertEquals("CIFAR*", cifarStats.name());
    assertNotEquals(Preset.CIFAR.key(), cifarStats.key(), "the cache key must see the normalization");
    assertArrayEquals(Preset.IMAGENET_MEAN, Preset.CIFAR.mean());
    assertThrows(IllegalArgumentException.class, () -> Preset.of("x", 0, 0, new float[] {1, 2}, new float[] {1, 1, 1}));
    assertThrows(IllegalArgumentException.class, () -> Preset.of("x", 0, 0, new float[3], new float[] {1, 0, 1}));
    assertThrows(IllegalArgumentException.class, () -> Preset.of("x", 200, 224, new float[3], new float[] {1, 1, 1}));
  }
}
