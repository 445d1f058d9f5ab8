package dev.robusta.corrupt;

import dev.robusta.data.Image;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Frame generation of {@link Perturbation}, operation by operation after {@code make_imagenet_p.py} /
 * {@code make_cifar_p.py}: torchvision's {@code F.affine} (inverse matrix of torchvision 0.14, PIL
 * bilinear affine, nearest for translate) then {@code CenterCrop}; ImageMagick-style motion blur with
 * Q16 quantisation; OpenCV {@code warpPerspective} for tilt; scikit-image HSV and Gaussian filters.
 */
final class PerturbationFrames {
  private PerturbationFrames() {}

  static List<Image> generate(Perturbation p, Image img, int d, PerturbationPreset preset, RandomSource rnd) {
    boolean inet = preset == PerturbationPreset.IMAGENET_P;
    int crop = preset.crop();
    if (crop > 0 && (img.height() < crop || img.width() < crop)) {
      throw new IllegalArgumentException(preset.name() + " crops frames to " + crop + "x" + crop
          + "; the picture is " + img.height() + "x" + img.width() + ": resize its short side to 256 first");
    }
    int n = p.frames(preset);
    List<Image> out = new ArrayList<>(n);
    Image clean = crop(img, crop);
    switch (p) {
      case GAUSSIAN_NOISE -> {
        float c = (float) (inet ? new double[] {0.03, 0.05, 0.08} : new double[] {0.02, 0.04, 0.06})[d - 1];
        float[] x = tensor(clean);
        out.add(clean);
        for (int i = 1; i < n; i++) {
          double[] z = rnd.normal(0, 1, x.length);
          byte[] b = new byte[x.length];
          for (int k = 0; k < x.length; k++) {
            float v = x[k] + c * (float) z[k];
            v = Math.min(1f, Math.max(0f, v));
            b[k] = (byte) (int) (v * 255f);
          }
          out.add(Image.wrap(clean.height(), clean.width(), 3, b));
        }
      }
      case SHOT_NOISE -> {
        double c = (inet ? new double[] {300, 120, 60} : new double[] {700, 400, 200})[d - 1];
        double[] x = Pixels.unit(clean);
        double[] lam = new double[x.length];
        for (int k = 0; k < x.length; k++) {
          lam[k] = x[k] * c;
        }
        out.add(clean);
        for (int i = 1; i < n; i++) {
          int[] counts = rnd.poisson(lam);
          double[] z = new double[x.length];
          for (int k = 0; k < x.length; k++) {
            z[k] = counts[k] / c;
          }
          out.add(Pixels.fromUnit(clean.height(), clean.width(), 3, z));
        }
      }
      case SPECKLE_NOISE -> {
        double c = (inet ? new double[] {0.05, 0.10, 0.15} : new double[] {0.05, 0.07, 0.10})[d - 1];
        double[] x = Pixels.unit(clean);
        out.add(clean);
        for (int i = 1; i < n; i++) {
          double[] z = rnd.normal(0, c, x.length);
          for (int k = 0; k < x.length; k++) {
            z[k] = x[k] + x[k] * z[k];
          }
          out.add(Pixels.fromUnit(clean.height(), clean.width(), 3, z));
        }
      }
      case MOTION_BLUR -> {
        int h = clean.height();
        int w = clean.width();
        double[] raw = Pixels.raw(clean);
        for (int i = 0; i < n; i++) {
          double angle = inet ? (i - 30) * 4 : (i - 20) * 9;
          double[] b = new MotionBlurKernel(inet ? 10 : 6, inet ? 3 : 1.8, angle, h, w).apply(raw, h, w, 3);
          for (int k = 0; k < b.length; k++) {
            b[k] = MotionBlurKernel.imageMagickQ16(b[k]);
          }
          out.add(Pixels.from255(h, w, 3, b));
        }
      }
      case ZOOM_BLUR -> {
        float[] avg = tensor(clean);
        out.add(clean);
        for (int i = 1; i < n; i++) {
          float[] z = tensor(crop(affine(img, 0, 0, 0, 1 + 0.004 * i, 0, true), crop));
          byte[] b = new byte[avg.length];
          for (int k = 0; k < avg.length; k++) {
            avg[k] += z[k];
            b[k] = (byte) (int) (avg[k] / (float) (i + 1) * 255f);
          }
          out.add(Image.wrap(clean.height(), clean.width(), 3, b));
        }
      }
      case SNOW -> out.addAll(snow(clean, inet, n, rnd));
      case BRIGHTNESS -> {
        for (int i = 0; i < n; i++) {
          double c = (i - 15) * (inet ? 2 : 1.5) / 100.;
          double[] x = Pixels.unit(clean);
          Hsv.rgbToHsv(x);
          for (int k = 2; k < x.length; k += 3) {
            x[k] = Math.min(1, Math.max(0, x[k] + c));
          }
          Hsv.hsvToRgb(x);
          out.add(Pixels.fromUnit(clean.height(), clean.width(), 3, x));
        }
      }
      case TRANSLATE -> {
        for (int i = 0; i < n; i++) {
          out.add(crop(shift(img, inet ? i - 20 : i - 7), crop));
        }
      }
      case ROTATE -> {
        for (int i = 0; i < n; i++) {
          out.add(crop(affine(img, i - 15, 0, 0, 1, 0, true), crop));
        }
      }
      case SCALE -> {
        for (int i = 0; i < n; i++) {
          double s = inet ? (i * 2.5 + 40) / 100. : (i * 2 + 70) / 100.;
          out.add(crop(affine(img, 0, 0, 0, s, 0, true), crop));
        }
      }
      case SHEAR -> {
        for (int i = 0; i < n; i++) {
          out.add(crop(affine(img, 0, 0, 0, 1, i - 15, true), crop));
        }
      }
      case TILT -> {
        for (int i = 0; i < n; i++) {
          double deg = inet ? i - 15 : 0.75 * (i - 15);
          out.add(crop(tilt(img, Math.toRadians(deg)), crop));
        }
      }
      case GAUSSIAN_BLUR -> {
        double[] x = Pixels.unit(clean);
        for (int i = 0; i < n; i++) {
          double sigma = inet ? 0.25 + 0.035 * i : 0.3 + 0.015 * i;
          double[] g = GaussianFilter.filter(x, clean.height(), clean.width(), 3, sigma, sigma,
              GaussianFilter.Mode.NEAREST, inet ? 6.0 : 7.0);
          out.add(Pixels.fromUnit(clean.height(), clean.width(), 3, g));
        }
      }
      case SPATTER -> out.addAll(spatter(clean, inet, n, rnd));
      default -> throw new AssertionError(p);
    }
    return out;
  }

  /** ToTensor: HWC float32 {@code v / 255f}. */
  private static float[] tensor(Image img) {
    byte[] p = img.pixels();
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = (p[i] & 0xff) / 255f;
    }
    return out;
  }

  /** torchvision {@code CenterCrop(size)}: offsets {@code round((side - size) / 2)}; 0 = no crop. */
  static Image crop(Image img, int size) {
    if (size <= 0 || (img.height() == size && img.width() == size)) {
      return img;
    }
    int top = (int) Math.rint((img.height() - size) / 2.0);
    int left = (int) Math.rint((img.width() - size) / 2.0);
    byte[] in = img.pixels();
    byte[] out = new byte[size * size * 3];
    for (int y = 0; y < size; y++) {
      System.arraycopy(in, ((top + y) * img.width() + left) * 3, out, y * size * 3, size * 3);
    }
    return Image.wrap(size, size, 3, out);
  }

  /**
   * torchvision 0.14 {@code F.affine} on a PIL image (centre {@code (w/2, h/2)}, shear along x in
   * degrees), through PIL's bilinear affine transform.
   */
  static Image affine(Image img, double angle, double tx, double ty, double scale, double shearX, boolean bilinear) {
    double cx = img.width() * 0.5;
    double cy = img.height() * 0.5;
    double rot = Math.toRadians(angle);
    double sx = Math.toRadians(shearX);
    double sy = 0;
    double a = Math.cos(rot - sy) / Math.cos(sy);
    double b = -Math.cos(rot - sy) * Math.tan(sx) / Math.cos(sy) - Math.sin(rot);
    double c = Math.sin(rot - sy) / Math.cos(sy);
    double d = -Math.sin(rot - sy) * Math.tan(sx) / Math.cos(sy) + Math.cos(rot);
    double[] m = {d, -b, 0.0, -c, a, 0.0};
    for (int i = 0; i < 6; i++) {
      m[i] = m[i] / scale;
    }
    m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty);
    m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty);
    m[2] += cx;
    m[5] += cy;
    return PilOps.affine(img, img.width(), img.height(), m);
  }

  /** torchvision {@code F.affine(translate=(dx, 0))} with PIL NEAREST: an integer shift right, black fill. */
  static Image shift(Image img, int dx) {
    int h = img.height();
    int w = img.width();
    byte[] in = img.pixels();
    byte[] out = new byte[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sx = x - dx;
        if (sx >= 0 && sx < w) {
          System.arraycopy(in, (y * w + sx) * 3, out, (y * w + x) * 3, 3);
        }
      }
    }
    return Image.wrap(h, w, 3, out);
  }

  /** The references' tilt: {@code P2 T RX RY P1} with phi = theta, OpenCV {@code warpPerspective} (bilinear, black border). */
  static Image tilt(Image img, double theta) {
    int h = img.height();
    int w = img.width();
    double f = Math.sqrt((double) w * w + (double) h * h);
    double[][] p1 = {{1, 0, -w / 2.0}, {0, 1, -h / 2.0}, {0, 0, 1}, {0, 0, 1}};
    double ct = Math.cos(theta);
    double st = Math.sin(theta);
    double[][] rx = {{1, 0, 0, 0}, {0, ct, -st, 0}, {0, st, ct, 0}, {0, 0, 0, 1}};
    double[][] ry = {{ct, 0, -st, 0}, {0, 1, 0, 0}, {st, 0, ct, 0}, {0, 0, 0, 1}};
    double[][] t = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, f}, {0, 0, 0, 1}};
    double[][] p2 = {{f, 0, w / 2.0, 0}, {0, f, h / 2.0, 0}, {0, 0, 1, 0}};
    double[][] mat = mul(mul(mul(mul(p2, t), rx), ry), p1);
    OpenCv.load();
    Mat src = new Mat(h, w, CvType.CV_8UC3);
    src.put(0, 0, img.pixels());
    Mat m = new Mat(3, 3, CvType.CV_64F);
    for (int r = 0; r < 3; r++) {
      m.put(r, 0, mat[r]);
    }
    Mat dst = new Mat();
    Imgproc.warpPerspective(src, dst, m, new Size(w, h));
    byte[] b = new byte[h * w * 3];
    dst.get(0, 0, b);
    src.release();
    m.release();
    dst.release();
    return Image.wrap(h, w, 3, b);
  }

  private static double[][] mul(double[][] a, double[][] b) {
    double[][] out = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
          s += a[i][k] * b[k][j];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  /** ImageNet-P / CIFAR-P snow: one snow field, blurred along a turning direction frame by frame. */
  private static List<Image> snow(Image clean, boolean inet, int n, RandomSource rnd) {
    int h = clean.height();
    int w = clean.width();
    double[] field = rnd.normal(0.05, 0.3, h * w);
    float[] f = new float[field.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) field[i];
    }
    float[] zoomed = ScipyZoom.clippedZoom(f, h, w, 1, inet ? 3 : 2, true);
    double[] layer = new double[h * w];
    for (int i = 0; i < layer.length; i++) {
      double v = zoomed[i] < 0.5 ? 0 : Math.min(1, zoomed[i]);
      layer[i] = (int) (v * 255);
    }
    double[] x = Pixels.unit(clean);
    double[] base = new double[x.length];
    for (int i = 0; i < h * w; i++) {
      float gray = (float) x[i * 3] * 0.299f + (float) x[i * 3 + 1] * 0.587f + (float) x[i * 3 + 2] * 0.114f;
      float bright = gray * 1.5f + 0.5f;
      for (int k = 0; k < 3; k++) {
        base[i * 3 + k] = 0.85 * x[i * 3 + k] + (1 - 0.85) * Math.max(x[i * 3 + k], bright);
      }
    }
    List<Image> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] s = new MotionBlurKernel(inet ? 14 : 10, inet ? 4 : 2, i * 4 - 150, h, w).apply(layer, h, w, 1);
      for (int k = 0; k < s.length; k++) {
        s[k] = MotionBlurKernel.imageMagickQ16(s[k]) / 255.;
      }
      double[] z = new double[x.length];
      for (int y = 0; y < h; y++) {
        for (int xx = 0; xx < w; xx++) {
          double add = s[y * w + xx] + s[(h - 1 - y) * w + (w - 1 - xx)];
          for (int k = 0; k < 3; k++) {
            int idx = (y * w + xx) * 3 + k;
            z[idx] = base[idx] + add;
          }
        }
      }
      out.add(Pixels.fromUnit(h, w, 3, z));
    }
    return out;
  }

  /** ImageNet-P / CIFAR-P spatter: one liquid layer that drips down (a column convolution) frame by frame. */
  private static List<Image> spatter(Image clean, boolean inet, int n, RandomSource rnd) {
    int h = clean.height();
    int w = clean.width();
    float[] x = Pixels.unitFloat(clean);
    double[] liquid = rnd.normal(inet ? 0.65 : 0.6, inet ? 0.27 : 0.265, h * w);
    liquid = GaussianFilter.filter(liquid, h, w, 1, inet ? 3.7 : 1.75, inet ? 3.7 : 1.75,
        GaussianFilter.Mode.NEAREST, 4.0);
    double thr = inet ? 0.69 : 0.7;
    for (int i = 0; i < liquid.length; i++) {
      if (liquid[i] < thr) {
        liquid[i] = 0;
      }
    }
    double[] kernel = inet ? new double[] {0.05, 0.1, 0.15, 0.7} : new double[] {0.2, 0.8};
    int offset = (kernel.length - 1) / 2;
    List<Image> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] z = Spatter.water(x, liquid, h, w, 0.6f);
      byte[] b = new byte[z.length];
      for (int k = 0; k < z.length; k++) {
        b[k] = (byte) (int) (z[k] * 255f);
      }
      out.add(Image.wrap(h, w, 3, b));
      // np.convolve(column, kernel, mode='same') down every column
      double[] next = new double[liquid.length];
      for (int y = 0; y < h; y++) {
        for (int xx = 0; xx < w; xx++) {
          double s = 0;
          for (int k = 0; k < kernel.length; k++) {
            int src = y + offset - k;
            if (src >= 0 && src < h) {
              s += liquid[src * w + xx] * kernel[k];
            }
          }
          next[y * w + xx] = s;
        }
      }
      liquid = next;
    }
    return out;
  }
}
