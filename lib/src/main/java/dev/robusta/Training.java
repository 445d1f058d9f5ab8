package dev.robusta;

import dev.robusta.data.Dataset;
import dev.robusta.metrics.Temperature;
import dev.robusta.train.ClassifierTrainer;
import dev.robusta.train.FashionMnistCnn;
import dev.robusta.train.FineTune;
import dev.robusta.train.InputSpec;
import dev.robusta.train.Network;
import dev.robusta.train.TrainConfig;
import dev.robusta.train.TrainedModel;

/**
 * One-line entry points to the DJL training helpers in {@code dev.robusta.train}; each javadoc names the
 * long form it spells.
 */
public final class Training {
  private Training() {}

  /** {@code TrainConfig.builder()}: 3 epochs, batch 128, Adam 1e-3 with cosine decay, seed 20190101. */
  public static TrainConfig.Builder config() {
    return TrainConfig.builder();
  }

  /** {@code ClassifierTrainer.train(network, spec, train, config)}. */
  public static TrainedModel train(Network network, InputSpec spec, Dataset train, TrainConfig config) {
    return ClassifierTrainer.train(network, spec, train, config);
  }

  /**
   * {@code ClassifierTrainer.fineTune(network, spec, train, config, FineTune.from(pretrained))}: starts from the
   * pre-trained backbone (and head, when the class counts agree; otherwise a seeded new head) instead of fresh
   * weights (Hendrycks, Lee and Mazeika, ICML 2019).
   *
   * @throws dev.robusta.train.IncompatibleCheckpointException when the backbone or input shape does not fit
   */
  public static TrainedModel fineTune(TrainedModel pretrained, Network network, InputSpec spec, Dataset train,
      TrainConfig config) {
    return ClassifierTrainer.fineTune(network, spec, train, config, FineTune.from(pretrained));
  }

  /**
   * {@code ClassifierTrainer.fineTune(network, spec, train, config, init)}, e.g. with
   * {@code FineTune.fromCheckpoint(path).bodyLearningRateFactor(0.1)}.
   *
   * @throws dev.robusta.train.IncompatibleCheckpointException when the backbone or input shape does not fit
   */
  public static TrainedModel fineTune(FineTune init, Network network, InputSpec spec, Dataset train,
      TrainConfig config) {
    return ClassifierTrainer.fineTune(network, spec, train, config, init);
  }

  /**
   * {@code FashionMnistCnn.obtain(train, test, null, FashionMnistCnn.defaultConfig())}: the demo's CNN from the
   * cache, or trained (about a minute on 2 cores) and cached.
   */
  public static FashionMnistCnn.Cached fashionMnistCnn(Dataset train, Dataset test) {
    return FashionMnistCnn.obtain(train, test, null, FashionMnistCnn.defaultConfig());
  }

  /**
   * Temperature scaling (Guo et al., ICML 2017) of a trained model on held-out labelled data:
   * {@code Metrics.fitTemperature(model.logits(heldOut, 500), labels)}; the fit itself is the metrics
   * module's.
   */
  public static Temperature fitTemperature(TrainedModel model, Dataset heldOut) {
    float[][] l = model.logits(heldOut, 500);
    double[][] d = new double[l.length][];
    int[] labels = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      d[i] = new double[l[i].length];
      for (int j = 0; j < l[i].length; j++) {
        d[i][j] = l[i][j];
      }
      labels[i] = heldOut.get(i).label();
    }
    return Metrics.fitTemperature(d, labels);
  }
}
