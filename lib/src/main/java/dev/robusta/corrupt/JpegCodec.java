package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * JPEG encode/decode through the JDK's built-in codec (IJG libjpeg 6b): baseline, 4:2:0 chroma
 * subsampling, islow DCT, fancy upsampling, with the quantisation tables libjpeg's
 * {@code jpeg_set_quality(q, force_baseline=TRUE)} builds (the standard Annex K tables scaled by
 * {@code 5000 / q} below 50, {@code 200 - 2 q} above, rounded, clamped to 1..255) - what Pillow's
 * {@code save(format='JPEG', quality=q)} writes. Streams stay in memory (no ImageIO cache files).
 */
final class JpegCodec {
  private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";
  private static final int[] STD_LUMINANCE = JPEGQTable.K1Luminance.getTable();
  private static final int[] STD_CHROMINANCE = JPEGQTable.K2Chrominance.getTable();
  private static final ImageWriterSpi WRITER = writerSpi();
  private static final ImageReaderSpi READER = readerSpi();
  private static final ImageTypeSpecifier BGR = ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR);
  /** Metadata per quality, per thread (IIOMetadata is mutable, so never shared across threads). */
  private static final ThreadLocal<Map<Integer, IIOMetadata>> METADATA = ThreadLocal.withInitial(HashMap::new);

  private JpegCodec() {}

  /** libjpeg's {@code jpeg_quality_scaling} + {@code jpeg_add_quant_table}. */
  static int[] scaledTable(int[] basic, int quality) {
    int q = Math.max(1, Math.min(100, quality));
    int scale = q < 50 ? 5000 / q : 200 - q * 2;
    int[] out = new int[64];
    for (int i = 0; i < 64; i++) {
      long t = ((long) basic[i] * scale + 50L) / 100L;
      out[i] = (int) Math.max(1, Math.min(255, t));
    }
    return out;
  }

  /** @return the JPEG bytes of an RGB image at the given quality 1..100 */
  static byte[] encode(Image rgb, int quality) {
    try {
      ImageWriter writer = WRITER.createWriterInstance();
      try {
        IIOMetadata meta = METADATA.get().computeIfAbsent(quality, q -> metadata(writer, q));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rgb.height() * rgb.width());
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
          writer.setOutput(out);
          writer.write(null, new IIOImage(toBgr(rgb), null, meta), null);
        }
        return bytes.toByteArray();
      } finally {
        writer.dispose();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    }
  }

  private static IIOMetadata metadata(ImageWriter writer, int quality) {
    try {
      IIOMetadata meta = writer.getDefaultImageMetadata(BGR, null);
      IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(NATIVE_FORMAT);
      NodeList tables = root.getElementsByTagName("dqtable");
      for (int i = 0; i < tables.getLength(); i++) {
        IIOMetadataNode t = (IIOMetadataNode) tables.item(i);
        int id = Integer.parseInt(t.getAttribute("qtableId"));
        t.setUserObject(new JPEGQTable(scaledTable(id == 0 ? STD_LUMINANCE : STD_CHROMINANCE, quality)));
      }
      meta.setFromTree(NATIVE_FORMAT, root);
      return meta;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build JPEG metadata", e);
    }
  }

  /** @return the decoded RGB image */
  static Image decode(byte[] jpeg) {
    try {
      ImageReader reader = READER.createReaderInstance();
      try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
        reader.setInput(in);
        return fromBuffered(reader.read(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG decoding failed", e);
    }
  }

  private static BufferedImage toBgr(Image rgb) {
    BufferedImage b = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((DataBufferByte) b.getRaster().getDataBuffer()).getData();
    byte[] src = rgb.pixels();
    for (int i = 0; i < src.length; i += 3) {
      dst[i] = src[i + 2];
      dst[i + 1] = src[i + 1];
      dst[i + 2] = src[i];
    }
    return b;
  }

  private static Image fromBuffered(BufferedImage b) {
    if (b.getType() == BufferedImage.TYPE_3BYTE_BGR
        && b.getRaster().getDataBuffer() instanceof DataBufferByte buf
        && buf.getData().length == b.getWidth() * b.getHeight() * 3) {
      byte[] src = buf.getData();
      byte[] out = new byte[src.length];
      for (int i = 0; i < src.length; i += 3) {
        out[i] = src[i + 2];
        out[i + 1] = src[i + 1];
        out[i + 2] = src[i];
      }
      return Image.wrap(b.getHeight(), b.getWidth(), 3, out);
    }
    return Image.of(b).toRgb();
  }

  private static ImageWriterSpi writerSpi() {
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter first = null;
    while (it.hasNext()) {
      ImageWriter w = it.next();
      if (w.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
        return w.getOriginatingProvider();
      }
      first = first == null ? w : first;
    }
    if (first == null) {
      throw new IllegalStateException("no JPEG writer registered with ImageIO");
    }
    return first.getOriginatingProvider();
  }

  private static ImageReaderSpi readerSpi() {
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
    ImageReader first = null;
    while (it.hasNext()) {
      ImageReader r = it.next();
      if (r.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
        return r.getOriginatingProvider();
      }
      first = first == null ? r : first;
    }
    if (first == null) {
      throw new IllegalStateException("no JPEG reader registered with ImageIO");
    }
    return first.getOriginatingProvider();
  }
}
