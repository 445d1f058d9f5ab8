package dev.robusta.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./robusta bench kernel [RUNS]}: start-to-ready time of the Robusta Jupyter kernel (from
 * {@code start_kernel()} to the {@code kernel_info} reply, as jupyter_client sees it) and the
 * latency of its first cell, beside Debian's IPython kernel measured in the same run. The target
 * is under 3 s to ready on 2 cores. "ready CPU" is the CPU time the kernel process used until
 * ready (median), which other load on a shared machine does not inflate.
 */
public final class KernelBench {
  private KernelBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path root = Path.of(System.getenv().getOrDefault("ROBUSTA_ROOT", ".")).toAbsolutePath();
    Path script = root.resolve("bench/src/main/python/kernel_startup.py");
    if (!Files.isRegularFile(script)) {
      System.err.println("robusta bench kernel: " + script + " is missing\n  hint: run it through ./robusta bench kernel");
      System.exit(2);
    }
    exec(root, List.of("bash", "environment/kernel.sh", "--quiet"));
    System.out.printf("Kernel start-up, %d runs each, %d cores (%s)%n", runs,
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"));
    System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    System.out.printf("%-10s %-7s %9s %8s %8s   %9s   %8s %8s %8s%n", "kernel", "cell",
        "ready min", "median", "max", "ready CPU", "1st min", "median", "max");
    row(root, script, "robusta", "1 + 1", runs);
    row(root, script, "python3", "1 + 1", runs);
  }

  private static void row(Path root, Path script, String kernel, String code, int runs) throws Exception {
    List<String> cmd = List.of("/usr/bin/python3", "-Xfrozen_modules=off", script.toString(), kernel,
        String.valueOf(runs), code);
    List<double[]> rows = new ArrayList<>();
    for (String line : exec(root, cmd)) {
      if (line.startsWith("RUN ")) {
        String[] p = line.split(" ");
        rows.add(new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4])});
      }
    }
    if (rows.isEmpty()) {
      System.out.printf("%-10s no run completed (is Jupyter installed? see the output above)%n", kernel);
      return;
    }
    double[] ready = rows.stream().mapToDouble(r -> r[0]).sorted().toArray();
    double[] first = rows.stream().mapToDouble(r -> r[1]).sorted().toArray();
    double[] cpu = rows.stream().mapToDouble(r -> r[2]).sorted().toArray();
    System.out.printf("%-10s %-7s %8.2fs %7.2fs %7.2fs   %8.2fs   %7.2fs %7.2fs %7.2fs%n", kernel, code,
        ready[0], median(ready), ready[ready.length - 1], median(cpu), first[0], median(first),
        first[first.length - 1]);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static List<String> exec(Path root, List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
    pb.environment().putIfAbsent("JUPYTER_PATH", root.resolve("target/jupyter").toString());
    pb.environment().put("JUPYTER_RUNTIME_DIR", root.resolve("target/jupyter/runtime").toString());
    pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) {
        lines.add(l);
        if (!l.startsWith("RUN ")) {
          System.err.println("  | " + l);
        }
      }
    }
    if (p.waitFor() != 0) {
      System.err.println("robusta bench kernel: " + String.join(" ", cmd) + " exited " + p.exitValue());
    }
    return lines;
  }

}
