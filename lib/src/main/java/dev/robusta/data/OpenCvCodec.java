package dev.robusta.data;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** OpenCV (libjpeg-turbo) decoding of 1- and 3-component JPEGs; natives loaded once, lazily. */
final class OpenCvCodec {
  private OpenCvCodec() {}

  private static final class Holder {
    static final boolean LOADED = load();

    private static boolean load() {
      try {
        nu.pattern.OpenCV.loadLocally();
        return true;
      } catch (Throwable t) {
        System.err.println("robusta: OpenCV natives did not load (" + t
            + "); decoding falls back to TwelveMonkeys (slower, same pixels)");
        return false;
      }
    }
  }

  /** @return whether OpenCV's natives are loaded (loads them on first call) */
  static boolean available() {
    return Holder.LOADED;
  }

  /** Decodes without applying EXIF orientation; 1 channel stays 1, 3 become RGB. */
  static Image decodeJpeg(byte[] bytes, String name) {
    MatOfByte buf = new MatOfByte(bytes);
    Mat m = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_UNCHANGED);
    buf.release();
    try {
      if (m.empty()) {
        throw new ImageDecodeException(name, "corrupt JPEG (OpenCV could not decode it)", null);
      }
      int c = m.channels();
      if (c == 3) {
        Imgproc.cvtColor(m, m, Imgproc.COLOR_BGR2RGB);
      } else if (c != 1) {
        throw new ImageDecodeException(name, "unexpected " + c + "-channel JPEG from OpenCV", null);
      }
      byte[] out = new byte[m.rows() * m.cols() * c];
      m.get(0, 0, out);
      return Image.wrap(m.rows(), m.cols(), c, out);
    } finally {
      m.release();
    }
  }
}
