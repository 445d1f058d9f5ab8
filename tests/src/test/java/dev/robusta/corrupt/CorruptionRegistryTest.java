package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Corruptions;
import dev.robusta.data.Image;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Names, groups, severity validation and argument checks shared by every corruption. */
class CorruptionRegistryTest {

  @Test
  void nineteenNamesInImageNetCOrderWithGroups() {
    List<String> names = Corruptions.names();
    assertEquals(List.of("gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur",
        "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast",
        "elastic_transform", "pixelate", "jpeg_compression", "speckle_noise", "gaussian_blur",
        "spatter", "saturate"), names);
    assertEquals(15, Corruptions.benchmarkNames().size());
    assertEquals(CorruptionGroup.NOISE, Corruptions.group("impulse_noise"));
    assertEquals(CorruptionGroup.BLUR, Corruptions.group("zoom_blur"));
    assertEquals(CorruptionGroup.WEATHER, Corruptions.group("frost"));
    assertEquals(CorruptionGroup.DIGITAL, Corruptions.group("pixelate"));
    for (String extra : List.of("speckle_noise", "gaussian_blur", "spatter", "saturate")) {
      assertEquals(CorruptionGroup.EXTRA, Corruptions.group(extra));
    }
    assertEquals("weather", CorruptionGroup.WEATHER.toString());
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Corruption.named("gausian_noise"));
    assertTrue(e.getMessage().contains("gaussian_noise"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 6, -1})
  void invalidSeverityIsRejectedForEveryCorruption(int severity) {
    Image img = new Image(16, 16, 3, new byte[16 * 16 * 3]);
    for (String name : Corruptions.names()) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> Corruptions.apply(img, name, severity, 0), name);
      assertTrue(e.getMessage().contains("1..5") && e.getMessage().contains("was " + severity),
          name + ": " + e.getMessage());
    }
  }

  @Test
  void tooSmallImageIsRejected() {
    Image img = new Image(7, 30, 3, new byte[7 * 30 * 3]);
    for (String name : Corruptions.names()) {
      var e = assertThrows(IllegalArgumentException.class, () -> Corruptions.apply(img, name, 1, 0));
      assertTrue(e.getMessage().contains("8x8"), e.getMessage());
    }
  }
}
