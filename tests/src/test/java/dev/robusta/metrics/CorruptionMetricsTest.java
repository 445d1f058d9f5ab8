package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CE, mCE, relative mCE and unnormalised means against {@code oracles/metrics/mce} (tolerance 1e-12). */
@Timeout(30)
class CorruptionMetricsTest {
  private static final double TOL = 1e-12;

  static Map<String, CorruptionErrors> models() throws IOException {
    Map<String, CorruptionErrors.Builder> b = new LinkedHashMap<>();
    for (Map<String, String> r : OracleCsv.read(Shared.path("oracles/metrics/mce/model_errors.csv"))) {
      CorruptionErrors.Builder m = b.computeIfAbsent(r.get("model"), CorruptionErrors::builder);
      m.add(r.get("corruption"), d(r, "s1"), d(r, "s2"), d(r, "s3"), d(r, "s4"), d(r, "s5"));
      if (r.get("corruption").equals("gaussian_noise")) m.clean(d(r, "clean_error"));
    }
    Map<String, CorruptionErrors> out = new LinkedHashMap<>();
    b.forEach((k, v) -> out.put(k, v.build()));
    return out;
  }

  private static double d(Map<String, String> r, String k) {
    return Double.parseDouble(r.get(k));
  }

  @Test
  void alexnetResourceMatchesThePublishedTableByName() throws IOException {
    List<Map<String, String>> rows = OracleCsv.read(Shared.path("oracles/metrics/mce/alexnet_errors.csv"));
    assertEquals(19, rows.size());
    assertEquals(19, AlexNetImageNetC.corruptions().size());
    for (Map<String, String> r : rows) {
      double[] e = AlexNetImageNetC.errors(r.get("corruption"));
      double sum = 0;
      for (int s = 0; s < 5; s++) {
        assertEquals(d(r, "s" + (s + 1)), e[s], TOL, r.get("corruption") + " s" + (s + 1));
        sum += e[s];
      }
      if (!r.get("augmix_table").isEmpty()) assertEquals(d(r, "augmix_table"), sum / 5, 1e-9, "augmix ALEXNET_ERR " + r.get("corruption"));
    }
  }

  @Test
  void matchesReferenceResults() throws IOException {
    Map<String, CorruptionErrors> models = models();
    List<Map<String, String>> rows = OracleCsv.read(Shared.path("oracles/metrics/mce/mce_results.csv"));
    assertEquals(3, rows.size());
    for (Map<String, String> r : rows) {
      CorruptionErrors m = models.get(r.get("model"));
      double alexClean = d(r, "alexnet_clean_error_used");
      assertEquals(d(r, "clean_error"), m.cleanError(), 0.0);
      CorruptionResult r15 = CorruptionMetrics.mce(m, CorruptionSet.BENCHMARK_15, alexClean);
      assertEquals(d(r, "mCE_15"), r15.mce(), TOL, "mCE 15 " + m.model());
      assertEquals(d(r, "relative_mCE_15"), r15.relativeMce(), TOL, "relative mCE 15 " + m.model());
      assertEquals(d(r, "augmix_compute_mce_percent"), 100 * r15.mce(), 1e-9, "AugMix's percent mCE");
      CorruptionResult r19 = CorruptionMetrics.mce(m, CorruptionSet.INCLUDING_EXTRA_19, alexClean);
      assertEquals(d(r, "mCE_19_incl_extra"), r19.mce(), TOL, "mCE 19 " + m.model());
      for (String c : CorruptionSet.INCLUDING_EXTRA_19.names()) {
        assertEquals(d(r, "CE_" + c), r19.ce().get(c), TOL, "CE " + c);
        if (!r.get("relCE_" + c).isEmpty()) assertEquals(d(r, "relCE_" + c), r19.relativeCe().get(c), TOL, "relCE " + c);
      }
      assertEquals(d(r, "unnormalized_mean_error_15"), CorruptionMetrics.meanError(m, CorruptionSet.BENCHMARK_15).value(), TOL);
      assertEquals(d(r, "unnormalized_mean_error_19_as_in_ImageNetC_test_py"),
          CorruptionMetrics.meanError(m, CorruptionSet.INCLUDING_EXTRA_19).value(), TOL);
      assertEquals(alexClean, AlexNetImageNetC.DEFAULT_CLEAN_ERROR, 0.0);
      assertEquals(r15.mce(), CorruptionMetrics.mce(m).mce(), 0.0, "the default is the 15-corruption mCE");
    }
  }

  @Test
  void incompleteSetsAndPercentagesAreRefused() {
    CorruptionErrors partial = CorruptionErrors.builder("m").clean(0.2).add("gaussian_noise", 0.3, 0.4, 0.5, 0.6, 0.7).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorruptionMetrics.mce(partial));
    assertTrue(e.getMessage().contains("lacks 14 of the 15"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CorruptionErrors.builder("m").add("fog", 30, 40, 50, 60, 70));
    assertThrows(IllegalArgumentException.class, () -> AlexNetImageNetC.errors("glass"));
  }

  @Test
  void resultsPrintTheirNormaliser() throws IOException {
    CorruptionErrors a = models().get("modelA");
    String s = CorruptionMetrics.mce(a).toString();
    assertTrue(s.contains("BENCHMARK_15") && s.contains("AlexNet") && s.contains("0.43478"), s);
    String m = CorruptionMetrics.meanError(a, CorruptionSet.BENCHMARK_15).toString();
    assertTrue(m.contains("unnormalised, NOT mCE"), m);
  }
}
