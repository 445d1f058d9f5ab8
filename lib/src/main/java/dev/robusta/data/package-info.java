/**
 * Datasets: the registry ({@code datasets.yaml}: URLs, checksums, layouts, label spaces, protocols,
 * citations), the download cache ({@link dev.robusta.data.Store}: resume, mirrors, verification, safe
 * extraction, locking), decoding ({@link dev.robusta.data.ImageDecoder}), and readers for every
 * benchmark layout: wnid / integer / class folders, corruption cells, CIFAR-C and CIFAR-P {@code .npy},
 * IDX, CIFAR binary batches, Tiny-ImageNet annotations, ImageNet-P {@code .mp4}, and the synthetic
 * OOD sets of Outlier Exposure. {@link dev.robusta.data.LabelSpace} and
 * {@link dev.robusta.data.LabelPolicy} map subset datasets onto ImageNet-1k.
 *
 * <p>This package depends on no other Robusta package; corruptions, inference, metrics and reports
 * depend on it. The one-line entry points are in {@code dev.robusta.Datasets}.
 */
package dev.robusta.data;
