/**
 * OOD scores. Every scorer returns {@link dev.robusta.metrics.Scores} that declare their
 * {@link dev.robusta.metrics.Orientation}, which {@link dev.robusta.metrics.OodDetection} reads, so a
 * score of the other sign cannot silently invert AUROC.
 *
 * <ul>
 *   <li>From logits {@code [N, C]}: {@link dev.robusta.ood.LogitScores} (MSP, MaxLogit, energy, entropy,
 *       OE cross-entropy), {@link dev.robusta.ood.KlMatching}, {@link dev.robusta.ood.Ensemble},
 *       {@link dev.robusta.ood.Psi}.
 *   <li>From features {@code [N, D]}: {@link dev.robusta.ood.Mahalanobis}, {@link dev.robusta.ood.Knn},
 *       {@link dev.robusta.ood.Vim}.
 *   <li>From the model: {@link dev.robusta.ood.Odin} (temperature scaling and input perturbation through DJL
 *       autograd, on DJL blocks and TorchScript models; ONNX Runtime has no gradients and raises
 *       {@link dev.robusta.ood.NoInputGradientException}; the only class here that touches DJL).
 * </ul>
 * Reference values: {@code ../shared/oracles/metrics/ood_scores/}.
 */
package dev.robusta.ood;
