package dev.robusta;

import dev.robusta.corrupt.AugMix;
import dev.robusta.corrupt.PixMix;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.metrics.Temperature;
import dev.robusta.train.AugMixViews;
import dev.robusta.train.AugmentedTrainingSet;
import dev.robusta.train.ClassifierTrainer;
import dev.robusta.train.FashionMnistCnn;
import dev.robusta.train.InputSpec;
import dev.robusta.train.Network;
import dev.robusta.train.SampleAugmentation;
import dev.robusta.train.TrainConfig;
import dev.robusta.train.TrainedModel;
import java.util.List;

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

  /**
   * AugMix views for the Jensen-Shannon loss ({@code config().augMix(Training.augMixViews())}) with the
   * paper's CIFAR settings: width 3, depth U{1..3}, severity 3, alpha 1, the 9 AugMix ops. Long form:
   * {@code augMixViews(AugMix.builder())}.
   */
  public static AugMixViews augMixViews() {
    return augMixViews(AugMix.builder());
  }

  /**
   * AugMix views from the given AugMix options: {@code AugMix.triple(image, seed)}'s two augmented
   * images, taken before Normalize (the builder's normalisation is set to the identity: the network's
   * {@link InputSpec} normalises) and rounded to 8 bits ({@link SampleAugmentation#fromUnitChw}).
   *
   * @param options AugMix options (width, depth, severity, alpha, ops); its normalisation is overwritten
   */
  public static AugMixViews augMixViews(AugMix.Builder options) {
    AugMix augMix = options.normalize(new float[] {0f}, new float[] {1f}).build();
    return (image, seed) -> {
      AugMix.Triple t = augMix.triple(image, seed);
      return new Image[] {SampleAugmentation.fromUnitChw(t.aug1(), t.channels(), t.height(), t.width()),
          SampleAugmentation.fromUnitChw(t.aug2(), t.channels(), t.height(), t.width())};
    };
  }

  /**
   * The training set with PixMix applied to every image, a fresh draw each epoch (see
   * {@link AugmentedTrainingSet}), with the paper's CIFAR settings (k 4, beta 3, severity 3, the 9 AugMix
   * ops). Long form: {@code pixMix(train, PixMix.builder().mixingSet(mixingPictures), seed)}.
   *
   * @param mixingPictures the mixing set (e.g. {@code Augmentations.fractals(...)}); resized and
   *     centre-cropped to each training image
   * @param seed the augmentation seed (use the run's seed)
   */
  public static AugmentedTrainingSet pixMix(Dataset train, List<Image> mixingPictures, long seed) {
    return pixMix(train, PixMix.builder().mixingSet(mixingPictures), seed);
  }

  /**
   * The training set with PixMix ({@code PixMix.apply(image, seed)}, taken before Normalize and rounded
   * to 8 bits) applied per sample and per epoch.
   *
   * @param options PixMix options with a mixing set; its normalisation is overwritten by the identity
   * @throws IllegalStateException (on the first read) when the options hold no mixing picture
   */
  public static AugmentedTrainingSet pixMix(Dataset train, PixMix.Builder options, long seed) {
    PixMix pixMix = options.normalize(new float[] {0f}, new float[] {1f}).build();
    SampleAugmentation aug = (image, s) -> SampleAugmentation.fromUnitChw(pixMix.apply(image, s), image.channels(),
        image.height(), image.width());
    return new AugmentedTrainingSet(train, aug, "pixmix", seed);
  }
}
