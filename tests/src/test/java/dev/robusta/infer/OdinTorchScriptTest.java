package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Models;
import dev.robusta.OodScores;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;
import dev.robusta.ood.NoInputGradientException;
import dev.robusta.ood.Odin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ODIN with its input perturbation on the real ResNet-20 TorchScript export (PyTorch engine), on the
 * first 64 lossless CIFAR-10 test images: epsilon 0 is the temperature-only score, the perturbation
 * raises the in-distribution MSP (the paper's premise), the score equals a hand-built perturbed input run
 * through the ordinary inference path, the gradient matches a directional difference of the loss, the
 * module stays in eval mode, and ONNX Runtime refuses with a typed error.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OdinTorchScriptTest {
  private static final double T = Odin.DEFAULT_TEMPERATURE;
  private static final double EPS = Odin.DEFAULT_EPSILON;
  private static Classifier pt;
  private static Inputs in;
  private static float[][] logits;

  @BeforeAll
  static void load() {
    Dataset ds = Fixtures.cifarLossless();
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < 64; i++) images.add(ds.get(i).image());
    pt = Models.loader(Fixtures.resnet(20, "pt"), Preset.CIFAR).threads(2).load();
    in = pt.inputs(images);
    logits = pt.forward(in.nchw(), in.n(), in.h(), in.w()).logits();
  }

  @AfterAll
  static void close() {
    if (pt != null) pt.close();
  }

  private static double mspAt(float[] row, double t) {
    double[] z = new double[row.length];
    for (int k = 0; k < z.length; k++) z[k] = row[k];
    return Softmax.max(Softmax.probabilities(z, t));
  }

  /** CE(softmax(z / t), argmax z) in double. */
  private static double loss(float[] row, double t) {
    double[] z = new double[row.length];
    for (int k = 0; k < z.length; k++) z[k] = row[k];
    return -Math.log(Softmax.probabilities(z, t)[Softmax.argmax(z)]);
  }

  private static Odin odin(double eps) {
    return Odin.of(pt.djlModel(), T, eps).withChannelStd(pt.preset().std());
  }

  @Test
  void epsilonZeroIsTheTemperatureOnlyScore() {
    Scores s = odin(0).score(in.nchw(), in.shape());
    for (int i = 0; i < in.n(); i++) assertEquals(mspAt(logits[i], T), s.values()[i], 1e-9, "image " + i);
    assertArrayEquals(in.nchw(), odin(0).perturb(in.nchw(), in.shape()));
  }

  @Test
  void perturbationRaisesTheInDistributionMsp() {
    double[] plain = odin(0).score(in.nchw(), in.shape()).values();
    double[] pert = odin(EPS).score(in.nchw(), in.shape()).values();
    double meanPlain = 0;
    double meanPert = 0;
    int raised = 0;
    for (int i = 0; i < plain.length; i++) {
      meanPlain += plain[i] / plain.length;
      meanPert += pert[i] / plain.length;
      raised += pert[i] > plain[i] ? 1 : 0;
    }
    assertTrue(meanPert > meanPlain, "mean ODIN score " + meanPert + " should exceed the unperturbed " + meanPlain);
    assertTrue(raised >= 0.9 * plain.length, raised + " of " + plain.length + " images raised");
  }

  @Test
  void scoreEqualsAHandPerturbedInputThroughTheInferencePath() {
    float[] g = odin(EPS).inputGradient(in.nchw(), in.shape());
    float[] std = pt.preset().std();
    float[] x = in.nchw();
    float[] xt = new float[x.length];
    int plane = in.h() * in.w();
    for (int i = 0; i < x.length; i++) {
      int c = (i / plane) % 3;
      xt[i] = (float) (x[i] - EPS * (g[i] >= 0 ? 1 : -1) / std[c]);
    }
    assertArrayEquals(xt, odin(EPS).perturb(x, in.shape()), 0f);
    float[][] lt = pt.forward(xt, in.n(), in.h(), in.w()).logits();
    Scores s = odin(EPS).score(x, in.shape());
    for (int i = 0; i < in.n(); i++) assertEquals(mspAt(lt[i], T), s.values()[i], 1e-9, "image " + i);
    // batch-norm stayed in eval mode: the plain logits did not move
    float[][] again = pt.forward(x, in.n(), in.h(), in.w()).logits();
    for (int i = 0; i < in.n(); i++) assertArrayEquals(logits[i], again[i], 0f, "logits of image " + i);
  }

  @Test
  void gradientMatchesADirectionalDifferenceOfTheLoss() {
    // at T = 1 the loss moves measurably; along d = sign(g) the directional derivative is sum |g|
    double t = 1;
    int n = 8;
    int per = 3 * in.h() * in.w();
    float[] x = java.util.Arrays.copyOf(in.nchw(), n * per);
    long[] shape = {n, 3, in.h(), in.w()};
    float[] g = Odin.of(pt.djlModel(), t, EPS).inputGradient(x, shape);
    double h = 1e-4;
    float[] plus = new float[x.length];
    float[] minus = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      double d = g[i] >= 0 ? 1 : -1;
      plus[i] = (float) (x[i] + h * d);
      minus[i] = (float) (x[i] - h * d);
    }
    float[][] lp = pt.forward(plus, n, in.h(), in.w()).logits();
    float[][] lm = pt.forward(minus, n, in.h(), in.w()).logits();
    int checked = 0;
    for (int i = 0; i < n; i++) {
      if (Fixtures.argmax(lp[i]) != Fixtures.argmax(lm[i])) continue;
      double l1 = 0;
      for (int j = i * per; j < (i + 1) * per; j++) l1 += Math.abs(g[j]);
      if (l1 < 1e-3) continue; // a saturated softmax: the loss difference is float noise
      double fd = (loss(lp[i], t) - loss(lm[i], t)) / (2 * h);
      assertEquals(l1, fd, 0.02 * l1, "image " + i + ": sum|g| vs directional difference");
      checked++;
    }
    assertTrue(checked >= 3, "only " + checked + " images had a measurable gradient (5 expected)");
  }

  @Test
  void onnxRuntimeHasNoGradientButDoesTheTemperaturePart() {
    try (Classifier onnx = Models.loader(Fixtures.resnet(20, "onnx"), Preset.CIFAR).threads(2).load()) {
      Odin withEps = Odin.of(onnx.djlModel(), T, EPS).withChannelStd(onnx.preset().std());
      NoInputGradientException e = assertThrows(NoInputGradientException.class,
          () -> withEps.score(in.nchw(), in.shape()));
      assertTrue(e.getMessage().contains("TorchScript") && e.getMessage().contains("epsilon 0"), e.getMessage());
      double[] ort = Odin.of(onnx.djlModel(), T, 0).score(in.nchw(), in.shape()).values();
      double[] torch = odin(0).score(in.nchw(), in.shape()).values();
      assertArrayEquals(torch, ort, 1e-7);
    }
  }

  @Test
  void facadeEqualsTheLongForm() {
    Dataset ds = Fixtures.cifarLossless();
    Dataset first70 = new Dataset() {
      public String id() { return "first70"; }
      public int size() { return 70; }
      public dev.robusta.data.Sample get(int i) { return ds.get(i); }
    };
    Scores s = OodScores.odin(pt, first70, T, EPS);
    assertEquals(70, s.values().length);
    double[] longForm = odin(EPS).score(in.nchw(), in.shape()).values();
    for (int i = 0; i < 64; i++) assertEquals(longForm[i], s.values()[i], 1e-12, "image " + i);
    assertEquals("ODIN(T=1000.0, eps=0.0014, std-scaled)", s.name());
  }
}
