package dev.robusta;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.infer.Classifier;
import dev.robusta.infer.Inputs;
import dev.robusta.infer.Predictions;
import dev.robusta.metrics.Scores;
import dev.robusta.metrics.Softmax;
import dev.robusta.ood.Ensemble;
import dev.robusta.ood.KlMatching;
import dev.robusta.ood.LogitScores;
import dev.robusta.ood.Mahalanobis;
import dev.robusta.ood.Odin;
import java.util.ArrayList;
import java.util.List;

/**
 * One-line OOD scores from logits {@code [N, C]} (float, as {@code dev.robusta.infer.Classifier#logits}
 * returns, or double); each javadoc names the long form. Every result declares its orientation.
 */
public final class OodScores {
  private OodScores() {}

  /** {@code LogitScores.msp(logits)}: max softmax, higher = more ID. */
  public static Scores msp(float[][] logits) {
    return LogitScores.msp(Softmax.toDouble(logits));
  }

  /** {@code LogitScores.msp(predictions.logits())}: from cached or computed predictions. */
  public static Scores msp(Predictions predictions) {
    return msp(predictions.logits());
  }

  /** {@code LogitScores.maxLogit(predictions.logits())}. */
  public static Scores maxLogit(Predictions predictions) {
    return maxLogit(predictions.logits());
  }

  /** {@code LogitScores.energy(predictions.logits(), 1)}. */
  public static Scores energy(Predictions predictions) {
    return energy(predictions.logits());
  }

  /** {@code LogitScores.msp(logits)}. */
  public static Scores msp(double[][] logits) {
    return LogitScores.msp(logits);
  }

  /** {@code LogitScores.maxLogit(logits)}: higher = more ID. */
  public static Scores maxLogit(float[][] logits) {
    return LogitScores.maxLogit(Softmax.toDouble(logits));
  }

  /** {@code LogitScores.energy(logits, 1)}: -logsumexp, higher = more OOD. */
  public static Scores energy(float[][] logits) {
    return LogitScores.energy(Softmax.toDouble(logits), 1.0);
  }

  /** {@code LogitScores.energy(logits, temperature)}: -T logsumexp(z / T), higher = more OOD. */
  public static Scores energy(float[][] logits, double temperature) {
    return LogitScores.energy(Softmax.toDouble(logits), temperature);
  }

  /** {@code LogitScores.entropy(logits)}: nats, higher = more OOD. */
  public static Scores entropy(float[][] logits) {
    return LogitScores.entropy(Softmax.toDouble(logits));
  }

  /** {@code KlMatching.fit(heldOut).score(test, MIN_OVER_CLASSES)}: higher = more OOD. */
  public static Scores klMatching(float[][] heldOutLogits, float[][] testLogits) {
    return KlMatching.fit(Softmax.toDouble(heldOutLogits)).score(Softmax.toDouble(testLogits), KlMatching.Variant.MIN_OVER_CLASSES);
  }

  /** {@code Ensemble.msp(members...)}: max of the mean softmax, higher = more ID. */
  public static Scores ensembleMsp(double[][]... memberLogits) {
    return Ensemble.msp(memberLogits);
  }

  /** {@code Mahalanobis.fit(trainFeatures, trainLabels).score(testFeatures)}: squared distance, higher = more OOD. */
  public static Scores mahalanobis(double[][] trainFeatures, int[] trainLabels, double[][] testFeatures) {
    return Mahalanobis.fit(trainFeatures, trainLabels).score(testFeatures);
  }

  /**
   * ODIN (Liang et al., ICLR 2018) on a classifier with its own preprocessing; the long form, per batch
   * of 64 images: {@code Inputs in = classifier.inputs(images); Odin.of(classifier.djlModel(), temperature,
   * epsilon).withChannelStd(classifier.preset().std()).score(in.nchw(), in.shape())}. The gradient sign is
   * divided by the preset's per-channel std, as the reference code does, so epsilon is in [0, 1] pixel
   * units (the paper uses T = 1000, epsilon = 0.0014 on CIFAR-10).
   *
   * @return one score per image in dataset order, in (0, 1], higher = more ID
   * @throws dev.robusta.ood.NoInputGradientException for epsilon &gt; 0 on an ONNX model (use the .pt export)
   */
  public static Scores odin(Classifier classifier, Dataset dataset, double temperature, double epsilon) {
    Odin odin = Odin.of(classifier.djlModel(), temperature, epsilon).withChannelStd(classifier.preset().std());
    double[] v = new double[dataset.size()];
    String name = odin.toString();
    for (int start = 0; start < v.length; start += Odin.DEFAULT_BATCH_SIZE) {
      int end = Math.min(v.length, start + Odin.DEFAULT_BATCH_SIZE);
      List<Image> images = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) images.add(dataset.get(i).image());
      Inputs in = classifier.inputs(images);
      Scores s = odin.score(in.nchw(), in.shape());
      System.arraycopy(s.values(), 0, v, start, end - start);
      name = s.name();
    }
    return new Scores(name, v, dev.robusta.metrics.Orientation.HIGHER_IS_MORE_ID);
  }
}
