package dev.robusta.corrupt;

import dev.robusta.data.Image;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Defocus blur with the references' anti-aliased disk: a float32 disk of radius c0 on a 17x17 grid
 * (radius &lt;= 8; else a (2r+1)^2 grid), normalised, smoothed by OpenCV {@code GaussianBlur} (3x3,
 * or 5x5 above radius 8; sigma c1; reflect-101 border), then OpenCV {@code filter2D} per channel on
 * x/255 in float64 (correlation, reflect-101 border). At ImageNet-C severities 4 and 5 the disk
 * touches the grid border, so the kernel sums to about 1.013 / 1.011 and the image brightens
 * slightly, as in the references.
 */
final class DefocusBlur extends BaseCorruption {
  DefocusBlur() {
    super("defocus_blur", CorruptionGroup.BLUR, false);
  }

  /** The reference's {@code disk(radius, alias_blur)} kernel as a CV_32F Mat. */
  static Mat disk(double radius, double aliasBlur) {
    int half = radius <= 8 ? 8 : (int) radius;
    int ksize = radius <= 8 ? 3 : 5;
    int n = 2 * half + 1;
    float[] k = new float[n * n];
    float count = 0;
    for (int y = -half; y <= half; y++) {
      for (int x = -half; x <= half; x++) {
        if (x * x + y * y <= radius * radius) {
          k[(y + half) * n + x + half] = 1f;
          count += 1f;
        }
      }
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= count;
    }
    OpenCv.load();
    Mat m = new Mat(n, n, CvType.CV_32F);
    m.put(0, 0, k);
    Mat out = new Mat();
    Imgproc.GaussianBlur(m, out, new Size(ksize, ksize), aliasBlur);
    m.release();
    return out;
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    Mat kernel = disk(params[0], params[1]);
    double[] x = Pixels.unit(rgb);
    Mat src = new Mat(h, w, CvType.CV_64FC3);
    src.put(0, 0, x);
    Mat dst = new Mat();
    // filter2D applies the kernel to each channel independently, as the references' per-channel loop
    Imgproc.filter2D(src, dst, -1, kernel, new org.opencv.core.Point(-1, -1), 0, Core.BORDER_REFLECT_101);
    dst.get(0, 0, x);
    src.release();
    dst.release();
    kernel.release();
    return Pixels.fromUnit(h, w, 3, x);
  }
}
