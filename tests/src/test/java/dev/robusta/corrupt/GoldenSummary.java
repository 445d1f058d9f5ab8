package dev.robusta.corrupt;

import dev.robusta.corrupt.CorruptionOracles.Diff;
import java.util.Map;
import java.util.TreeMap;

/** Collects golden comparisons and prints one summary line per corruption and reference. */
final class GoldenSummary {
  private final String title;
  private final Map<String, long[]> counts = new TreeMap<>();
  private final Map<String, double[]> worst = new TreeMap<>();

  GoldenSummary(String title) {
    this.title = title;
  }

  synchronized void add(String corruption, String impl, Diff d) {
    String key = String.format("%-18s %-16s", corruption, impl);
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
    c[0]++;
    c[1] += d.max() == 0 ? 1 : 0;
    double[] w = worst.computeIfAbsent(key, k -> new double[2]);
    w[0] = Math.max(w[0], d.max());
    w[1] = Math.max(w[1], d.mean());
  }

  synchronized void print() {
    StringBuilder sb = new StringBuilder("\n" + title + "\ncorruption         reference        cases  bit-exact  max|diff|  worst mean|diff|\n");
    counts.forEach((k, c) -> sb.append(String.format("%s %5d %10d %10.0f %18.5f%n", k, c[0], c[1],
        worst.get(k)[0], worst.get(k)[1])));
    System.out.println(sb);
  }
}
