package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.Image;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The oracles' statistics over seeds 0..19 (README 3.5, {@code stats/summary_over_seeds.csv}) and the
 * checks shared by {@link SeedStatisticsTest} and {@link WeatherSeedStatisticsTest}.
 */
final class SeedStatistics {
  static final String[] STATS = {"mean_r", "mean_g", "mean_b", "std_r", "std_g", "std_b",
      "mean_abs_diff_vs_clean", "psnr_vs_clean", "frac_values_changed"};
  static final int SEEDS = 20;

  /** One reference row: per statistic the mean, sd, min and max over the 20 reference seeds. */
  record Row(String image, String impl, String corruption, int severity, double[] mean, double[] sd,
      double[] min, double[] max) {
    @Override
    public String toString() {
      return image + "/" + impl + "/" + corruption + "/s" + severity;
    }

    int size() {
      return image.equals("coffee32") ? 32 : image.equals("giraffe64") ? 64 : 224;
    }
  }

  private SeedStatistics() {}

  static List<Row> rows(Predicate<CSVRecord> keep) throws IOException {
    List<Row> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(CorruptionOracles.dir().resolve("stats/summary_over_seeds.csv"))) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (!keep.test(rec)) {
          continue;
        }
        double[][] v = new double[4][STATS.length];
        String[] suffix = {"__mean", "__sd", "__min", "__max"};
        for (int k = 0; k < 4; k++) {
          for (int i = 0; i < STATS.length; i++) {
            v[k][i] = Double.parseDouble(rec.get(STATS[i] + suffix[k]));
          }
        }
        out.add(new Row(rec.get("image"), rec.get("impl"), rec.get("corruption"),
            Integer.parseInt(rec.get("severity")), v[0], v[1], v[2], v[3]));
      }
    }
    return out;
  }

  /** {@code [statistic][seed]} of {@code c} on the row's image, with Robusta's own RNG seeded 0..19. */
  static double[][] perSeed(Corruption c, Row row) {
    Image clean = CorruptionOracles.clean(row.image());
    Preset preset = CorruptionOracles.preset(row.impl(), row.size());
    double[][] v = new double[STATS.length][SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      double[] s = stats(c.apply(clean, row.severity(), preset, RandomSource.seeded(seed)), clean);
      for (int i = 0; i < STATS.length; i++) {
        v[i][seed] = s[i];
      }
    }
    return v;
  }

  /** Absolute slack of statistic {@code i}: PSNR 0.05 dB, changed fraction 0.002, grey levels 0.25. */
  static double eps(int i) {
    return i == 7 ? 0.05 : i == 8 ? 0.002 : 0.25;
  }

  /**
   * |mean_java - mean_ref| &lt;= 4 sqrt(sd_ref^2/20 + sd_java^2/20) + eps and sd_java &lt;= 3 sd_ref + eps,
   * for every statistic.
   */
  static void assertMeanAndSpread(Row row, double[][] v) {
    for (int i = 0; i < STATS.length; i++) {
      double m = 0;
      for (double x : v[i]) {
        m += x;
      }
      m /= SEEDS;
      double ss = 0;
      for (double x : v[i]) {
        ss += (x - m) * (x - m);
      }
      double sd = Math.sqrt(ss / (SEEDS - 1));
      double bound = 4 * Math.sqrt(row.sd()[i] * row.sd()[i] / SEEDS + sd * sd / SEEDS) + eps(i);
      String what = row + " " + STATS[i] + ": java mean " + m + " sd " + sd + ", reference mean "
          + row.mean()[i] + " sd " + row.sd()[i];
      assertTrue(Math.abs(m - row.mean()[i]) <= bound, what + " (bound " + bound + ")");
      assertTrue(sd <= 3 * row.sd()[i] + eps(i), what + " (sd bound " + (3 * row.sd()[i] + eps(i)) + ")");
    }
  }

  /** The nine statistics of one output (README 3.5 definitions: sd with ddof 0, PSNR in dB). */
  static double[] stats(Image out, Image clean) {
    byte[] o = out.pixels();
    byte[] c = clean.pixels();
    double[] sum = new double[3];
    double[] sq = new double[3];
    double abs = 0;
    double se = 0;
    long changed = 0;
    for (int i = 0; i < o.length; i++) {
      int v = o[i] & 0xff;
      int d = v - (c[i] & 0xff);
      sum[i % 3] += v;
      sq[i % 3] += (double) v * v;
      abs += Math.abs(d);
      se += (double) d * d;
      changed += d != 0 ? 1 : 0;
    }
    double n = o.length / 3.0;
    double[] s = new double[STATS.length];
    for (int k = 0; k < 3; k++) {
      s[k] = sum[k] / n;
      s[3 + k] = Math.sqrt(Math.max(0, sq[k] / n - s[k] * s[k]));
    }
    s[6] = abs / o.length;
    double mse = se / o.length;
    s[7] = mse == 0 ? 100 : 10 * Math.log10(255.0 * 255.0 / mse);
    s[8] = changed / (double) o.length;
    return s;
  }
}
