package dev.robusta.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a local copy (or the cached one) against the registry: folders, class folders and image
 * counts per split or per corruption cell, array shapes for .npy sets, checksums for plain files.
 * Images are listed, not decoded.
 */
public final class Verifier {
  private final Loader loader;

  /** @param loader supplies the registry, the store and the class lists */
  public Verifier(Loader loader) {
    this.loader = loader;
  }

  /** The outcome: one line per check. */
  public record Report(String id, Path root, List<String> ok, List<String> problems) {
    /** @return whether every check passed */
    public boolean passed() { return problems.isEmpty(); }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(id + (root == null ? " (no files)" : " at " + root) + ": " + (passed() ? "OK" : problems.size() + " problem(s)") + "\n");
      ok.forEach(l -> s.append("  ok    ").append(l).append('\n'));
      problems.forEach(l -> s.append("  FAIL  ").append(l).append('\n'));
      return s.toString();
    }
  }

  /**
   * @param id a dataset or resource id
   * @param root the copy to check, or null for the system copy / cache
   */
  public Report verify(String id, Path root) {
    Registry reg = loader.registry();
    RegistryEntry e = reg.find(id);
    if (e == null) {
      reg.dataset(id); // throws with the list of ids
    }
    List<String> ok = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    Path where = root;
    try {
      if ("synthetic".equals(e.layout())) {
        ok.add("generated on demand: nothing to verify");
        return new Report(id, where, ok, bad);
      }
      if (where == null) {
        where = !e.localCopies().isEmpty() && Files.isDirectory(Path.of(e.localCopies().get(0)))
            ? Path.of(e.localCopies().get(0)) : loader.store().folder(e.id());
        if (!Files.isDirectory(where)) {
          bad.add("no copy at " + where + " (./robusta datasets download " + id + ", or pass --root DIR)");
          return new Report(id, where, ok, bad);
        }
      }
      switch (e.layout()) {
        case "file" -> {
          for (ArchiveSpec a : e.archives()) {
            Path f = where.resolve(a.file());
            if (!Files.isRegularFile(f)) {
              bad.add(a.file() + " is missing");
              continue;
            }
            try {
              Checksums.verify(f, a, f.toString());
              ok.add(a.file() + (a.hasChecksum() ? " checksum matches" : " present (no published checksum)"));
            } catch (ChecksumMismatchException x) {
              bad.add(x.getMessage());
            }
          }
        }
        case "corruption-folders", "cifar-c-npy" -> {
          for (String c : e.corruptions()) {
            for (int s = 1; s <= e.severities(); s++) {
              try {
                Dataset d = loader.corruption(e.id(), c, s, where);
                if (s == 1) {
                  ok.add(c + ": " + d.size() + " images at severity 1" + (e.severities() > 1 ? " (all severities checked)" : ""));
                }
              } catch (DatasetException x) {
                bad.add(x.getMessage());
              }
            }
          }
          for (String c : e.extraCorruptions()) {
            boolean present = Files.exists(where.resolve(c)) || Files.exists(where.resolve(c + ".npy"))
                || (e.folder() != null && Files.exists(where.resolve(e.folder()).resolve(c)));
            (present ? ok : bad).add("extra corruption " + c + (present ? " present" : " absent (optional)"));
            if (!present) {
              bad.remove(bad.size() - 1);
              ok.add("extra corruption " + c + " absent (optional, held-out validation corruption)");
            }
          }
        }
        case "none", "video-folders", "cifar-p-npy" -> bad.add("Robusta cannot verify " + id + " yet (layout "
            + e.layout() + "); see ./robusta datasets info " + id);
        default -> {
          for (Split split : Split.values()) {
            if (e.expectedImages(split) < 0) {
              continue;
            }
            try {
              Dataset d = loader.load(e.id(), split, where);
              ok.add(split.key() + ": " + d.size() + " images" + (d.labelSpace() != null
                  ? ", " + d.labelSpace().size() + " classes" : "") + " as the registry lists");
            } catch (DatasetException x) {
              if (split == Split.TEST) {
                bad.add(split.key() + ": " + x.getMessage());
              } else {
                ok.add("note: " + split.key() + " split not verified (" + x.getMessage() + ")");
              }
            }
          }
        }
      }
    } catch (DatasetException x) {
      bad.add(x.getMessage());
    }
    return new Report(id, where, ok, bad);
  }
}
