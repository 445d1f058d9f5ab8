package dev.robusta.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A classifier's final fully connected layer, logits = W f + b, read from an ONNX file's initializers:
 * what ViM needs beside the penultimate features ({@code Vim.fit(layer.weightAsDouble(), layer.biasAsDouble(),
 * trainFeatures, dim)}), and a check that the features {@link ClassifierLoader#penultimateFeatures()} returns
 * are the ones the logits are computed from.
 *
 * @param weight W, shape {@code [C, D]} (PyTorch's {@code nn.Linear.weight} layout; a Gemm without
 *     {@code transB} or a MatMul stores {@code [D, C]} and is transposed here)
 * @param bias b, shape {@code [C]} (zeros when the layer has none)
 * @param featuresName the ONNX tensor that feeds the layer (the penultimate features)
 */
public record LinearLayer(float[][] weight, float[] bias, String featuresName) {
  /**
   * Finds the final Gemm or MatMul (+ Add) that produces the graph's first output, as
   * {@link ClassifierLoader#penultimateFeatures()} does, and reads its weight and bias.
   *
   * @throws IllegalArgumentException when the file is not ONNX, or the logits do not come from a linear layer
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static LinearLayer ofOnnx(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw ClassifierLoader.unchecked("cannot read " + file, e);
    }
    OnnxGraph g = OnnxGraph.parse(bytes);
    OnnxGraph.FinalLinear fl = g.finalLinear();
    long[] dims = g.dims(fl.weight());
    if (dims.length != 2) throw new IllegalArgumentException("final layer weight '" + fl.weight() + "' has " + dims.length + " dims, expected 2");
    float[] w = g.floats(fl.weight());
    int rows = (int) dims[0];
    int cols = (int) dims[1];
    // stored [C, D] when transposed (Gemm transB=1, PyTorch's export), else [D, C]
    int c = fl.transposedWeight() ? rows : cols;
    int d = fl.transposedWeight() ? cols : rows;
    float[][] wt = new float[c][d];
    for (int k = 0; k < c; k++) {
      for (int j = 0; j < d; j++) wt[k][j] = fl.transposedWeight() ? w[k * cols + j] : w[j * cols + k];
    }
    float[] b = fl.bias() == null ? new float[c] : g.floats(fl.bias());
    if (b.length != c) throw new IllegalArgumentException("final layer bias has " + b.length + " values, expected " + c);
    return new LinearLayer(wt, b, fl.features());
  }

  /** @return the number of classes C */
  public int classes() { return weight.length; }

  /** @return the feature dimension D */
  public int features() { return weight[0].length; }

  /**
   * @param features {@code [N, D]} penultimate features
   * @return {@code [N, C]} logits W f + b, accumulated in double
   */
  public float[][] apply(float[][] features) {
    float[][] out = new float[features.length][classes()];
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != features()) {
        throw new IllegalArgumentException("features row " + i + " has " + features[i].length + " values, the layer takes " + features());
      }
      for (int k = 0; k < classes(); k++) {
        double s = bias[k];
        for (int j = 0; j < features(); j++) s += (double) weight[k][j] * features[i][j];
        out[i][k] = (float) s;
      }
    }
    return out;
  }

  /** @return W as {@code double[C][D]} (the form {@code dev.robusta.ood.Vim.fit} takes) */
  public double[][] weightAsDouble() {
    double[][] d = new double[weight.length][];
    for (int k = 0; k < d.length; k++) {
      d[k] = new double[weight[k].length];
      for (int j = 0; j < d[k].length; j++) d[k][j] = weight[k][j];
    }
    return d;
  }

  /** @return b as {@code double[C]} */
  public double[] biasAsDouble() {
    double[] d = new double[bias.length];
    for (int k = 0; k < d.length; k++) d[k] = bias[k];
    return d;
  }

  @Override
  public String toString() {
    return "LinearLayer[" + classes() + " x " + features() + ", features from '" + featuresName + "']";
  }
}
