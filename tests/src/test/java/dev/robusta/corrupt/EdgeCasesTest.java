package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.robusta.Corruptions;
import dev.robusta.data.Image;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The edge cases, any-size / any-aspect inputs, the channel policy and seeded determinism. */
@Timeout(60)
class EdgeCasesTest {
  static final List<String> PART_A = List.of("gaussian_noise", "shot_noise", "impulse_noise",
      "defocus_blur", "glass_blur", "motion_blur", "zoom_blur", "brightness", "contrast",
      "elastic_transform", "pixelate", "jpeg_compression", "speckle_noise", "gaussian_blur", "saturate");

  static Image zeros(int h, int w, int c) {
    return new Image(h, w, c, new byte[h * w * c]);
  }

  static Image pattern(int h, int w, int c) {
    byte[] p = new byte[h * w * c];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) ((i * 37 + (i / (w * c)) * 11) % 256);
    }
    return new Image(h, w, c, p);
  }

  static void assertAllZero(Image img, String what) {
    for (byte b : img.pixels()) {
      assertEquals(0, b, what + " is not all zero");
    }
  }

  @Test
  void motionBlurSeverity5OnSmallZeroImagesStaysZero() {
    for (int[] hw : new int[][] {{32, 32}, {33, 47}}) {
      Image out = Corruptions.apply(zeros(hw[0], hw[1], 3), "motion_blur", 5, 0);
      assertEquals(hw[0], out.height());
      assertEquals(hw[1], out.width());
      assertEquals(3, out.channels());
      assertAllZero(out, "motion_blur " + hw[0] + "x" + hw[1]);
    }
  }

  @Test
  void greyscaleKeepsHeightAndWidthAndBecomesRgb() {
    Image grey = pattern(128, 128, 1);
    for (String name : PART_A) {
      Image out = Corruptions.apply(grey, name, 5, 7);
      assertEquals(128, out.height(), name);
      assertEquals(128, out.width(), name);
      assertEquals(3, out.channels(), name + ": channel policy says RGB out");
      // the policy: corrupting grey == corrupting its 3-channel replica
      assertEquals(Corruptions.apply(grey.toRgb(), name, 5, 7), out, name);
    }
  }

  @Test
  void glassBlurOnZeroImagesKeepsShapeAndZero() {
    for (int[] hw : new int[][] {{128, 128}, {100, 150}}) {
      for (int s = 1; s <= 5; s++) {
        Image out = Corruptions.apply(zeros(hw[0], hw[1], 3), "glass_blur", s, 1);
        assertEquals(hw[0], out.height());
        assertEquals(hw[1], out.width());
        assertAllZero(out, "glass_blur s" + s);
      }
    }
  }

  @Test
  @Timeout(10)
  void glassBlurAllSeveritiesOn427x640FinishWellInsideTenSeconds() {
    Image img = pattern(427, 640, 3);
    for (int s = 1; s <= 5; s++) {
      Image out = Corruptions.apply(img, "glass_blur", s, s);
      assertEquals(427, out.height());
      assertEquals(640, out.width());
    }
  }

  @Test
  void everyCorruptionHandlesOddSizesAndAspectRatios() {
    for (int[] hw : new int[][] {{8, 8}, {9, 31}, {57, 13}, {100, 150}, {240, 180}}) {
      Image img = pattern(hw[0], hw[1], 3);
      for (String name : PART_A) {
        for (Preset p : Preset.values()) {
          for (int s = 1; s <= 5; s++) {
            Image out = Corruptions.apply(img, name, s, p, 3);
            assertEquals(hw[0], out.height(), name + " " + p + " s" + s);
            assertEquals(hw[1], out.width(), name + " " + p + " s" + s);
          }
        }
      }
    }
  }

  @Test
  void sameSeedSameOutputOnAnyThread() throws Exception {
    Image img = pattern(64, 48, 3);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String name : PART_A) {
        Image here = Corruptions.apply(img, name, 3, 11);
        List<Future<Image>> there = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          there.add(pool.submit(() -> Corruptions.apply(img, name, 3, 11)));
        }
        for (Future<Image> f : there) {
          assertEquals(here, f.get(), name);
        }
        if (Corruption.named(name).isRandom()) {
          assertNotEquals(here, Corruptions.apply(img, name, 3, 12), name + ": another seed, other draws");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void facadeSpellingsAgree() {
    Image img = pattern(40, 40, 3);
    assertEquals(Corruption.named("shot_noise").apply(img, 2, Preset.IMAGENET_C, RandomSource.seeded(5)),
        Corruptions.apply(img, "shot_noise", 2, 5));
    assertEquals(Corruption.named("shot_noise").apply(img, 2, Preset.CIFAR_C, 5L),
        Corruptions.apply(img, "shot_noise", 2, Preset.CIFAR_C, 5));
  }
}
