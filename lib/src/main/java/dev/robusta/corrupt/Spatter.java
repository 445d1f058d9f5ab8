package dev.robusta.corrupt;

import dev.robusta.data.Image;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Spatter (hendrycks {@code spatter}): a liquid layer {@code normal(loc c0, scale c1)} per pixel,
 * smoothed by scikit-image's {@code gaussian(sigma c2)} (scipy, mode nearest, truncate 4) and zeroed
 * below c3, then one of two branches chosen by c5:
 * <ul>
 *   <li>water (c5 = 0, severities 1-3): OpenCV {@code Canny(50, 150)} of the 8-bit layer,
 *       {@code distanceTransform(DIST_L2, 5)} (5x5 chamfer mask), truncation at 20, 3x3 box blur,
 *       {@code equalizeHist}, the emboss kernel {@code [[-2,-1,0],[-1,1,1],[0,1,2]]} with saturating
 *       8-bit output, another box blur; the mask {@code layer * dist} normalised to max 1 and scaled by
 *       c4 tints the image pale turquoise (R 175, G 238, B 238): {@code clip(x + m * colour, 0, 1)};</li>
 *   <li>mud (c5 = 1, severities 4-5): the binary mask {@code layer > c3} Gaussian-smoothed with sigma
 *       c4 (float32), values below 0.8 zeroed, then {@code clip(x (1 - m) + m * brown, 0, 1)} with
 *       brown (63, 42, 20).</li>
 * </ul>
 * Computed in float32 like the reference; all OpenCV steps are OpenCV's own (Java API). The same
 * algorithm is used for every preset (imagecorruptions differs from it in a few mud pixels, README
 * 3.2). A water mask that is zero everywhere leaves the image unchanged (the reference divides 0 by 0).
 */
final class Spatter extends BaseCorruption {
  private static final float[] WATER = {(float) (175 / 255.), (float) (238 / 255.), (float) (238 / 255.)};
  private static final float[] MUD = {(float) (63 / 255.), (float) (42 / 255.), (float) (20 / 255.)};

  Spatter() {
    super("spatter", CorruptionGroup.EXTRA, true);
  }

  @Override
  Image corrupt(Image rgb, double[] c, Preset preset, RandomSource random) {
    int h = rgb.height();
    int w = rgb.width();
    float[] x = Pixels.unitFloat(rgb);
    double[] liquid = random.normal(c[0], c[1], h * w);
    liquid = GaussianFilter.filter(liquid, h, w, 1, c[2], c[2], GaussianFilter.Mode.NEAREST, 4.0);
    for (int i = 0; i < liquid.length; i++) {
      if (liquid[i] < c[3]) {
        liquid[i] = 0;
      }
    }
    float[] out = c[5] == 0 ? water(x, liquid, h, w, (float) c[4]) : mud(x, liquid, h, w, c[3], c[4]);
    byte[] px = new byte[out.length];
    for (int i = 0; i < out.length; i++) {
      float v = out[i] * 255f;
      px[i] = (byte) (int) (v > 255f ? 255f : (v >= 0f ? v : 0f));
    }
    return Image.wrap(h, w, 3, px);
  }

  /** The water branch on float32 HWC x (0..1) and a thresholded liquid layer; also used by ImageNet-P. */
  static float[] water(float[] x, double[] liquid, int h, int w, float intensity) {
    OpenCv.load();
    byte[] layer = new byte[h * w];
    for (int i = 0; i < layer.length; i++) {
      layer[i] = (byte) ((int) (liquid[i] * 255) & 0xff);
    }
    Mat l8 = new Mat(h, w, CvType.CV_8UC1);
    l8.put(0, 0, layer);
    Mat edges = new Mat();
    Imgproc.Canny(l8, edges, 50, 150);
    byte[] e = new byte[h * w];
    edges.get(0, 0, e);
    for (int i = 0; i < e.length; i++) {
      e[i] = (byte) (255 - (e[i] & 0xff));
    }
    edges.put(0, 0, e);
    Mat dist = new Mat();
    Imgproc.distanceTransform(edges, dist, Imgproc.DIST_L2, 5);
    Imgproc.threshold(dist, dist, 20, 20, Imgproc.THRESH_TRUNC);
    Mat blurred = new Mat();
    Imgproc.blur(dist, blurred, new Size(3, 3));
    float[] df = new float[h * w];
    blurred.get(0, 0, df);
    byte[] d8 = new byte[h * w];
    for (int i = 0; i < d8.length; i++) {
      d8[i] = (byte) (int) df[i];
    }
    Mat d = new Mat(h, w, CvType.CV_8UC1);
    d.put(0, 0, d8);
    Imgproc.equalizeHist(d, d);
    Mat ker = new Mat(3, 3, CvType.CV_32F);
    ker.put(0, 0, -2, -1, 0, -1, 1, 1, 0, 1, 2);
    Mat emb = new Mat();
    Imgproc.filter2D(d, emb, CvType.CV_8U, ker);
    Mat fin = new Mat();
    Imgproc.blur(emb, fin, new Size(3, 3));
    fin.get(0, 0, d8);
    for (Mat m : new Mat[] {l8, edges, dist, blurred, d, ker, emb, fin}) {
      m.release();
    }
    float[] m = new float[h * w];
    float max = 0;
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) (layer[i] & 0xff) * (float) (d8[i] & 0xff);
      max = Math.max(max, m[i]);
    }
    float[] out = new float[x.length];
    for (int i = 0; i < m.length; i++) {
      float mi = max > 0 ? m[i] / max * intensity : 0f;
      for (int k = 0; k < 3; k++) {
        float v = x[i * 3 + k] + mi * WATER[k];
        out[i * 3 + k] = Math.min(1f, Math.max(0f, v));
      }
    }
    return out;
  }

  private static float[] mud(float[] x, double[] liquid, int h, int w, double threshold, double sigma) {
    double[] mask = new double[h * w];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = liquid[i] > threshold ? 1 : 0;
    }
    // scipy filters a float32 input axis by axis, storing float32 after each pass
    double[] rows = GaussianFilter.filter(mask, h, w, 1, sigma, 0, GaussianFilter.Mode.NEAREST, 4.0);
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) rows[i];
    }
    double[] both = GaussianFilter.filter(rows, h, w, 1, 0, sigma, GaussianFilter.Mode.NEAREST, 4.0);
    float[] out = new float[x.length];
    for (int i = 0; i < both.length; i++) {
      float m = (float) both[i];
      if (m < 0.8f) {
        m = 0;
      }
      for (int k = 0; k < 3; k++) {
        float v = x[i * 3 + k] * (1 - m) + MUD[k] * m;
        out[i * 3 + k] = Math.min(1f, Math.max(0f, v));
      }
    }
    return out;
  }
}
