/**
 * DJL training helpers: a small, seeded training loop over Robusta {@link dev.robusta.data.Dataset}s
 * with the losses of the robustness / OOD-detection papers Robusta's notebooks reproduce.
 *
 * <ul>
 *   <li>{@link dev.robusta.train.Losses}: cross-entropy with label smoothing, the Outlier Exposure term
 *       (Hendrycks et al., ICLR 2019), the AugMix Jensen-Shannon consistency term (Hendrycks et al.,
 *       ICLR 2020), the rotation-prediction loss (Hendrycks et al., NeurIPS 2019).</li>
 *   <li>{@link dev.robusta.train.TrainConfig} + {@link dev.robusta.train.ClassifierTrainer}: the loop
 *       (Adam or SGD, seeded initialisation and shuffling, progress bar, checkpoints).</li>
 *   <li>{@link dev.robusta.train.Network}: backbone + linear classifier + optional rotation head;
 *       {@link dev.robusta.train.SmallCnn} is the Fashion-MNIST CNN the demo trains.</li>
 *   <li>{@link dev.robusta.train.TrainedModel}: the trained DJL model with its input spec; logits as
 *       plain {@code float[][]}.</li>
 *   <li>{@link dev.robusta.train.AugmentedTrainingSet} + {@link dev.robusta.train.SampleAugmentation}: a
 *       seeded per-sample training augmentation (PixMix, Hendrycks et al., CVPR 2022), a fresh draw each
 *       epoch.</li>
 * </ul>
 *
 * <p>Determinism: with the PyTorch engine on CPU and a fixed thread count, two runs with the same seed
 * and data give bit-identical parameters (initial weights come from a Java {@link java.util.SplittableRandom}
 * keyed by seed and parameter name, the batch order from the seed and the epoch; no global RNG is read).
 */
package dev.robusta.train;
