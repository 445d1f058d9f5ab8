package dev.robusta.metrics;

import java.util.Locale;

/**
 * ImageNet-P / CIFAR-P stability of one model on one perturbation (unnormalised).
 *
 * @param perturbation e.g. {@code "gaussian_noise"}
 * @param rule which frame pairs were compared
 * @param difficulty frame stride d (1..3; ignored for {@link FrameRule#AGAINST_FIRST_FRAME})
 * @param flipProbability mean over videos of the fraction of compared pairs whose top-1 differs
 * @param top5Distance mean over videos of the top-5 distance (0 = same top-5 in the same order)
 * @param zipfDistance mean over videos of the Zipf distance of {@code cifar-p-eval.py}
 * @param perVideoFlipProbability per video, shape {@code [V]}
 * @param perVideoTop5Distance per video, shape {@code [V]}
 */
public record PerturbationResult(String perturbation, FrameRule rule, int difficulty, double flipProbability,
    double top5Distance, double zipfDistance, double[] perVideoFlipProbability, double[] perVideoTop5Distance) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ImageNet-P [%s, %s, difficulty %d, %d videos]: flip probability %.5f, "
        + "top-5 distance %.5f, Zipf distance %.5f (unnormalised; predictions = argmax, ranks ordinal with ties by class index)",
        perturbation, rule, difficulty, perVideoFlipProbability.length, flipProbability, top5Distance, zipfDistance);
  }
}
