package dev.robusta.data;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * An 8-bit image in HWC (height, width, channel) row-major order, 1 (greyscale) or 3 (RGB) channels.
 *
 * <p>This is the one picture type that flows between loaders, corruptions and inference. Pixel values
 * are unsigned bytes 0..255; {@link #get(int, int, int)} returns them as {@code int}. Instances are
 * immutable: the constructor and {@link #pixels()} copy.
 */
public final class Image {
  private final int height;
  private final int width;
  private final int channels;
  private final byte[] data;

  /**
   * @param height rows, at least 1
   * @param width columns, at least 1
   * @param channels 1 (greyscale) or 3 (RGB)
   * @param hwc {@code height * width * channels} bytes in HWC order (copied)
   * @throws IllegalArgumentException when a size is not positive, channels is not 1 or 3, or the
   *     buffer length does not match
   */
  public Image(int height, int width, int channels, byte[] hwc) {
    this(height, width, channels, Objects.requireNonNull(hwc, "hwc").clone(), true);
  }

  private Image(int height, int width, int channels, byte[] hwc, boolean owned) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    if (hwc.length != (long) height * width * channels) {
      throw new IllegalArgumentException("expected " + ((long) height * width * channels)
          + " bytes for " + height + "x" + width + "x" + channels + ", got " + hwc.length);
    }
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.data = hwc;
  }

  /** Wraps a buffer without copying; the caller must not modify it afterwards. */
  public static Image wrap(int height, int width, int channels, byte[] hwc) {
    return new Image(height, width, channels, hwc, true);
  }

  /**
   * Converts a decoded {@link BufferedImage}: greyscale types stay 1 channel, everything else becomes
   * RGB (alpha dropped, not composited).
   */
  public static Image of(BufferedImage img) {
    int h = img.getHeight();
    int w = img.getWidth();
    boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
    if (grey) {
      byte[] out = new byte[h * w];
      img.getRaster().getDataElements(0, 0, w, h, out);
      return new Image(h, w, 1, out, true);
    }
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    byte[] out = new byte[h * w * 3];
    for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
      int p = argb[i];
      out[j] = (byte) (p >>> 16);
      out[j + 1] = (byte) (p >>> 8);
      out[j + 2] = (byte) p;
    }
    return new Image(h, w, 3, out, true);
  }

  /** @return a {@code TYPE_BYTE_GRAY} or {@code TYPE_INT_RGB} copy for ImageIO and display */
  public BufferedImage toBufferedImage() {
    if (channels == 1) {
      BufferedImage b = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
      b.getRaster().setDataElements(0, 0, width, height, data.clone());
      return b;
    }
    BufferedImage b = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] rgb = new int[width * height];
    for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
      rgb[i] = ((data[j] & 0xff) << 16) | ((data[j + 1] & 0xff) << 8) | (data[j + 2] & 0xff);
    }
    b.setRGB(0, 0, width, height, rgb, 0, width);
    return b;
  }

  /** @return this image with 3 channels (greyscale replicated), or this when already RGB */
  public Image toRgb() {
    if (channels == 3) {
      return this;
    }
    byte[] out = new byte[height * width * 3];
    for (int i = 0, j = 0; i < data.length; i++, j += 3) {
      out[j] = data[i];
      out[j + 1] = data[i];
      out[j + 2] = data[i];
    }
    return new Image(height, width, 3, out, true);
  }

  public int height() { return height; }

  public int width() { return width; }

  public int channels() { return channels; }

  /** @return the pixel value 0..255 at row {@code y}, column {@code x}, channel {@code c} */
  public int get(int y, int x, int c) {
    return data[(y * width + x) * channels + c] & 0xff;
  }

  /** @return a copy of the HWC bytes */
  public byte[] pixels() { return data.clone(); }

  /** @return the HWC bytes as floats 0..255 */
  public float[] toFloatHwc() {
    float[] out = new float[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = data[i] & 0xff;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Image other && other.height == height && other.width == width
        && other.channels == channels && Arrays.equals(other.data, data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(height, width, channels, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "Image[" + height + "x" + width + "x" + channels + "]";
  }
}
