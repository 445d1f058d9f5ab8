package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * JPEG encode/decode through the JDK's built-in codec (IJG libjpeg 6b): baseline, 4:2:0 chroma
 * subsampling, islow DCT, fancy upsampling, with the quantisation tables libjpeg's
 * {@code jpeg_set_quality(q, force_baseline=TRUE)} builds (the standard Annex K tables scaled by
 * {@code 5000 / q} below 50, {@code 200 - 2 q} above, rounded, clamped to 1..255) - what Pillow's
 * {@code save(format='JPEG', quality=q)} writes.
 */
final class JpegCodec {
  private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";
  private static final int[] STD_LUMINANCE = JPEGQTable.K1Luminance.getTable();
  private static final int[] STD_CHROMINANCE = JPEGQTable.K2Chrominance.getTable();

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
    ImageWriter writer = jdkWriter();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
         ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      java.awt.image.BufferedImage bi = rgb.toBufferedImage();
      IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(bi), null);
      IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(NATIVE_FORMAT);
      NodeList tables = root.getElementsByTagName("dqtable");
      for (int i = 0; i < tables.getLength(); i++) {
        IIOMetadataNode t = (IIOMetadataNode) tables.item(i);
        int id = Integer.parseInt(t.getAttribute("qtableId"));
        t.setUserObject(new JPEGQTable(scaledTable(id == 0 ? STD_LUMINANCE : STD_CHROMINANCE, quality)));
      }
      meta.setFromTree(NATIVE_FORMAT, root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(bi, null, meta), null);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
  }

  /** @return the decoded RGB image */
  static Image decode(byte[] jpeg) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      ImageReader reader = jdkReader();
      try {
        reader.setInput(in);
        return Image.of(reader.read(0)).toRgb();
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG decoding failed", e);
    }
  }

  private static ImageWriter jdkWriter() {
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter first = null;
    while (it.hasNext()) {
      ImageWriter w = it.next();
      if (w.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
        return w;
      }
      first = first == null ? w : first;
    }
    if (first == null) {
      throw new IllegalStateException("no JPEG writer registered with ImageIO");
    }
    return first;
  }

  private static ImageReader jdkReader() {
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
    ImageReader first = null;
    while (it.hasNext()) {
      ImageReader r = it.next();
      if (r.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
        return r;
      }
      first = first == null ? r : first;
    }
    if (first == null) {
      throw new IllegalStateException("no JPEG reader registered with ImageIO");
    }
    return first;
  }
}
