package dev.robusta.corrupt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.data.Image;
import dev.robusta.testing.Shared;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the corruption oracles of ../shared/oracles/corruptions (README sections 3.2-3.5). */
final class CorruptionOracles {
  private static final Map<Path, Image> CACHE = new ConcurrentHashMap<>();

  private CorruptionOracles() {}

  static Path dir() {
    return Shared.path("oracles/corruptions");
  }

  /** One manifest row: a golden PNG of one (image, impl, corruption, severity). */
  record Golden(String image, int size, String impl, String corruption, int severity, String png) {
    Preset preset() {
      return CorruptionOracles.preset(impl, size);
    }

    @Override
    public String toString() {
      return image + "/" + impl + "/" + corruption + "/s" + severity;
    }
  }

  /** One replay case of replay/index.json. */
  record Replay(String image, String impl, String corruption, int severity, String goldenPng,
      Path npz, List<String> keys, List<String> fns) {
    Preset preset() {
      return CorruptionOracles.preset(impl, image.equals("coffee32") ? 32 : image.equals("giraffe64") ? 64 : 224);
    }

    ReplayRandomSource source() {
      return ReplayRandomSource.fromNpz(npz, keys, fns);
    }

    @Override
    public String toString() {
      return image + "/" + impl + "/" + corruption + "/s" + severity + " (replay)";
    }
  }

  static Preset preset(String impl, int size) {
    if (impl.equals("imagecorruptions")) {
      return Preset.IMAGECORRUPTIONS;
    }
    return switch (size) {
      case 32 -> Preset.CIFAR_C;
      case 64 -> Preset.TINY_IMAGENET_C;
      case 224 -> Preset.IMAGENET_C;
      default -> throw new IllegalArgumentException("no hendrycks preset for size " + size);
    };
  }

  static List<Golden> manifest(List<String> corruptions) {
    List<Golden> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(dir().resolve("manifest.csv"))) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (corruptions.contains(row.get("corruption"))) {
          out.add(new Golden(row.get("image"), Integer.parseInt(row.get("size")), row.get("impl"),
              row.get("corruption"), Integer.parseInt(row.get("severity")), row.get("png")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<Replay> replays(List<String> corruptions) {
    List<Replay> out = new ArrayList<>();
    try {
      Path replay = dir().resolve("replay");
      JsonNode index = new ObjectMapper().readTree(replay.resolve("index.json").toFile());
      for (JsonNode c : index) {
        if (!corruptions.contains(c.get("corruption").asText())) {
          continue;
        }
        List<String> keys = new ArrayList<>();
        List<String> fns = new ArrayList<>();
        for (JsonNode d : c.get("draws")) {
          keys.add(d.get("key").asText());
          fns.add(d.get("fn").asText());
        }
        out.add(new Replay(c.get("image").asText(), c.get("impl").asText(), c.get("corruption").asText(),
            c.get("severity").asInt(), c.get("golden_png").asText(),
            replay.resolve(c.get("draws_npz").asText()), keys, fns));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Image clean(String image) {
    return read(dir().resolve("clean").resolve(image + ".png"));
  }

  static Image png(String relative) {
    return read(dir().resolve(relative));
  }

  private static Image read(Path p) {
    return CACHE.computeIfAbsent(p, q -> {
      try {
        return Image.of(ImageIO.read(q.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Differences between two images of the same shape. */
  record Diff(int max, double mean, long nonZero, int n) {
    static Diff of(Image a, Image b) {
      if (a.height() != b.height() || a.width() != b.width() || a.channels() != b.channels()) {
        throw new AssertionError("shape " + a + " vs " + b);
      }
      byte[] x = a.pixels();
      byte[] y = b.pixels();
      int max = 0;
      long sum = 0;
      long nz = 0;
      for (int i = 0; i < x.length; i++) {
        int d = Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        max = Math.max(max, d);
        sum += d;
        nz += d != 0 ? 1 : 0;
      }
      return new Diff(max, sum / (double) x.length, nz, x.length);
    }

    @Override
    public String toString() {
      return String.format("max %d, mean %.5f, %d of %d values differ", max, mean, nonZero, n);
    }
  }
}
