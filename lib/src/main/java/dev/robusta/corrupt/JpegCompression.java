package dev.robusta.corrupt;

import dev.robusta.data.Image;

/**
 * JPEG compression: encode at quality c (ImageNet-C: 25, 18, 15, 10, 7) and decode, as Pillow's
 * {@code save('JPEG', quality=c)} + {@code open} (see {@link JpegCodec} for the codec settings).
 */
final class JpegCompression extends BaseCorruption {
  JpegCompression() {
    super("jpeg_compression", CorruptionGroup.DIGITAL, false);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    return JpegCodec.decode(JpegCodec.encode(rgb, (int) params[0]));
  }
}
