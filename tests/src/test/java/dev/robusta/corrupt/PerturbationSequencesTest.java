package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.corrupt.CorruptionOracles.Diff;
import dev.robusta.data.Image;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ImageNet-P / CIFAR-P frame generation: frame counts, sizes, identity frames, difficulty ordering, determinism. */
@Timeout(120)
class PerturbationSequencesTest {
  /** A smooth 256x256 picture with structure everywhere (the ImageNet-P input size). */
  static Image picture(int size) {
    byte[] p = new byte[size * size * 3];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = (y * size + x) * 3;
        p[i] = (byte) (128 + 100 * Math.sin(x / 9.0) * Math.cos(y / 13.0));
        p[i + 1] = (byte) ((x * 255) / size);
        p[i + 2] = (byte) ((y * 255) / size);
      }
    }
    return new Image(size, size, 3, p);
  }

  @Test
  void everyPerturbationHasTheReferenceFrameCountAndSize() {
    Image inet = picture(256);
    Image cifar = picture(32);
    for (Perturbation p : Perturbation.values()) {
      PerturbationSequence a = p.generate(inet, 1, PerturbationPreset.IMAGENET_P, 1L);
      assertEquals(p == Perturbation.TRANSLATE ? 41 : 31, a.frames().size(), p.id());
      for (Image f : a.frames()) {
        assertEquals(224, f.height());
        assertEquals(224, f.width());
      }
      PerturbationSequence b = p.generate(cifar, 1, PerturbationPreset.CIFAR_P, 1L);
      int want = p == Perturbation.TRANSLATE ? 16 : p == Perturbation.MOTION_BLUR ? 21 : 31;
      assertEquals(want, b.frames().size(), p.id());
      assertEquals(32, b.frames().get(want - 1).height());
      assertTrue(a.toString().contains(p.id()) && a.toString().contains("in-memory"), a.toString());
    }
  }

  @Test
  void neutralFramesEqualTheCleanCrop() {
    Image img = picture(256);
    Image clean = PerturbationFrames.crop(img, 224);
    PerturbationPreset inet = PerturbationPreset.IMAGENET_P;
    assertEquals(clean, Perturbation.TRANSLATE.generate(img, 1, inet, 0L).frames().get(20), "translate by 0");
    assertEquals(clean, Perturbation.ROTATE.generate(img, 1, inet, 0L).frames().get(15), "rotate by 0");
    assertEquals(clean, Perturbation.SHEAR.generate(img, 1, inet, 0L).frames().get(15), "shear by 0");
    assertEquals(clean, Perturbation.SCALE.generate(img, 1, inet, 0L).frames().get(24), "scale 1.0");
    assertEquals(clean, Perturbation.ZOOM_BLUR.generate(img, 1, inet, 0L).frames().get(0), "zoom frame 0");
    List<Image> mb = Perturbation.MOTION_BLUR.generate(img, 1, inet, 0L).frames();
    assertNotEquals(mb.get(0), mb.get(30), "the blur direction turns along the sequence");
    assertTrue(Diff.of(mb.get(30), clean).mean() > 0, "every motion-blur frame is blurred");
    Diff b = Diff.of(Perturbation.BRIGHTNESS.generate(img, 1, inet, 0L).frames().get(15), clean);
    assertTrue(b.max() <= 1, "brightness +0 round-trips through HSV: " + b);
    Image c = picture(32);
    assertEquals(c, Perturbation.TRANSLATE.generate(c, 1, PerturbationPreset.CIFAR_P, 0L).frames().get(7));
    assertEquals(c, Perturbation.SCALE.generate(c, 1, PerturbationPreset.CIFAR_P, 0L).frames().get(15));
    Image shifted = Perturbation.TRANSLATE.generate(c, 1, PerturbationPreset.CIFAR_P, 0L).frames().get(8);
    assertEquals(c.get(5, 10, 1), shifted.get(5, 11, 1), "translate +1 moves the content right");
    assertEquals(0, shifted.get(5, 0, 1), "and fills black");
  }

  @Test
  void noiseDifficultiesGrowAndFrameZeroIsClean() {
    Image img = picture(32);
    for (Perturbation p : List.of(Perturbation.GAUSSIAN_NOISE, Perturbation.SHOT_NOISE, Perturbation.SPECKLE_NOISE)) {
      double last = 0;
      for (int d = 1; d <= 3; d++) {
        PerturbationSequence s = p.generate(img, d, PerturbationPreset.CIFAR_P, 5L);
        assertEquals(img, s.frames().get(0), p.id() + " frame 0 is the clean picture");
        double mean = 0;
        for (int i = 1; i < s.frames().size(); i++) {
          mean += Diff.of(s.frames().get(i), img).mean();
        }
        assertTrue(mean > last, p.id() + " difficulty " + d + " must perturb more than " + (d - 1));
        last = mean;
        assertNotEquals(s.frames().get(1), s.frames().get(2), "noise frames are independent draws");
      }
    }
  }

  @Test
  void blurGrowsAlongTheSequenceAndSeedsReplay() {
    Image img = picture(32);
    PerturbationSequence g = Perturbation.GAUSSIAN_BLUR.generate(img, 1, PerturbationPreset.CIFAR_P, 0L);
    assertTrue(Diff.of(g.frames().get(30), img).mean() > Diff.of(g.frames().get(0), img).mean());
    for (Perturbation p : List.of(Perturbation.SNOW, Perturbation.SPATTER, Perturbation.GAUSSIAN_NOISE)) {
      PerturbationSequence a = p.generate(img, 1, PerturbationPreset.CIFAR_P, 42L);
      assertEquals(a.frames(), p.generate(img, 1, PerturbationPreset.CIFAR_P, 42L).frames(), p.id() + " replays");
      assertNotEquals(a.frames().get(0), a.frames().get(30), p.id() + " moves");
    }
  }

  @Test
  void badArgumentsAreRejected() {
    Image img = picture(32);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Perturbation.ROTATE.generate(img, 2, PerturbationPreset.CIFAR_P, 0L));
    assertTrue(e.getMessage().contains("frame gap"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Perturbation.GAUSSIAN_NOISE.generate(img, 4, PerturbationPreset.CIFAR_P, 0L));
    assertThrows(IllegalArgumentException.class,
        () -> Perturbation.ROTATE.generate(img, 1, PerturbationPreset.IMAGENET_P, 0L));
    assertEquals(Perturbation.TILT, Perturbation.named("tilt"));
    assertThrows(IllegalArgumentException.class, () -> Perturbation.named("fog"));
  }
}
