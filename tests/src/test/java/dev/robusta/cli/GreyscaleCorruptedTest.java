package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.robusta.Corruptions;
import dev.robusta.Datasets;
import dev.robusta.corrupt.Preset;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Split;
import dev.robusta.train.InputSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The greyscale channel policy: a 1-channel model sees channel 0 of a corrupted greyscale image, so Gaussian
 * noise at CIFAR_C severity 5 keeps its reference sigma 0.10 (the luma of three independent draws would be
 * 0.67 x 0.10 = 0.067).
 */
@Timeout(120)
class GreyscaleCorruptedTest {

  /** @return the std of (what the model sees - clean) on the 0..1 scale over mid-grey clean pixels */
  private static double noiseStd(Dataset seen, Dataset clean) {
    InputSpec spec = InputSpec.FASHION_MNIST;
    float mean = spec.mean()[0];
    float std = spec.std()[0];
    float[] x = new float[spec.size()];
    double sum = 0;
    double sq = 0;
    long n = 0;
    for (int i = 0; i < seen.size(); i++) {
      spec.write(seen.get(i).image(), x, 0);
      Image c = clean.get(i).image();
      for (int p = 0; p < x.length; p++) {
        double v = c.pixels()[p] & 0xff;
        if (v < 0.35 * 255 || v > 0.65 * 255) {
          continue; // far from 0 and 1, so clipping does not shrink the noise
        }
        double d = (x[p] * std + mean) - v / 255;
        sum += d;
        sq += d * d;
        n++;
      }
    }
    assertTrue(n > 2000, "enough mid-grey pixels: " + n);
    double m = sum / n;
    return Math.sqrt(sq / n - m * m);
  }

  @Test
  void oneChannelModelSeesTheReferenceNoiseStrength() {
    assumeTrue(Files.exists(Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")),
        "skipped: Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    Dataset clean = new FirstSamples(Datasets.load("fashion-mnist", Split.TEST), 100);
    Dataset cell = Corruptions.corrupted(clean, Preset.CIFAR_C, 1).cell("gaussian_noise", 5);
    Dataset seen = new GreyscaleCorrupted(cell, clean);
    assertEquals(1, seen.get(0).image().channels(), "a greyscale source stays greyscale");
    assertEquals(cell.get(3).label(), seen.get(3).label());

    double policy = noiseStd(seen, clean);
    double luma = noiseStd(cell, clean);
    System.out.printf("gaussian_noise s5 (CIFAR_C sigma 0.10) seen by a 1-channel model: %.4f with the channel-0"
        + " policy, %.4f through the luma of the RGB cell%n", policy, luma);
    assertEquals(0.10, policy, 0.010, "channel 0: the CIFAR_C sigma of severity 5");
    assertEquals(0.10 * Math.sqrt(0.299 * 0.299 + 0.587 * 0.587 + 0.114 * 0.114), luma, 0.0067,
        "the luma of three independent draws (what the policy avoids)");
  }

  @Test
  void channelZeroIsExactAndRgbSourcesPassThrough() {
    byte[] rgb = {10, 20, 30, 40, 50, 60};
    Image img = Image.wrap(1, 2, 3, rgb);
    Image ch0 = GreyscaleCorrupted.channel0(img);
    assertEquals(1, ch0.channels());
    assertEquals(10, ch0.get(0, 0, 0));
    assertEquals(40, ch0.get(0, 1, 0));
    // an RGB source passes through unchanged (the model's own preprocessing converts it)
    Dataset corrupted = one(img);
    Dataset rgbClean = one(Image.wrap(1, 2, 3, new byte[6]));
    assertEquals(img, new GreyscaleCorrupted(corrupted, rgbClean).get(0).image());
    assertEquals(ch0, new GreyscaleCorrupted(corrupted, one(Image.wrap(1, 2, 1, new byte[2]))).get(0).image());
  }

  private static Dataset one(Image img) {
    return new Dataset() {
      @Override
      public String id() { return "one"; }

      @Override
      public int size() { return 1; }

      @Override
      public dev.robusta.data.Sample get(int index) { return new dev.robusta.data.Sample(img, 4, null); }
    };
  }
}
