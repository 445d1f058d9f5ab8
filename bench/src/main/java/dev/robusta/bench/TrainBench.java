package dev.robusta.bench;

import dev.robusta.Datasets;
import dev.robusta.data.Dataset;
import dev.robusta.data.Split;
import dev.robusta.train.FashionMnistCnn;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./robusta bench train [--demo]}: trains the demo's Fashion-MNIST CNN from scratch (default
 * configuration, empty temporary cache) and prints wall time, process CPU time and test accuracy beside the
 * targets (>= 90% test accuracy in about 1-1.5 minutes on 2 cores). With {@code --demo} it then runs
 * {@code ./robusta demo} twice with an empty {@code ROBUSTA_DATA} (cold: trains; warm: cached) and prints
 * both wall times beside the targets (3 min cold, 1 min warm).
 */
public final class TrainBench {
  private TrainBench() {}

  public static void main(String[] args) throws Exception {
    Dataset train = Datasets.load("fashion-mnist", Split.TRAIN);
    Dataset test = Datasets.load("fashion-mnist", Split.TEST);
    Path tmp = Files.createTempDirectory("robusta-train-bench");
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    double acc;
    try (FashionMnistCnn.Cached c = FashionMnistCnn.obtain(train, test, tmp, FashionMnistCnn.defaultConfig())) {
      acc = c.testAccuracy();
      System.out.println(c.model().trainResult());
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "%n| what | measured | target |%n|---|---|---|%n");
    System.out.printf(Locale.ROOT, "| train + test eval, wall | %.1f s | about 60-90 s on 2 idle cores |%n", wall);
    System.out.printf(Locale.ROOT, "| train + test eval, process CPU | %.1f s | - |%n", cpu);
    System.out.printf(Locale.ROOT, "| test accuracy (10,000 images) | %.2f%% | >= 90%% |%n", 100 * acc);
    System.out.printf(Locale.ROOT, "| load average (1 min) during the run | %.1f | - (2 cores) |%n",
        os.getSystemLoadAverage());
    if (args.length > 0 && args[0].equals("--demo")) {
      Path data = Files.createTempDirectory("robusta-demo-bench");
      String root = System.getenv().getOrDefault("ROBUSTA_ROOT", ".");
      for (String run : new String[] {"cold (trains)", "warm (cached)"}) {
        long s = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("bash", root + File.separator + "robusta", "demo", "--out",
            data.resolve("out").toString()).inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("ROBUSTA_DATA", data.toString());
        int rc = pb.start().waitFor();
        System.out.printf(Locale.ROOT, "| ./robusta demo, %s | %.1f s (exit %d) | %s |%n", run,
            (System.nanoTime() - s) / 1e9, rc, run.startsWith("cold") ? "< 180 s" : "< 60 s");
      }
    }
  }
}
