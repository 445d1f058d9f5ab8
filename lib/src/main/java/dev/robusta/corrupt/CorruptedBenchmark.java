package dev.robusta.corrupt;

import dev.robusta.data.Dataset;
import dev.robusta.kernel.Displayable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A corrupted benchmark: one {@link Dataset} per (corruption, severity) cell, by default the 15
 * ImageNet-C benchmark corruptions x severities 1..5 (the mCE set; the 4 extra corruptions only when
 * asked for with {@link Builder#withExtraCorruptions()}). In-memory cells are generated lazily, on
 * {@code get(i)}; each sample's draws depend only on (seed, index, corruption, severity), so any
 * thread count and iteration order gives the same images. Samples carry the metadata
 * {@code corruption}, {@code severity}, {@code preset} and {@code protocol}.
 *
 * <p>The benchmark carries and prints its {@link CorruptionProtocol}: in-memory generation, the same
 * plus the ImageNet-C release's JPEG-85 save step, or released files.
 */
public final class CorruptedBenchmark implements Displayable {
  /** One cell: a corruption at a severity and its dataset. */
  public record Cell(String corruption, int severity, Dataset dataset) {}

  private final String id;
  private final Preset preset;
  private final CorruptionProtocol protocol;
  private final long seed;
  private final List<Cell> cells;

  private CorruptedBenchmark(String id, Preset preset, CorruptionProtocol protocol, long seed, List<Cell> cells) {
    this.id = id;
    this.preset = preset;
    this.protocol = protocol;
    this.seed = seed;
    this.cells = List.copyOf(cells);
  }

  /**
   * @param clean the dataset to corrupt (not null)
   * @param preset the severity tables (not null)
   */
  public static Builder builder(Dataset clean, Preset preset) {
    return new Builder(clean, preset);
  }

  /**
   * Wraps cells read from released files (protocol {@link CorruptionProtocol#RELEASED}).
   *
   * @param id e.g. {@code cifar10-c}
   * @param preset the preset the release was made with
   * @param cells corruption name -&gt; severity -&gt; dataset
   */
  public static CorruptedBenchmark released(String id, Preset preset, Map<String, Map<Integer, Dataset>> cells) {
    List<Cell> out = new ArrayList<>();
    cells.forEach((name, bySeverity) -> bySeverity.forEach((sev, ds) -> {
      Corruption.named(name);
      out.add(new Cell(name, Severity.check(sev), ds));
    }));
    return new CorruptedBenchmark(id, preset, CorruptionProtocol.RELEASED, 0, out);
  }

  /** @return the benchmark id, e.g. {@code cifar10-c} for a clean dataset {@code cifar10} */
  public String id() { return id; }

  public Preset preset() { return preset; }

  public CorruptionProtocol protocol() { return protocol; }

  /** @return the seed of in-memory generation (0 for released files) */
  public long seed() { return seed; }

  /** @return all cells, corruption-major in ImageNet-C order, severities ascending */
  public List<Cell> cells() { return cells; }

  /** @return the corruption names, in order */
  public List<String> corruptions() {
    return cells.stream().map(Cell::corruption).distinct().toList();
  }

  /**
   * @return the dataset of one cell
   * @throws IllegalArgumentException when the benchmark has no such cell (the message lists them)
   */
  public Dataset cell(String corruption, int severity) {
    for (Cell c : cells) {
      if (c.corruption().equals(corruption) && c.severity() == severity) {
        return c.dataset();
      }
    }
    throw new IllegalArgumentException("no cell " + corruption + "/" + severity + " in " + id
        + "; corruptions " + corruptions() + ", severities " + severities());
  }

  /** @return the distinct severities, ascending */
  public List<Integer> severities() {
    return cells.stream().map(Cell::severity).distinct().sorted().toList();
  }

  @Override
  public String toString() {
    return "CorruptedBenchmark[" + id + ": " + corruptions().size() + " corruptions x severities "
        + severities() + " = " + cells.size() + " cells, preset " + preset + ", protocol " + protocol
        + (protocol == CorruptionProtocol.RELEASED ? "" : ", seed " + seed) + "]";
  }

  @Override
  public Map<String, String> mimeBundle() {
    StringBuilder md = new StringBuilder("**" + id + "** - " + protocol.description() + "; preset `"
        + preset.name() + "`" + (protocol == CorruptionProtocol.RELEASED ? "" : "; seed " + seed) + "\n\n"
        + "| corruption | group | severities | images per cell |\n|---|---|---|---|\n");
    for (String c : corruptions()) {
      int n = cells.stream().filter(x -> x.corruption().equals(c)).findFirst().orElseThrow().dataset().size();
      md.append("| ").append(c).append(" | ").append(Corruption.named(c).group()).append(" | ")
          .append(severities()).append(" | ").append(n).append(" |\n");
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("text/plain", toString());
    out.put("text/markdown", md.toString());
    return out;
  }

  /** Options of in-memory generation. */
  public static final class Builder {
    private final Dataset clean;
    private final Preset preset;
    private List<String> corruptions = Corruption.benchmarkNames();
    private int[] severities = {1, 2, 3, 4, 5};
    private long seed;
    private boolean releaseJpeg;

    private Builder(Dataset clean, Preset preset) {
      this.clean = Objects.requireNonNull(clean, "clean");
      this.preset = Objects.requireNonNull(preset, "preset");
    }

    /** Restricts the corruptions (names from {@link Corruption#names()}, in the given order). */
    public Builder corruptions(List<String> names) {
      names.forEach(Corruption::named);
      this.corruptions = List.copyOf(names);
      return this;
    }

    /** All 19 corruptions: the 15 benchmark ones plus speckle_noise, gaussian_blur, spatter, saturate. */
    public Builder withExtraCorruptions() {
      this.corruptions = Corruption.names();
      return this;
    }

    /** @param severities each 1..5 */
    public Builder severities(int... severities) {
      for (int s : severities) {
        Severity.check(s);
      }
      this.severities = severities.clone();
      Arrays.sort(this.severities);
      return this;
    }

    /** The generation seed (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Re-encodes every corrupted image as JPEG quality 85 and decodes it, like the ImageNet-C release
     * (protocol {@link CorruptionProtocol#IN_MEMORY_RELEASE_JPEG}); default off.
     */
    public Builder releaseJpeg(boolean on) {
      this.releaseJpeg = on;
      return this;
    }

    public CorruptedBenchmark build() {
      CorruptionProtocol protocol = releaseJpeg ? CorruptionProtocol.IN_MEMORY_RELEASE_JPEG : CorruptionProtocol.IN_MEMORY;
      List<Cell> cells = new ArrayList<>();
      for (String c : corruptions) {
        for (int s : severities) {
          cells.add(new Cell(c, s, new CorruptedDataset(clean, c, s, preset, seed, protocol)));
        }
      }
      return new CorruptedBenchmark(clean.id() + "-c", preset, protocol, seed, cells);
    }
  }
}
