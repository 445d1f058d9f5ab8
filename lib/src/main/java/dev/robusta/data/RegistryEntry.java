package dev.robusta.data;

import java.util.List;
import java.util.Map;

/**
 * One dataset or resource of {@code datasets.yaml}, bound by Jackson and validated by
 * {@link Registry}.
 *
 * @param id the registry id, e.g. {@code imagenet-a}
 * @param title one-line description
 * @param kind {@code classification-shift}, {@code corruption}, {@code perturbation-video},
 *     {@code ood}, {@code id-base} or {@code resource}
 * @param layout the reader (see the header of datasets.yaml)
 * @param folder the top folder inside the extracted archive (or local copy) holding the data
 * @param classes the expected number of classes / class folders, or null
 * @param severities the number of severities (corruption sets)
 * @param imagesPerCell images per (corruption, severity) cell
 * @param corruptions the benchmark corruptions / perturbations
 * @param extraCorruptions the held-out ("extra", validation) corruptions
 * @param images expected image counts per split ({@code test}, {@code train})
 * @param labels how the label space is built
 * @param protocol evaluation defaults
 * @param licence licence or terms of use
 * @param homepage project page
 * @param citation the paper to cite
 * @param notes traps and remarks
 * @param manual instructions when the data cannot be downloaded automatically (licence-gated)
 * @param localCopies folders where a system package installs the data (e.g. Debian's)
 * @param archives the downloadable files
 */
public record RegistryEntry(String id, String title, String kind, String layout, String folder,
    Integer classes, Integer severities, Integer imagesPerCell, List<String> corruptions,
    List<String> extraCorruptions, Map<String, Integer> images, LabelSpec labels, ProtocolSpec protocol,
    String licence, String homepage, String citation, String notes, String manual,
    List<String> localCopies, List<ArchiveSpec> archives) {
  public RegistryEntry {
    corruptions = corruptions == null ? List.of() : List.copyOf(corruptions);
    extraCorruptions = extraCorruptions == null ? List.of() : List.copyOf(extraCorruptions);
    images = images == null ? Map.of() : Map.copyOf(images);
    localCopies = localCopies == null ? List.of() : List.copyOf(localCopies);
    archives = archives == null ? List.of() : List.copyOf(archives);
  }

  /** @return the expected image count of a split, or -1 when the registry does not state it */
  public int expectedImages(Split split) {
    Integer n = images.get(split.key());
    return n == null ? -1 : n;
  }

  /** @return whether the corruption is a benchmark or extra corruption of this entry */
  public boolean hasCorruption(String name) {
    return corruptions.contains(name) || extraCorruptions.contains(name);
  }

  /** @return the total published size of the archives in bytes, or -1 when any size is unknown */
  public long totalSize() {
    long t = 0;
    for (ArchiveSpec a : archives) {
      if (a.size() == null) {
        return -1;
      }
      t += a.size();
    }
    return t;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(id).append(": ").append(title).append('\n');
    s.append("  kind ").append(kind).append(", layout ").append(layout);
    if (classes != null) {
      s.append(", ").append(classes).append(" classes");
    }
    if (!images.isEmpty()) {
      s.append(", images ").append(new java.util.TreeMap<>(images));
    }
    s.append('\n');
    if (!corruptions.isEmpty()) {
      s.append("  corruptions ").append(corruptions).append('\n');
    }
    if (!extraCorruptions.isEmpty()) {
      s.append("  extra corruptions ").append(extraCorruptions).append('\n');
    }
    if (severities != null) {
      s.append("  severities 1..").append(severities).append(", ").append(imagesPerCell).append(" images per cell\n");
    }
    if (labels != null && labels.space() != null) {
      s.append("  label space ").append(labels.space());
      if (labels.policy() != null) {
        s.append(", policy ").append(labels.policy());
      }
      s.append('\n');
    }
    if (protocol != null) {
      s.append("  protocol: ").append(protocol.preprocessing());
      if (protocol.notes() != null) {
        s.append("; ").append(protocol.notes());
      }
      s.append('\n');
    }
    s.append("  licence: ").append(licence).append('\n');
    s.append("  homepage: ").append(homepage).append('\n');
    s.append("  cite: ").append(citation).append('\n');
    if (notes != null) {
      s.append("  notes: ").append(notes).append('\n');
    }
    for (ArchiveSpec a : archives) {
      s.append("  file ").append(a.file()).append(" (").append(a.format()).append(", ")
          .append(a.size() == null ? "size unknown" : a.size() + " bytes").append(")");
      if (a.sha256() != null) {
        s.append(" sha256 ").append(a.sha256());
      }
      if (a.md5() != null) {
        s.append(" md5 ").append(a.md5());
      }
      if (a.checksum() != null) {
        s.append(" [checksum: ").append(a.checksum()).append("]");
      }
      s.append('\n');
      for (String u : a.urls()) {
        s.append("    ").append(u).append('\n');
      }
    }
    if (manual != null) {
      s.append("  manual download: ").append(manual).append('\n');
    }
    return s.toString();
  }
}
