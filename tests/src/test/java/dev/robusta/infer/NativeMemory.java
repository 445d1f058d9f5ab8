package dev.robusta.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of this process from {@code /proc/self/status} (Linux), in bytes. */
final class NativeMemory {
  private NativeMemory() {}

  static boolean available() {
    return Files.isReadable(Path.of("/proc/self/status"));
  }

  static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }

  /**
   * @return RSS minus the JVM's committed heap and non-heap memory: an estimate of native (off-JVM)
   *     memory such as libtorch's tensors, insensitive to the Java heap growing
   */
  static long nativeEstimate() {
    System.gc();
    var mx = java.lang.management.ManagementFactory.getMemoryMXBean();
    return rss() - mx.getHeapMemoryUsage().getCommitted() - mx.getNonHeapMemoryUsage().getCommitted();
  }

  static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
