package dev.robusta.corrupt;

import dev.robusta.data.Image;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Elastic transform, after erniejunior's gist as modified by the references, in float32.
 *
 * <p>hendrycks presets, parameters (alpha, sigma, jitter): the three points
 * {@code (c0 + s, c1 + s), (c0 + s, c1 - s), (c0 - s, c1 - s)} with {@code (c0, c1) = (H // 2, W // 2)}
 * and {@code s = min(H, W) // 3} are jittered by {@code uniform(-jitter, jitter, (3, 2))}; OpenCV
 * {@code getAffineTransform} + {@code warpAffine} (bilinear, reflect-101 border); then two
 * displacement fields {@code gaussian(uniform(-1, 1, (H, W)), sigma, mode='reflect', truncate=3) *
 * alpha} (dx drawn first) sampled by {@link MapCoordinates} (order 1, scipy 'reflect'). The 224 table
 * was written with 244 instead of 224 (the source says so).
 *
 * <p>imagecorruptions preset, parameter alpha: no affine step; fields
 * {@code gaussian(uniform(-0.005 H, 0.005 H, (H, W)), sigma=(0.01 H, 0.01 W), mode='reflect',
 * truncate=3) * alpha}.
 */
final class ElasticTransform extends BaseCorruption {
  ElasticTransform() {
    super("elastic_transform", CorruptionGroup.DIGITAL, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    float[] img = Pixels.unitFloat(rgb);
    double alpha;
    double sigmaY;
    double sigmaX;
    double range;
    if (preset.isHendrycks()) {
      alpha = params[0];
      sigmaY = params[1];
      sigmaX = params[1];
      range = 1;
      img = affine(img, h, w, params[2], random);
    } else {
      alpha = params[0];
      sigmaY = h * 0.01;
      sigmaX = w * 0.01;
      range = h * 0.005;
    }
    float[] dx = field(random.uniform(-range, range, h * w), h, w, sigmaY, sigmaX, alpha);
    float[] dy = field(random.uniform(-range, range, h * w), h, w, sigmaY, sigmaX, alpha);
    return Pixels.fromUnit(h, w, 3, MapCoordinates.reflectLinear(img, h, w, 3, dy, dx));
  }

  private static float[] field(double[] u, int h, int w, double sigmaY, double sigmaX, double alpha) {
    double[] g = GaussianFilter.filter(u, h, w, 1, sigmaY, sigmaX, GaussianFilter.Mode.REFLECT, 3.0);
    float[] out = new float[g.length];
    for (int i = 0; i < g.length; i++) {
      out[i] = (float) (g[i] * alpha);
    }
    return out;
  }

  private static float[] affine(float[] img, int h, int w, double jitter, RandomSource random) {
    float c0 = (float) Math.floor((float) h / 2f);
    float c1 = (float) Math.floor((float) w / 2f);
    int s = Math.min(h, w) / 3;
    float[] pts1 = {c0 + s, c1 + s, c0 + s, c1 - s, c0 - s, c1 - s};
    double[] j = random.uniform(-jitter, jitter, 6);
    float[] pts2 = new float[6];
    for (int i = 0; i < 6; i++) {
      pts2[i] = pts1[i] + (float) j[i];
    }
    OpenCv.load();
    MatOfPoint2f src = new MatOfPoint2f(new Point(pts1[0], pts1[1]), new Point(pts1[2], pts1[3]),
        new Point(pts1[4], pts1[5]));
    MatOfPoint2f dst = new MatOfPoint2f(new Point(pts2[0], pts2[1]), new Point(pts2[2], pts2[3]),
        new Point(pts2[4], pts2[5]));
    Mat m = Imgproc.getAffineTransform(src, dst);
    Mat in = new Mat(h, w, CvType.CV_32FC3);
    in.put(0, 0, img);
    Mat out = new Mat();
    Imgproc.warpAffine(in, out, m, new Size(w, h), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT_101);
    float[] res = new float[img.length];
    out.get(0, 0, res);
    src.release();
    dst.release();
    m.release();
    in.release();
    out.release();
    return res;
  }
}
