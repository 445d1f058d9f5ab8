/**
 * Inference on DJL: loading classifiers, preprocessing presets, the batched pipeline and the logits
 * cache.
 *
 * <ul>
 *   <li>{@link dev.robusta.infer.ClassifierLoader} / {@code dev.robusta.Models}: TorchScript ({@code .pt},
 *       PyTorch engine) or ONNX ({@code .onnx}, ONNX Runtime engine) files, or a DJL model-zoo URL; CPU by
 *       default, {@code gpu(0)} when the engine reports GPUs (CUDA natives: {@code mvn -Pcuda}, see the
 *       README's "GPU" section), or an explicit device; engine threads; fixed-batch models.
 *   <li>{@link dev.robusta.infer.Preset}: {@code IMAGENET} (Pillow-exact bilinear resize of the shorter side
 *       to 256, center crop 224), {@code IMAGENET_C_RELEASED} (no resize or crop), {@code CIFAR} (32x32),
 *       or explicit steps. The preset is recorded with every result and keys the cache.
 *   <li>{@link dev.robusta.infer.Pipeline}: decode/preprocess workers overlapping inference, a progress bar,
 *       checkpoints, stop and resume per (model, dataset, cell).
 *   <li>{@link dev.robusta.infer.LogitsCache}: {@code .npy} logits/labels/features plus a JSON manifest with
 *       SHA-256 checksums, written atomically; readable without the model ({@link dev.robusta.infer.LogitsCache#read}).
 *   <li>Penultimate features for Mahalanobis, ViM and KNN:
 *       {@link dev.robusta.infer.ClassifierLoader#penultimateFeatures()} finds the tensor feeding an ONNX
 *       model's final Gemm/MatMul and adds it as a graph output ({@link dev.robusta.infer.Outputs#features()},
 *       {@code [N, D]}); {@link dev.robusta.infer.LinearLayer#ofOnnx} reads that layer's W and b.
 *   <li>Input gradients (ODIN): {@link dev.robusta.infer.Classifier#inputs} gives the preprocessed
 *       {@code [N, 3, h, w]} batch and {@link dev.robusta.infer.Classifier#djlModel()} the DJL model that
 *       {@code dev.robusta.ood.Odin} differentiates (TorchScript on PyTorch; PyTorch models are loaded with
 *       their weights outside {@code InferenceMode} so that autograd can run through them).
 *   <li>{@link dev.robusta.infer.ZeroShotClassifier} / {@code Models.zeroShot}, {@code Models.clip}: CLIP-style
 *       zero-shot classification ({@code logits = 100 * cos(image, class)}) from an image encoder and
 *       {@link dev.robusta.infer.ClassEmbeddings} (prompts through a {@link dev.robusta.infer.TextEncoder}
 *       such as {@link dev.robusta.infer.ClipTextEncoder} + {@link dev.robusta.infer.ClipTokenizer}, or a
 *       precomputed {@code .npy}); a {@link dev.robusta.infer.Classifier} like any other. No weights ship:
 *       {@link dev.robusta.infer.ClipFiles} names the files and how to export them.
 *   <li>{@link dev.robusta.infer.BatchSizeFinder} and {@link dev.robusta.infer.Precision#FP16}: for GPUs,
 *       untested here (no GPU).
 * </ul>
 *
 * <p>Results are plain Java arrays ({@code float[N][C]} logits); no NDArray leaves this package, and every
 * batch's native arrays are freed when the batch ends.
 */
package dev.robusta.infer;
