package dev.robusta.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Augmentations;
import dev.robusta.Training;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PixMix / AugMix as training augmentations: the per-(sample, draw) seeding of {@link AugmentedTrainingSet},
 * the float-to-8-bit conversion, and a seeded PixMix training run reproducible bit for bit.
 */
class AugmentedTrainingSetTest {

  static Dataset synthetic(int n) {
    return new Dataset() {
      @Override public String id() { return "synthetic-28"; }
      @Override public int size() { return n; }
      @Override public Sample get(int i) {
        SplittableRandom r = new SplittableRandom(i);
        byte[] p = new byte[784];
        for (int k = 0; k < p.length; k++) {
          p[k] = (byte) (r.nextInt(128) + (i % 10) * 12);
        }
        return new Sample(Image.wrap(28, 28, 1, p), i % 10, Map.of("index", Integer.toString(i)));
      }
    };
  }

  @Test
  @Timeout(60)
  void drawsAreSeededPerSampleAndDrawAndReplayInAFreshSet() {
    Dataset clean = synthetic(20);
    List<Image> pics = Augmentations.fractals(4, 28, 1, 3L);
    AugmentedTrainingSet a = Training.pixMix(clean, pics, 42L);
    AugmentedTrainingSet b = Training.pixMix(clean, pics, 42L);
    assertEquals("synthetic-28+pixmix", a.id());
    assertEquals(20, a.size());
    Sample peek0 = a.peek(3, 0);
    Sample peek1 = a.peek(3, 1);
    assertEquals(peek0, a.peek(3, 0), "peek is a pure function of (sample, draw)");
    Sample first = a.get(3);
    Sample second = a.get(3);
    assertEquals(peek0.image(), first.image(), "the first read is draw 0");
    assertEquals(peek1.image(), second.image(), "the second read is draw 1");
    assertEquals(3, first.label());
    assertEquals("3", first.meta().get("index"));
    assertEquals("pixmix", first.meta().get("augmentation"));
    assertEquals("1", second.meta().get("draw"));
    assertEquals(first.image(), b.get(3).image(), "a fresh set with the same seed replays draw 0");
    assertNotEquals(first.image(), Training.pixMix(clean, pics, 43L).get(3).image(), "the seed matters");
    int changed = 0;
    int differ = 0;
    for (int i = 0; i < 20; i++) {
      Image x = a.peek(i, 5).image();
      changed += x.equals(clean.get(i).image()) ? 0 : 1;
      differ += x.equals(a.peek(i, 6).image()) ? 0 : 1;
      assertEquals(28, x.height());
      assertEquals(1, x.channels());
    }
    assertTrue(changed >= 15, "PixMix must change most images, changed " + changed + " of 20");
    assertTrue(differ >= 15, "consecutive epochs must see other draws, " + differ + " of 20 differ");
  }

  @Test
  void unitChwBecomesRoundedClampedHwc() {
    float[] chw = {0f, 0.5f, 1f, 2f, -1f, 3.49f / 255f, 0.2f, 0.4f, 0.6f, 0.8f, 1f, 0f};
    Image im = SampleAugmentation.fromUnitChw(chw, 3, 2, 2);
    // channel 0: 0, 0.5, 1, 2 -> 0, 128, 255, 255 (clamped); channel 1: -1, 3.49/255, 0.2, 0.4 -> 0, 3, 51, 102;
    // channel 2: 0.6, 0.8, 1, 0 -> 153, 204, 255, 0; HWC interleaves them per pixel
    assertArrayEquals(new byte[] {0, 0, (byte) 153, (byte) 128, 3, (byte) 204, (byte) 255, 51, (byte) 255,
        (byte) 255, 102, 0}, im.pixels());
    assertThrows(IllegalArgumentException.class, () -> SampleAugmentation.fromUnitChw(new float[5], 1, 2, 2));
  }


  @Test
  void aSizeChangingAugmentationIsATypedError() {
    AugmentedTrainingSet s = new AugmentedTrainingSet(synthetic(3), (img, seed) -> Image.wrap(2, 2, 1, new byte[4]),
        "shrink", 1L);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get(0));
    assertTrue(e.getMessage().contains("28x28 into 2x2"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> s.get(3));
  }

  @Test
  @Timeout(60)
  void augMixViewsAreSeededEightBitImages() {
    AugMixViews views = Training.augMixViews();
    Image img = synthetic(1).get(0).image();
    Image[] v = views.views(img, 9L);
    assertEquals(2, v.length);
    assertEquals(List.of(v[0], v[1]), List.of(views.views(img, 9L)));
    assertNotEquals(v[0], v[1], "the two views are separate AugMix draws");
    assertEquals(28, v[0].width());
    assertEquals(1, v[0].channels());
  }

  @Test
  @Timeout(300)
  void aSeededPixMixRunIsBitIdentical() {
    Dataset clean = synthetic(192);
    List<Image> pics = Augmentations.fractals(4, 28, 1, 3L);
    TrainConfig cfg = TrainConfig.builder().epochs(2).batchSize(64).progress(false).seed(7).build();
    String[] digests = new String[3];
    long[] seeds = {42L, 42L, 43L};
    for (int r = 0; r < 3; r++) {
      try (TrainedModel m = Training.train(SmallCnn.network(10, false), InputSpec.FASHION_MNIST,
          Training.pixMix(clean, pics, seeds[r]), cfg)) {
        digests[r] = m.parameterDigest();
      }
    }
    assertEquals(digests[0], digests[1], "two PixMix runs with the same seeds must give identical weights");
    assertNotEquals(digests[0], digests[2], "another augmentation seed must give other weights");
  }
}
