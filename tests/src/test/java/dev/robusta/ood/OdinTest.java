package dev.robusta.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import dev.robusta.metrics.Orientation;
import dev.robusta.metrics.Scores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ODIN through DJL autograd on a small DJL block, checked against the closed-form gradient of a linear model. */
@Timeout(120)
class OdinTest {

  @Test
  void perturbationFollowsTheAnalyticGradient() {
    try (Model model = Model.newInstance("odin-test", "PyTorch")) {
      Linear lin = Linear.builder().setUnits(3).build();
      model.setBlock(lin);
      lin.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4));
      float[][] w = new float[3][4];
      float[] b = new float[3];
      for (Pair<String, Parameter> p : lin.getParameters()) {
        float[] v = p.getValue().getArray().toFloatArray();
        if (p.getKey().equals("weight")) for (int k = 0; k < 3; k++) System.arraycopy(v, 4 * k, w[k], 0, 4);
        else System.arraycopy(v, 0, b, 0, 3);
      }
      float[] x = {0.5f, -1.0f, 2.0f, 0.25f, -0.3f, 0.8f, 0.1f, -1.5f};
      double t = 2.0;
      double eps = 0.05;
      Scores s = Odin.of(model, t, eps).score(x, 2, 4);
      assertEquals(Orientation.HIGHER_IS_MORE_ID, s.orientation());
      for (int i = 0; i < 2; i++) {
        double[] xi = new double[4];
        for (int j = 0; j < 4; j++) xi[j] = x[4 * i + j];
        double[] z = logits(w, b, xi);
        int pred = argmax(z);
        double[] p = softmax(z, t);
        // d/dx of -log softmax(z / T)[pred] = W^T (p - onehot) / T
        double[] xt = new double[4];
        for (int j = 0; j < 4; j++) {
          double g = 0;
          for (int k = 0; k < 3; k++) g += w[k][j] * (p[k] - (k == pred ? 1 : 0)) / t;
          xt[j] = xi[j] - eps * (g >= 0 ? 1 : -1);
        }
        double[] q = softmax(logits(w, b, xt), t);
        double expected = Math.max(q[0], Math.max(q[1], q[2]));
        assertEquals(expected, s.values()[i], 1e-5, "sample " + i);
      }
      // epsilon 0 is temperature-scaled MSP
      Scores plain = Odin.of(model, t, 0).score(x, 2, 4);
      double[] z0 = logits(w, b, new double[] {x[0], x[1], x[2], x[3]});
      double[] p0 = softmax(z0, t);
      assertEquals(Math.max(p0[0], Math.max(p0[1], p0[2])), plain.values()[0], 1e-5);
      assertThrows(IllegalArgumentException.class, () -> Odin.of(model, t, eps).score(x, 3, 4));
      assertThrows(IllegalArgumentException.class, () -> Odin.of(model, 0, eps));
      // per-channel std divides the step: std 2 on the feature axis halves it
      Scores halved = Odin.of(model, t, 2 * eps).withChannelStd(2f, 2f, 2f, 2f).score(x, 2, 4);
      assertEquals(s.values()[0], halved.values()[0], 1e-6);
    }
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      assertEquals("PyTorch", m.getEngine().getEngineName());
    }
  }

  private static double[] logits(float[][] w, float[] b, double[] x) {
    double[] z = new double[w.length];
    for (int k = 0; k < w.length; k++) {
      double s = b[k];
      for (int j = 0; j < x.length; j++) s += w[k][j] * x[j];
      z[k] = s;
    }
    return z;
  }

  private static int argmax(double[] z) {
    int a = 0;
    for (int k = 1; k < z.length; k++) if (z[k] > z[a]) a = k;
    return a;
  }

  private static double[] softmax(double[] z, double t) {
    double m = z[argmax(z)];
    double s = 0;
    double[] p = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      p[k] = Math.exp((z[k] - m) / t);
      s += p[k];
    }
    for (int k = 0; k < z.length; k++) p[k] /= s;
    return p;
  }
}
