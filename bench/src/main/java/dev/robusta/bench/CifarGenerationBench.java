package dev.robusta.bench;

import dev.robusta.corrupt.CorruptedBenchmark;
import dev.robusta.corrupt.Preset;
import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * CIFAR-10-C generation time: the 15 benchmark corruptions x 5 severities x the CIFAR-10 test set
 * ({@code ../shared/data/datasets/cifar10-test-jpeg}, decoded once beforehand and timed apart), on a
 * 2-thread pool, through {@link CorruptedBenchmark} cells. Target: under 2 minutes.
 */
final class CifarGenerationBench {
  private static final int THREADS = 2;

  private CifarGenerationBench() {}

  static void run(int limit) throws Exception {
    Path root = Path.of("..", "shared", "data", "datasets", "cifar10-test-jpeg", "test");
    if (!Files.isDirectory(root)) {
      System.out.println("\nCIFAR-10-C generation: skipped, " + root.toAbsolutePath() + " is absent");
      return;
    }
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<Path> classes;
    try (Stream<Path> s = Files.list(root)) {
      classes = s.filter(Files::isDirectory).sorted().toList();
    }
    for (int c = 0; c < classes.size(); c++) {
      try (Stream<Path> s = Files.list(classes.get(c))) {
        for (Path f : s.sorted().toList()) {
          files.add(f);
          labels.add(c);
        }
      }
    }
    int n = Math.min(limit, files.size());
    ForkJoinPool pool = new ForkJoinPool(THREADS);
    Image[] images = new Image[n];
    long t0 = System.nanoTime();
    pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
      try {
        images[i] = Image.of(ImageIO.read(files.get(i).toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    })).get();
    double decode = (System.nanoTime() - t0) / 1e9;
    Dataset clean = new Dataset() {
      @Override
      public String id() { return "cifar10-test"; }

      @Override
      public int size() { return n; }

      @Override
      public Sample get(int i) { return new Sample(images[i], labels.get(i), Map.of()); }
    };
    CorruptedBenchmark bench = CorruptedBenchmark.builder(clean, Preset.CIFAR_C).build();
    List<CorruptedBenchmark.Cell> runnable = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (CorruptedBenchmark.Cell c : bench.cells()) {
      try {
        c.dataset().get(0);
        runnable.add(c);
      } catch (UnsupportedOperationException | IllegalStateException e) {
        if (!missing.contains(c.corruption())) {
          missing.add(c.corruption());
        }
      }
    }
    AtomicLong checksum = new AtomicLong();
    AtomicLong count = new AtomicLong();
    int chunk = 500;
    int chunks = (n + chunk - 1) / chunk;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long g0 = System.nanoTime();
    pool.submit(() -> IntStream.range(0, runnable.size() * chunks).parallel().forEach(task -> {
      Dataset d = runnable.get(task / chunks).dataset();
      int from = (task % chunks) * chunk;
      long local = 0;
      for (int i = from; i < Math.min(n, from + chunk); i++) {
        Image out = d.get(i).image();
        local += out.get(out.height() / 2, out.width() / 2, 1);
        count.incrementAndGet();
      }
      checksum.addAndGet(local);
    })).get();
    double gen = (System.nanoTime() - g0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    pool.shutdown();
    System.out.printf(Locale.ROOT, "%nCIFAR-10-C generation on %d threads (preset CIFAR_C, %d clean images)%n", THREADS, n);
    System.out.printf(Locale.ROOT, "  decode the clean JPEGs once:      %8.1f s%n", decode);
    System.out.printf(Locale.ROOT, "  generate %,d images (%d cells): %8.1f s wall  (%.0f images/s, checksum %d)%n",
        count.get(), runnable.size(), gen, count.get() / gen, checksum.get());
    System.out.printf(Locale.ROOT, "  process CPU time of generation:   %8.1f s  (= %.1f s on 2 otherwise idle cores;"
        + " machine load average now %.1f)%n", cpu, cpu / THREADS, os.getSystemLoadAverage());
    if (!missing.isEmpty()) {
      System.out.printf(Locale.ROOT, "  not implemented yet, excluded: %s%n", missing);
    }
    System.out.printf(Locale.ROOT, "  target: 15 x 5 x 10,000 images in under 120 s%n");
  }
}
