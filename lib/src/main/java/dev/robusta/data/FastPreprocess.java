package dev.robusta.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The ImageNet evaluation preprocessing in one native pass: decode (OpenCV/libjpeg-turbo, EXIF
 * orientation ignored as in PIL), resize so the shorter side is {@code resize} (area interpolation
 * when shrinking, bilinear when enlarging), center crop {@code crop x crop} (offsets rounded as
 * torchvision's CenterCrop), scale to [0,1], subtract {@code mean}, divide by {@code std}, CHW.
 * Files OpenCV must not decode (CMYK JPEG, PNG, GIF...) go through {@link ImageDecoder} first.
 *
 * <p>Not bit-identical to torchvision's PIL pipeline: PIL's antialiased bilinear filter and OpenCV's
 * area filter differ by a few levels per pixel (DecodeBench prints the measured difference).
 */
public final class FastPreprocess {
  private FastPreprocess() {}

  /**
   * @param file an image file
   * @param resize the shorter side after resizing (ImageNet: 256)
   * @param crop the square center crop (ImageNet: 224)
   * @param mean per-channel mean of RGB in [0,1]
   * @param std per-channel std
   * @return {@code [3, crop, crop]} floats, row-major
   * @throws ImageDecodeException when the file cannot be decoded
   */
  public static float[] imagenet(Path file, int resize, int crop, float[] mean, float[] std) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImageDecodeException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    Mat bgr = null;
    if (ImageFormat.sniff(bytes) == ImageFormat.JPEG && OpenCvCodec.available()) {
      if (!ImageFormat.jpegHasEoi(bytes)) {
        throw new ImageDecodeException(file.toString(), "truncated JPEG (no end-of-image marker)", null);
      }
      int comps = ImageFormat.jpegComponents(bytes);
      if (comps == 1 || comps == 3) {
        MatOfByte buf = new MatOfByte(bytes);
        bgr = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
        buf.release();
        if (bgr.empty()) {
          throw new ImageDecodeException(file.toString(), "corrupt JPEG (OpenCV could not decode it)", null);
        }
      }
    }
    boolean rgbOrder = false;
    if (bgr == null) {
      Image img = ImageDecoder.DEFAULT.read(bytes, file.toString());
      OpenCvCodec.available();
      bgr = new Mat(img.height(), img.width(), org.opencv.core.CvType.CV_8UC3);
      bgr.put(0, 0, img.pixels());
      rgbOrder = true;
    }
    try {
      return resizeCropNormalise(bgr, rgbOrder, resize, crop, mean, std);
    } finally {
      bgr.release();
    }
  }

  static float[] resizeCropNormalise(Mat m, boolean rgbOrder, int resize, int crop, float[] mean, float[] std) {
    int h = m.rows();
    int w = m.cols();
    int nh = h <= w ? resize : (int) (resize * (double) h / w);
    int nw = h <= w ? (int) (resize * (double) w / h) : resize;
    Mat r = new Mat();
    Imgproc.resize(m, r, new Size(nw, nh), 0, 0, nh < h ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
    if (nh < crop || nw < crop) {
      r.release();
      throw new IllegalArgumentException("resize " + resize + " is smaller than the crop " + crop);
    }
    int top = (int) Math.rint((nh - crop) / 2.0); // Python's round: half to even
    int left = (int) Math.rint((nw - crop) / 2.0);
    Mat c = r.submat(new Rect(left, top, crop, crop)).clone();
    byte[] px = new byte[crop * crop * 3];
    c.get(0, 0, px);
    r.release();
    c.release();
    int plane = crop * crop;
    float[] out = new float[3 * plane];
    int ri = rgbOrder ? 0 : 2;
    int bi = rgbOrder ? 2 : 0;
    float s0 = 1f / (255f * std[0]);
    float s1 = 1f / (255f * std[1]);
    float s2 = 1f / (255f * std[2]);
    float o0 = mean[0] / std[0];
    float o1 = mean[1] / std[1];
    float o2 = mean[2] / std[2];
    for (int p = 0, j = 0; p < plane; p++, j += 3) {
      out[p] = (px[j + ri] & 0xff) * s0 - o0;
      out[plane + p] = (px[j + 1] & 0xff) * s1 - o1;
      out[2 * plane + p] = (px[j + bi] & 0xff) * s2 - o2;
    }
    return out;
  }
}
