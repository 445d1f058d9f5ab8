package dev.robusta.bench;

import dev.robusta.data.Dataset;
import dev.robusta.data.FastPreprocess;
import dev.robusta.data.Image;
import dev.robusta.data.ImageDecoder;
import dev.robusta.data.Sample;
import dev.robusta.data.SyntheticOod;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.core.CvType;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * {@code ./robusta bench decode [DIR] [--passes N] [--threads T] [--stream N]}.
 *
 * <p>Part 1: decode + resize (shorter side 256) + center crop 224 + normalise (ImageNet mean/std,
 * float CHW) of the real JPEGs in DIR (default {@code ../shared/data/datasets/imagenet-sample-images}),
 * images per second with T threads (default 2), for Robusta's decoder with OpenCV (default path) and
 * with the pure-Java TwelveMonkeys fallback, next to Debian's torchvision/PIL pipeline
 * ({@code Resize(256), CenterCrop(224), ToTensor(), Normalize}, DataLoader with 2 workers, batch 32)
 * run by {@code /usr/bin/python3} on the same files in the same run.
 *
 * <p>Part 2 ({@code --stream N}, default 1,000,000): streams N generated 32x32x3 images through
 * {@link Dataset#iterator()} and reports peak heap and peak RSS at 10 checkpoints, to show memory
 * stays flat.
 */
public final class DecodeBench {
  static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  static final float[] STD = {0.229f, 0.224f, 0.225f};

  private DecodeBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of("../shared/data/datasets/imagenet-sample-images");
    int passes = 5;
    int threads = 2;
    long stream = 1_000_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--stream" -> stream = Long.parseLong(args[++i]);
        default -> dir = Path.of(args[i]);
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g")).sorted().toList();
    }
    if (files.isEmpty()) {
      System.err.println("decode bench: no JPEG files in " + dir + "\n  hint: pass a folder of JPEGs");
      System.exit(2);
    }
    System.out.printf(Locale.ROOT, "decode + resize(256) + center-crop(224) + normalise: %d JPEGs from %s, %d passes, %d threads, %d cores%n",
        files.size(), dir, passes, threads, Runtime.getRuntime().availableProcessors());
    ImageDecoder fast = ImageDecoder.of(ImageDecoder.Channels.RGB, ImageDecoder.Backend.AUTO);
    ImageDecoder pure = ImageDecoder.of(ImageDecoder.Channels.RGB, ImageDecoder.Backend.IMAGEIO);
    nu.pattern.OpenCV.loadLocally();
    org.opencv.core.Core.setNumThreads(1); // one image per thread, like PIL's single-threaded workers
    runFast(files, 1, threads); // warm-up: loads natives, JIT
    double robusta = runFast(files, passes, threads);
    double diff = compare(files);
    run(pure, files, 1, threads);
    double twelve = run(pure, files, passes, threads);
    double pil = python(files, passes);
    diff = compareAfter(files);
    System.out.printf(Locale.ROOT, "  mean |Robusta - torchvision| over the first 8 normalised tensors: %s%n",
        Double.isNaN(diff) ? "n/a" : String.format(Locale.ROOT, "%.4f (in std units; 1 level = %.4f)", diff, 1 / (255 * 0.226)));
    System.out.println();
    System.out.printf(Locale.ROOT, "| pipeline | images/s | vs PIL |%n|---|---|---|%n");
    System.out.printf(Locale.ROOT, "| Robusta FastPreprocess, OpenCV decode + resize (%d threads) | %.1f | %.2fx |%n", threads, robusta, robusta / pil);
    System.out.printf(Locale.ROOT, "| Robusta, TwelveMonkeys decode + OpenCV resize (%d threads) | %.1f | %.2fx |%n", threads, twelve, twelve / pil);
    System.out.printf(Locale.ROOT, "| torchvision/PIL DataLoader, 2 workers | %.1f | 1.00x |%n", pil);
    if (stream > 0) {
      streamMemory(stream);
    }
  }

  /** @return images per second of {@link FastPreprocess#imagenet} */
  static double runFast(List<Path> files, int passes, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    int total = files.size() * passes;
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < total) {
          FastPreprocess.imagenet(files.get(i % files.size()), 256, 224, MEAN, STD);
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    return total / ((System.nanoTime() - t0) / 1e9);
  }

  static Path reference;

  /** @return mean absolute difference to the tensors the Python reference wrote, or NaN */
  static double compare(List<Path> files) throws IOException {
    reference = Files.createTempFile("robusta-decode-ref", ".f32");
    return Double.NaN;
  }

  static double compareAfter(List<Path> files) throws IOException {
    if (reference == null || Files.size(reference) == 0) {
      return Double.NaN;
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(reference)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    long n = 0;
    for (int k = 0; k < 8 && b.remaining() >= 3 * 224 * 224 * 4; k++) {
      float[] mine = FastPreprocess.imagenet(files.get(k), 256, 224, MEAN, STD);
      for (float v : mine) {
        sum += Math.abs(v - b.getFloat());
        n++;
      }
    }
    Files.deleteIfExists(reference);
    return n == 0 ? Double.NaN : sum / n;
  }

  /** @return images per second */
  static double run(ImageDecoder decoder, List<Path> files, int passes, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    int total = files.size() * passes;
    double[] checksum = new double[threads];
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int slot = t;
      fs.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < total) {
          float[] chw = preprocess(decoder.read(files.get(i % files.size())));
          checksum[slot] += chw[chw.length / 2];
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    return total / secs;
  }

  /** Shorter side to 256 (area interpolation when shrinking, bilinear when enlarging), crop 224, normalise to CHW. */
  static float[] preprocess(Image img) {
    Mat src = new Mat(img.height(), img.width(), CvType.CV_8UC3);
    src.put(0, 0, img.pixels());
    int h = img.height();
    int w = img.width();
    int nh = h <= w ? 256 : (int) Math.round(256.0 * h / w);
    int nw = h <= w ? (int) Math.round(256.0 * w / h) : 256;
    Mat resized = new Mat();
    Imgproc.resize(src, resized, new Size(nw, nh), 0, 0, nh < h ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
    int top = (int) Math.round((nh - 224) / 2.0);
    int left = (int) Math.round((nw - 224) / 2.0);
    Mat crop = resized.submat(new Rect(left, top, 224, 224)).clone();
    byte[] px = new byte[224 * 224 * 3];
    crop.get(0, 0, px);
    src.release();
    resized.release();
    crop.release();
    float[] out = new float[3 * 224 * 224];
    int plane = 224 * 224;
    for (int p = 0, j = 0; p < plane; p++, j += 3) {
      out[p] = ((px[j] & 0xff) / 255f - MEAN[0]) / STD[0];
      out[plane + p] = ((px[j + 1] & 0xff) / 255f - MEAN[1]) / STD[1];
      out[2 * plane + p] = ((px[j + 2] & 0xff) / 255f - MEAN[2]) / STD[2];
    }
    return out;
  }

  /** Runs the torchvision/PIL reference on the same files; returns its images per second. */
  static double python(List<Path> files, int passes) throws IOException, InterruptedException {
    Path script = Files.createTempFile("robusta-decode-bench", ".py");
    Path list = Files.createTempFile("robusta-decode-files", ".txt");
    try (InputStream in = DecodeBench.class.getResourceAsStream("decode_bench.py")) {
      Files.write(script, in.readAllBytes());
    }
    Files.write(list, files.stream().map(p -> p.toAbsolutePath().toString()).toList());
    Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), list.toString(), Integer.toString(passes),
        reference.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    int rc = p.waitFor();
    Files.deleteIfExists(script);
    Files.deleteIfExists(list);
    System.out.print(out.lines().map(l -> "  python: " + l + "\n").reduce("", String::concat));
    if (rc != 0) {
      System.out.println("  the PIL reference failed (needs Debian's python3-torchvision and python3-pil)");
      return Double.NaN;
    }
    String last = out.lines().filter(l -> l.startsWith("images_per_second")).findFirst().orElse("images_per_second NaN");
    return Double.parseDouble(last.split(" ")[1]);
  }

  static void streamMemory(long n) throws IOException {
    System.out.printf(Locale.ROOT, "%nstreaming %,d generated 32x32x3 images (Gaussian OOD) through Dataset.iterator()%n", n);
    System.out.printf(Locale.ROOT, "| images | peak heap used (MB) | peak RSS (MB) | seconds |%n|---|---|---|---|%n");
    Dataset d = new SyntheticOod(SyntheticOod.Kind.GAUSSIAN, (int) n, 32, 32, 3, 7);
    long t0 = System.nanoTime();
    long count = 0;
    long sum = 0;
    long step = Math.max(1, n / 10);
    for (Sample s : d) {
      sum += s.image().get(16, 16, 1);
      count++;
      if (count % step == 0) {
        System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f |%n", count, peakHeapMb(), rssPeakMb(),
            (System.nanoTime() - t0) / 1e9);
      }
    }
    System.out.printf(Locale.ROOT, "(checksum %d; -Xmx %d MB)%n", sum, Runtime.getRuntime().maxMemory() >> 20);
  }

  static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
      if (b.getType() == MemoryType.HEAP) {
        peak += b.getPeakUsage().getUsed();
      }
    }
    return peak / 1048576.0;
  }

  static double rssPeakMb() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmHWM:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
