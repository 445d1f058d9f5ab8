package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.testing.Shared;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Every severity-table entry of the four presets against the oracles' severity_parameters.csv. */
class PresetTest {
  private static final Map<String, Preset> VARIANTS = Map.of(
      "hendrycks_224", Preset.IMAGENET_C, "hendrycks_32", Preset.CIFAR_C,
      "hendrycks_64", Preset.TINY_IMAGENET_C, "imagecorruptions", Preset.IMAGECORRUPTIONS);

  @Test
  void everyEntryEqualsTheReferenceTable() throws Exception {
    var csv = Shared.path("oracles/corruptions/severity_parameters.csv");
    ObjectMapper json = new ObjectMapper();
    Set<String> seen = new HashSet<>();
    int compared = 0;
    try (Reader r = Files.newBufferedReader(csv)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String variant = row.get("variant").split(" ")[0];
        Preset p = VARIANTS.get(variant);
        String name = row.get("corruption");
        int sev = Integer.parseInt(row.get("severity"));
        JsonNode params = json.readTree(row.get("params"));
        double[] expected;
        if (params.isArray()) {
          expected = new double[params.size()];
          for (int i = 0; i < expected.length; i++) {
            expected[i] = Double.parseDouble(params.get(i).asText());
          }
        } else {
          expected = new double[] {Double.parseDouble(params.asText())};
        }
        assertEquals(Integer.parseInt(row.get("n_values")), expected.length);
        // exact: the CSV holds Python repr of the evaluated source expressions
        assertArrayEquals(expected, p.params(name, sev), 0.0, variant + " " + name + " s" + sev);
        seen.add(p + name + sev);
        compared++;
      }
    }
    assertEquals(4 * 19 * 5, compared);
    assertEquals(4 * 19 * 5, seen.size());
  }

  @Test
  void zoomBlurFactorsOvershootLikeNumpyArange() {
    double[] s1 = Preset.IMAGENET_C.params("zoom_blur", 1);
    assertEquals(12, s1.length);
    assertEquals(1.11, s1[11], 1e-12);
  }

  @Test
  void paramsAreCopiesAndValidated() {
    double[] a = Preset.CIFAR_C.params("glass_blur", 1);
    a[0] = 99;
    assertEquals(0.05, Preset.CIFAR_C.params("glass_blur", 1)[0]);
    var e = assertThrows(IllegalArgumentException.class, () -> Preset.CIFAR_C.params("glass_blur", 6));
    assertTrue(e.getMessage().contains("1..5"), e.getMessage());
    var u = assertThrows(IllegalArgumentException.class, () -> Preset.CIFAR_C.params("glas_blur", 1));
    assertTrue(u.getMessage().contains("glass_blur"), u.getMessage());
  }

  @Test
  void presetsCarryTheirReference() {
    assertEquals(224, Preset.IMAGENET_C.imageSize().getAsInt());
    assertEquals(32, Preset.CIFAR_C.imageSize().getAsInt());
    assertEquals(64, Preset.TINY_IMAGENET_C.imageSize().getAsInt());
    assertTrue(Preset.IMAGECORRUPTIONS.imageSize().isEmpty());
    assertTrue(Preset.CIFAR_C.toString().contains("make_cifar_c.py"));
    assertTrue(Preset.IMAGECORRUPTIONS.toString().contains("imagecorruptions"));
  }
}
