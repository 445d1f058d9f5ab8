package dev.robusta.data;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image files into {@link Image}s, surviving the files real benchmarks contain.
 *
 * <ul>
 *   <li>The format is detected from the first bytes, never the extension: PNG data in a {@code .JPEG}
 *       file (an ImageNet quirk) decodes as PNG.
 *   <li>JPEGs with 1 or 3 components go through OpenCV's libjpeg-turbo ({@link Backend#AUTO}, fast);
 *       CMYK/YCCK JPEGs (4 components) always go through TwelveMonkeys, which applies the colour
 *       profile (the JDK's stock reader is silently wrong by about 32 levels, OpenCV's naive
 *       conversion too). PNG, GIF and BMP use the JDK's ImageIO readers. The OpenCV path is bit-exact
 *       with PIL on the ImageNet samples checked; TwelveMonkeys (libjpeg 6b) matches on most files and
 *       differs by up to 9 levels (mean 0.8) on some, from a different chroma upsampling.
 *   <li>Greyscale stays 1 channel with {@link Channels#KEEP}, or is replicated to RGB with
 *       {@link Channels#RGB} (the default, what ImageNet models expect).
 *   <li>A truncated JPEG (no end-of-image marker) or an unreadable file throws
 *       {@link ImageDecodeException} naming the file; nothing is filled in silently.
 *   <li>EXIF orientation is not applied (as in PIL/torchvision loaders, so pixels match them).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Image rgb = ImageDecoder.decode(Path.of("n03804744_nail.JPEG"));          // 3 channels
 * Image grey = ImageDecoder.of(Channels.KEEP, Backend.AUTO).read(path);     // 1 channel if grey
 * }</pre>
 */
public final class ImageDecoder {
  /** What to do with single-channel (greyscale) images. */
  public enum Channels {
    /** keep greyscale as 1 channel */
    KEEP,
    /** replicate greyscale to 3 identical RGB channels */
    RGB
  }

  /** Which decoder handles 1- and 3-component JPEGs. */
  public enum Backend {
    /** OpenCV (libjpeg-turbo) when its natives load, else TwelveMonkeys */
    AUTO,
    /** always TwelveMonkeys / JDK ImageIO (pure Java path, the reference fallback) */
    IMAGEIO
  }

  /** RGB output, automatic backend. */
  public static final ImageDecoder DEFAULT = new ImageDecoder(Channels.RGB, Backend.AUTO);


  private final Channels channels;
  private final Backend backend;

  private ImageDecoder(Channels channels, Backend backend) {
    this.channels = Objects.requireNonNull(channels, "channels");
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** @return a decoder with these options */
  public static ImageDecoder of(Channels channels, Backend backend) {
    return new ImageDecoder(channels, backend);
  }

  /** Decodes a file to RGB with the default decoder; see {@link #read(Path)}. */
  public static Image decode(Path file) {
    return DEFAULT.read(file);
  }

  /**
   * Whether a file starts with the signature of a format this decoder reads (JPEG, PNG, GIF, BMP; by
   * content, never by extension). Reads only the first 16 bytes, so a truncated file can still fail in
   * {@link #read(Path)}.
   *
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static boolean recognises(Path file) {
    byte[] head = new byte[16];
    int n = 0;
    try (var in = Files.newInputStream(file)) {
      int r;
      while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
        n += r;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    ImageFormat f = ImageFormat.sniff(java.util.Arrays.copyOf(head, n));
    return f == ImageFormat.JPEG || f == ImageFormat.PNG || f == ImageFormat.GIF || f == ImageFormat.BMP;
  }

  /**
   * Reads and decodes one file.
   *
   * @throws ImageDecodeException when the file is missing, unreadable, truncated or of unknown format
   */
  public Image read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImageDecodeException(file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new ImageDecodeException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    return read(bytes, file.toString());
  }

  /**
   * Decodes an encoded image held in memory.
   *
   * @param bytes the encoded file content
   * @param name the file name used in error messages
   * @throws ImageDecodeException when the data is truncated, corrupt or of unknown format
   */
  public Image read(byte[] bytes, String name) {
    ImageFormat format = ImageFormat.sniff(bytes);
    Image img;
    switch (format) {
      case JPEG -> {
        if (!ImageFormat.jpegHasEoi(bytes)) {
          throw new ImageDecodeException(name, "truncated JPEG (no end-of-image marker after "
              + bytes.length + " bytes)", null);
        }
        int comps = ImageFormat.jpegComponents(bytes);
        if (backend == Backend.AUTO && (comps == 1 || comps == 3) && OpenCvCodec.available()) {
          img = OpenCvCodec.decodeJpeg(bytes, name);
        } else {
          img = readWith(twelveMonkeys(name), bytes, name);
        }
      }
      case PNG, GIF, BMP -> img = readImageIo(bytes, name, format);
      default -> throw new ImageDecodeException(name, "unrecognised image format (first bytes "
          + hex(bytes) + "); supported: JPEG, PNG, GIF, BMP", null);
    }
    return channels == Channels.RGB ? img.toRgb() : img;
  }

  private static Image readImageIo(byte[] bytes, String name, ImageFormat format) {
    BufferedImage b;
    try {
      b = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException(name, "corrupt or truncated " + format + ": " + e.getMessage(), e);
    }
    if (b == null) {
      throw new ImageDecodeException(name, "no ImageIO reader for " + format, null);
    }
    return Image.of(b);
  }

  private static Image readWith(ImageReader reader, byte[] bytes, String name) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in);
      return Image.of(reader.read(0));
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException(name, "corrupt JPEG: " + e.getMessage(), e);
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader twelveMonkeys(String name) {
    try {
      return TwelveMonkeysHolder.SPI.createReaderInstance();
    } catch (IOException e) {
      throw new ImageDecodeException(name, "TwelveMonkeys JPEG reader unavailable: " + e.getMessage(), e);
    }
  }

  /** The registered TwelveMonkeys JPEG reader (registering it if the class loader did not). */
  private static final class TwelveMonkeysHolder {
    static final JPEGImageReaderSpi SPI = find();

    private static JPEGImageReaderSpi find() {
      IIORegistry reg = IIORegistry.getDefaultInstance();
      JPEGImageReaderSpi spi = reg.getServiceProviderByClass(JPEGImageReaderSpi.class);
      if (spi == null) {
        spi = new JPEGImageReaderSpi();
        reg.registerServiceProvider(spi); // onRegistration wires the JDK delegate
      }
      return spi;
    }
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(8, b.length); i++) {
      s.append(String.format("%02x", b[i] & 0xff));
    }
    return b.length == 0 ? "<empty file>" : s.toString();
  }

  @Override
  public String toString() {
    return "ImageDecoder[channels=" + channels + ", backend=" + backend + "]";
  }
}
