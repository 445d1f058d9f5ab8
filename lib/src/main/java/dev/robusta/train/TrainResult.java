package dev.robusta.train;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a training run did: its configuration and objective, per-epoch mean training loss and training
 * accuracy (on the clean in-distribution rows, in train mode), and the wall time.
 *
 * @param config the configuration used (seed included)
 * @param objective the optimised sum of losses, e.g. {@code CE + 0.5*OE(outliers=gaussian)}
 * @param trainSize number of training images
 * @param epochLoss mean total loss per epoch (nats)
 * @param epochAccuracy training top-1 accuracy per epoch, 0..1
 * @param seconds wall time of the loop
 * @param device the device it ran on
 * @param initialisation where the weights started, e.g. {@code seeded initialisation (seed 7)} or
 *     {@code fine-tuned from checkpoint cnn-0002.params (8 tensors copied, classifier head re-initialised ...)}
 */
public record TrainResult(TrainConfig config, String objective, int trainSize, double[] epochLoss,
    double[] epochAccuracy, double seconds, String device, String initialisation) {

  public TrainResult {
    epochLoss = epochLoss.clone();
    epochAccuracy = epochAccuracy.clone();
  }

  @Override
  public double[] epochLoss() { return epochLoss.clone(); }

  @Override
  public double[] epochAccuracy() { return epochAccuracy.clone(); }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "TrainResult[%d images, %d epochs, %.1f s on %s, objective %s, seed %d]%n",
        trainSize, epochLoss.length, seconds, device, objective, config.seed()));
    s.append("  start: ").append(initialisation).append(String.format("%n"));
    for (int e = 0; e < epochLoss.length; e++) {
      s.append(String.format(Locale.ROOT, "  epoch %d: loss %.4f, train accuracy %.2f%%%n", e + 1, epochLoss[e],
          100 * epochAccuracy[e]));
    }
    s.append("  ").append(config.describe(objective));
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainResult r && r.config.equals(config) && Arrays.equals(r.epochLoss, epochLoss)
        && Arrays.equals(r.epochAccuracy, epochAccuracy) && r.trainSize == trainSize;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(epochLoss) * 31 + trainSize;
  }
}
