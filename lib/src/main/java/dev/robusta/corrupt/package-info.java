/**
 * ImageNet-C style corruptions (noise, blur, weather, digital and the four extra validation
 * corruptions), their severity presets, replaceable random sources and corrupted-dataset views.
 *
 * <p>Channel policy (the same for every corruption): a greyscale image is corrupted as the RGB
 * image with three equal channels and comes back RGB, as the ImageNet-C loader converts every
 * picture with {@code convert('RGB')}; height and width are always kept.
 *
 * <p>Entry points: {@link dev.robusta.Corruptions} (facade), {@link dev.robusta.corrupt.Corruption},
 * {@link dev.robusta.corrupt.Preset}, {@link dev.robusta.corrupt.RandomSource}.
 */
package dev.robusta.corrupt;
