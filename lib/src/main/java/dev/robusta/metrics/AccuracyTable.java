package dev.robusta.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Published accuracies: model name to evaluation setting to top-1 in percent (the testbed's and timm's
 * unit). Missing cells are absent, never 0. Read one with {@link ResultTables}.
 */
public final class AccuracyTable {
  private final String source;
  private final Map<String, Map<String, Double>> cells;

  AccuracyTable(String source, Map<String, Map<String, Double>> cells) {
    this.source = source;
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    cells.forEach((m, row) -> copy.put(m, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
    this.cells = Collections.unmodifiableMap(copy);
  }

  /** @return where the table came from (file names) */
  public String source() {
    return source;
  }

  /** @return the model names, in file order */
  public Set<String> models() {
    return cells.keySet();
  }

  /** @return every setting (column) that has at least one value */
  public Set<String> settings() {
    Set<String> s = new LinkedHashSet<>();
    cells.values().forEach(r -> s.addAll(r.keySet()));
    return s;
  }

  /** @return top-1 in percent of {@code model} on {@code setting}, empty when not evaluated */
  public OptionalDouble accuracy(String model, String setting) {
    Map<String, Double> row = cells.get(model);
    Double v = row == null ? null : row.get(setting);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** @return a table with the rows of both; a model present in both gets the union of its cells ({@code other} wins) */
  public AccuracyTable join(AccuracyTable other) {
    Map<String, Map<String, Double>> m = new LinkedHashMap<>();
    cells.forEach((k, v) -> m.put(k, new LinkedHashMap<>(v)));
    other.cells.forEach((k, v) -> m.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(v));
    return new AccuracyTable(source + " + " + other.source, m);
  }

  @Override
  public String toString() {
    return "AccuracyTable[" + source + ": " + cells.size() + " models, " + settings().size() + " settings, top-1 in percent]";
  }
}
