package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.corrupt.CorruptionOracles.Diff;
import dev.robusta.corrupt.CorruptionOracles.Replay;
import dev.robusta.data.Image;
import dev.robusta.testing.Shared;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** frost against both references' goldens given the recorded draws (max 1), textures from ../shared. */
@Timeout(60)
class FrostTest {
  static Path textures() {
    return Shared.path("oracles/corruptions/frost");
  }

  static Stream<Replay> replays() {
    List<Replay> r = CorruptionOracles.replays(List.of("frost"));
    assertFalse(r.isEmpty());
    return r.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replays")
  void reproducesGoldenGivenRecordedDraws(Replay c) {
    ReplayRandomSource src = c.source();
    Image out = new Frost(textures()).apply(CorruptionOracles.clean(c.image()), c.severity(), c.preset(), src);
    assertTrue(src.exhausted(), "every recorded draw is used");
    Diff d = Diff.of(out, CorruptionOracles.png(c.goldenPng()));
    System.out.println("[frost golden] " + c + ": " + d);
    if (c.impl().equals("hendrycks")) {
      assertEquals(0, d.max(), c + ": bit-exact against hendrycks (crop at the preset's scale)");
    } else {
      // imagecorruptions rescales by OpenCV bicubic; OpenCV 4.9 (Java) vs 4.6 (reference) rounds a few values apart
      assertTrue(d.max() <= 1 && d.mean() <= 0.05, c + ": " + d);
    }
  }

  @Test
  void openCvDecodesTheJpegTexturesLikeTheReference() {
    for (int i = 3; i < 6; i++) {
      FrostTextures.Texture t = FrostTextures.original(textures(), i);
      Image want = CorruptionOracles.png("frost/frost" + (i + 1) + "_cv2_decoded_rgb.png");
      byte[] rgb = new byte[t.bgr().length];
      for (int k = 0; k < rgb.length; k += 3) {
        rgb[k] = t.bgr()[k + 2];
        rgb[k + 1] = t.bgr()[k + 1];
        rgb[k + 2] = t.bgr()[k];
      }
      Diff d = Diff.of(new Image(t.rows(), t.cols(), 3, rgb), want);
      System.out.println("[frost decode] frost" + (i + 1) + ".jpg: " + d);
      assertTrue(d.max() <= 1, "frost" + (i + 1) + ".jpg decode: " + d);
    }
  }

  @Test
  void pngTexturesDropAlphaWithoutCompositing() {
    for (int i = 0; i < 3; i++) {
      FrostTextures.Texture t = FrostTextures.original(textures(), i);
      Image want = CorruptionOracles.png("frost/frost" + (i + 1) + ".png");
      byte[] rgb = new byte[t.bgr().length];
      for (int k = 0; k < rgb.length; k += 3) {
        rgb[k] = t.bgr()[k + 2];
        rgb[k + 1] = t.bgr()[k + 1];
        rgb[k + 2] = t.bgr()[k];
      }
      Diff d = Diff.of(new Image(t.rows(), t.cols(), 3, rgb), want);
      System.out.println("[frost decode] frost" + (i + 1) + ".png: " + d);
      assertEquals(0, d.max(), "frost" + (i + 1) + ".png decode: " + d);
    }
  }

  @Test
  void worksOnImagesLargerThanEveryTexture() {
    Image big = AugMixTest.gradient(1000, 800);
    for (Preset p : Preset.values()) {
      Image out = new Frost(textures()).apply(big, 5, p, 3L);
      assertEquals(1000, out.height());
      assertEquals(800, out.width());
      assertNotEquals(big, out);
    }
    Image wide = AugMixTest.gradient(20, 1200);
    assertEquals(1200, new Frost(textures()).apply(wide, 1, Preset.CIFAR_C, 1L).width());
  }

  @Test
  void seededFrostIsDeterministicAndGreyInputGivesRgb() {
    Image grey = new Image(40, 40, 1, new byte[1600]);
    Image a = new Frost(textures()).apply(grey, 3, Preset.TINY_IMAGENET_C, 9L);
    assertEquals(3, a.channels());
    assertEquals(a, new Frost(textures()).apply(grey, 3, Preset.TINY_IMAGENET_C, 9L));
  }

  @Test
  void registeredFrostResolvesTheFolderFromTheSystemProperty() {
    Image img = AugMixTest.gradient(32, 32);
    String before = System.getProperty(FrostTextures.PROPERTY);
    System.setProperty(FrostTextures.PROPERTY, textures().toString());
    try {
      assertEquals(new Frost(textures()).apply(img, 2, Preset.CIFAR_C, 4L),
          Corruption.named("frost").apply(img, 2, Preset.CIFAR_C, 4L));
    } finally {
      if (before == null) {
        System.clearProperty(FrostTextures.PROPERTY);
      } else {
        System.setProperty(FrostTextures.PROPERTY, before);
      }
    }
  }

  @Test
  void missingTexturesFailWithAFix(@TempDir Path empty) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Frost(empty).apply(AugMixTest.gradient(32, 32), 1, Preset.CIFAR_C, 0L));
    assertTrue(e.getMessage().contains("frost"), e.getMessage());
  }
}
