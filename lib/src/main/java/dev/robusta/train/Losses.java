package dev.robusta.train;

import ai.djl.ndarray.NDArray;

/**
 * The training losses of the papers Robusta reproduces, on DJL arrays. Every function takes raw logits
 * {@code [N, C]} (no softmax applied) and returns a scalar array (mean over the N rows), so the terms can
 * be added and differentiated together.
 *
 * <p>All terms use natural logarithms (nats). Inputs must be finite; the functions do not clip logits.
 */
public final class Losses {
  private Losses() {}

  /**
   * Softmax cross-entropy with label smoothing, mean over the batch.
   *
   * <p>The smoothed target is {@code (1 - smoothing) * onehot(y) + smoothing / C} (Szegedy et al., CVPR 2016,
   * "Rethinking the Inception Architecture"; the same convention as PyTorch's
   * {@code F.cross_entropy(..., label_smoothing=smoothing)}). {@code smoothing = 0} is the standard
   * cross-entropy {@code -log softmax(z)[y]}.
   *
   * @param logits {@code [N, C]} float logits
   * @param labels {@code [N]} integer class indices 0..C-1 (any integer type)
   * @param smoothing 0 (none) up to, excluding, 1
   * @return scalar: mean over rows of {@code -sum_c target_c * log softmax(z)_c}
   * @throws IllegalArgumentException when smoothing is outside [0, 1) or the shapes do not fit
   */
  public static NDArray crossEntropy(NDArray logits, NDArray labels, double smoothing) {
    if (!(smoothing >= 0 && smoothing < 1)) {
      throw new IllegalArgumentException("label smoothing must be in [0, 1), was " + smoothing);
    }
    requireRows(logits, labels.getShape().get(0), "labels");
    int classes = classes(logits);
    NDArray logp = logits.logSoftmax(1);
    NDArray target = labels.toType(ai.djl.ndarray.types.DataType.INT64, false).oneHot(classes)
        .toType(logits.getDataType(), false);
    if (smoothing > 0) {
      target = target.mul((float) (1 - smoothing)).add((float) (smoothing / classes));
    }
    return logp.mul(target).sum(new int[] {1}).neg().mean();
  }

  /**
   * The Outlier Exposure term: cross-entropy from the model's softmax to the uniform distribution over
   * the C classes, on auxiliary outliers, mean over the outlier rows:
   * {@code mean_n ( logsumexp(z_n) - mean_c z_nc )}, i.e. {@code -mean_n mean_c log softmax(z_n)_c}.
   *
   * <p>Follows Hendrycks, Mazeika and Dietterich, "Deep Anomaly Detection with Outlier Exposure"
   * (ICLR 2019), reference code {@code hendrycks/outlier-exposure} (CIFAR/train.py:
   * {@code -(x[len(in_set[0]):].mean(1) - torch.logsumexp(x[len(in_set[0]):], dim=1)).mean()}). The
   * minimum is {@code log C}, reached when all logits of a row are equal. The paper weights it with
   * lambda = 0.5 ({@link TrainConfig#DEFAULT_OE_LAMBDA}); this function is unweighted.
   *
   * @param outlierLogits {@code [M, C]} logits of the outlier rows, M >= 1
   * @return scalar, in nats, at least {@code log C}
   */
  public static NDArray outlierExposure(NDArray outlierLogits) {
    classes(outlierLogits);
    return outlierLogits.logSoftmax(1).mean(new int[] {1}).neg().mean();
  }

  /**
   * The AugMix Jensen-Shannon consistency term between the predictions on a clean image and its two
   * AugMix views: {@code (KL(p_clean || M) + KL(p_aug1 || M) + KL(p_aug2 || M)) / 3} with
   * {@code M = clamp((p_clean + p_aug1 + p_aug2) / 3, 1e-7, 1)}, each KL summed over classes and averaged
   * over the batch.
   *
   * <p>Follows Hendrycks et al., "AugMix" (ICLR 2020), reference code {@code google-research/augmix}
   * (cifar.py: {@code F.kl_div(p_mixture, p_clean, reduction='batchmean')} with the log of the clamped
   * mixture). The paper weights it with lambda = 12 ({@link TrainConfig#DEFAULT_JSD_LAMBDA}); this
   * function is unweighted.
   *
   * @param clean {@code [N, C]} logits of the clean images
   * @param aug1 {@code [N, C]} logits of the first AugMix view of the same images
   * @param aug2 {@code [N, C]} logits of the second view
   * @return scalar, in nats, 0 when the three predictions agree, at most {@code log 3}
   */
  public static NDArray jensenShannon(NDArray clean, NDArray aug1, NDArray aug2) {
    classes(clean);
    requireRows(aug1, clean.getShape().get(0), "aug1");
    requireRows(aug2, clean.getShape().get(0), "aug2");
    NDArray lc = clean.logSoftmax(1);
    NDArray l1 = aug1.logSoftmax(1);
    NDArray l2 = aug2.logSoftmax(1);
    NDArray pc = lc.exp();
    NDArray p1 = l1.exp();
    NDArray p2 = l2.exp();
    NDArray logM = pc.add(p1).add(p2).div(3f).clip(1e-7f, 1f).log();
    NDArray kl = pc.mul(lc.sub(logM)).add(p1.mul(l1.sub(logM))).add(p2.mul(l2.sub(logM)));
    return kl.sum(new int[] {1}).mean().div(3f);
  }

  /**
   * The rotation-prediction loss of Hendrycks, Mazeika, Kadavath and Song, "Using Self-Supervised
   * Learning Can Improve Model Robustness and Uncertainty" (NeurIPS 2019): cross-entropy of the
   * rotation head's 4-way logits against the quarter-turn count of each row.
   *
   * @param rotationLogits {@code [4N, 4]} logits of the rotation head on the batch built by
   *     {@link Rotations#fourRotations(NDArray)}
   * @param rotationTargets {@code [4N]} targets from {@link Rotations#targets(ai.djl.ndarray.NDManager, int)}
   * @return scalar, in nats
   */
  public static NDArray rotation(NDArray rotationLogits, NDArray rotationTargets) {
    if (classes(rotationLogits) != 4) {
      throw new IllegalArgumentException("the rotation head must output 4 logits (0, 90, 180, 270 degrees),"
          + " got shape " + rotationLogits.getShape());
    }
    return crossEntropy(rotationLogits, rotationTargets, 0);
  }

  private static int classes(NDArray logits) {
    if (logits.getShape().dimension() != 2 || logits.getShape().get(0) < 1 || logits.getShape().get(1) < 1) {
      throw new IllegalArgumentException("expected logits of shape [N, C] with N, C >= 1, got " + logits.getShape());
    }
    return (int) logits.getShape().get(1);
  }

  private static void requireRows(NDArray a, long rows, String what) {
    if (a.getShape().dimension() < 1 || a.getShape().get(0) != rows) {
      throw new IllegalArgumentException(what + " must have " + rows + " rows, got shape " + a.getShape());
    }
  }
}
