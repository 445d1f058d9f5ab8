package dev.robusta.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of one command; unknown options and missing values are usage errors. */
final class Args {
  private final Map<String, String> values;

  private Args(Map<String, String> values) {
    this.values = values;
  }

  static Args parse(String[] args, List<String> withValue, List<String> flags) {
    Map<String, String> v = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (flags.contains(a)) {
        v.put(a, "true");
      } else if (withValue.contains(a)) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException("option " + a + " needs a value", "see --help");
        }
        v.put(a, args[++i]);
      } else {
        throw new UsageException("unknown option '" + a + "'", "known options: " + withValue + " " + flags);
      }
    }
    return new Args(v);
  }

  boolean has(String name) { return values.containsKey(name); }

  String value(String name) { return values.get(name); }

  Path path(String name, Path def) {
    return has(name) ? Path.of(values.get(name)).toAbsolutePath() : def;
  }

  int intValue(String name, int def, int min, int max) {
    if (!has(name)) {
      return def;
    }
    try {
      int v = Integer.parseInt(values.get(name));
      if (v < min || v > max) {
        throw new UsageException(name + " must be " + min + ".." + max + ", was " + v, "see --help");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be an integer, was '" + values.get(name) + "'", "see --help");
    }
  }

  long longValue(String name, long def) {
    if (!has(name)) {
      return def;
    }
    try {
      return Long.parseLong(values.get(name));
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be an integer, was '" + values.get(name) + "'", "see --help");
    }
  }
}
