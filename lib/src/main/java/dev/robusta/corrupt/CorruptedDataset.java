package dev.robusta.corrupt;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.util.HashMap;
import java.util.Map;

/**
 * One cell (corruption x severity) of a {@link CorruptedBenchmark}, generated lazily: sample i is the
 * clean sample i corrupted with a random source seeded from (seed, i, corruption, severity) only, so
 * it does not depend on iteration order or thread count.
 */
final class CorruptedDataset implements Dataset {
  private final Dataset clean;
  private final Corruption corruption;
  private final int corruptionIndex;
  private final int severity;
  private final Preset preset;
  private final long seed;
  private final CorruptionProtocol protocol;

  CorruptedDataset(Dataset clean, String corruption, int severity, Preset preset, long seed,
      CorruptionProtocol protocol) {
    this.clean = clean;
    this.corruption = Corruption.named(corruption);
    this.corruptionIndex = Corruption.names().indexOf(corruption);
    this.severity = Severity.check(severity);
    this.preset = preset;
    this.seed = seed;
    this.protocol = protocol;
  }

  @Override
  public String id() {
    return clean.id() + "/" + corruption.name() + "/" + severity;
  }

  @Override
  public int size() {
    return clean.size();
  }

  /** The seed of sample {@code index} of this cell. */
  long sampleSeed(int index) {
    return RandomSource.mix(seed, index, corruptionIndex, severity);
  }

  @Override
  public Sample get(int index) {
    Sample s = clean.get(index);
    Image out = corruption.apply(s.image(), severity, preset, RandomSource.seeded(sampleSeed(index)));
    if (protocol == CorruptionProtocol.IN_MEMORY_RELEASE_JPEG) {
      out = JpegCodec.decode(JpegCodec.encode(out, 85));
    }
    Map<String, String> meta = new HashMap<>(s.meta());
    meta.put("corruption", corruption.name());
    meta.put("severity", Integer.toString(severity));
    meta.put("preset", preset.name());
    meta.put("protocol", protocol.name());
    return new Sample(out, s.label(), meta);
  }

  @Override
  public String toString() {
    return "CorruptedDataset[" + id() + ", " + size() + " samples, " + preset.name() + ", " + protocol.name() + "]";
  }
}
