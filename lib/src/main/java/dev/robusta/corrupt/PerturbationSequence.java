package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.util.List;

/**
 * The frames of one perturbed picture, with what produced them.
 *
 * @param perturbation which perturbation
 * @param difficulty the generation difficulty (1..3 for noise, else 1)
 * @param preset ImageNet-P or CIFAR-P parameters
 * @param seed the seed of Robusta's RNG, or null when an explicit random source was given
 * @param frames the frames in order (frame 0 first), RGB, all of one size
 * @since 0.1
 */
public record PerturbationSequence(Perturbation perturbation, int difficulty, PerturbationPreset preset, Long seed,
    List<Image> frames) {
  public PerturbationSequence {
    frames = List.copyOf(frames);
  }

  @Override
  public String toString() {
    Image f = frames.get(0);
    return "PerturbationSequence[" + perturbation.id() + ", difficulty " + difficulty + ", " + frames.size()
        + " frames of " + f.height() + "x" + f.width() + ", protocol in-memory generation (not the released"
        + " H.264 videos), " + preset + (seed != null ? ", seed " + seed : "") + "]";
  }
}
