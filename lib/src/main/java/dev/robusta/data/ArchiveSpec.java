package dev.robusta.data;

import java.util.List;

/**
 * One downloadable file of a registry entry.
 *
 * @param file the file name in the cache
 * @param format {@code file} (used as is), {@code tar}, {@code tar.gz} or {@code zip} (extracted)
 * @param urls the mirrors, tried in order; empty when the file must be placed by hand
 * @param size the size in bytes, or null when unpublished
 * @param sha256 the published sha256 (lower-case hex), or null
 * @param md5 the published md5 (lower-case hex), or null
 * @param checksum a note when no checksum is published ({@code unknown}) or its provenance is weak
 */
public record ArchiveSpec(String file, String format, List<String> urls, Long size, String sha256,
    String md5, String checksum) {
  public ArchiveSpec {
    urls = urls == null ? List.of() : List.copyOf(urls);
  }

  /** @return whether a checksum (sha256 or md5) is known for this file */
  public boolean hasChecksum() {
    return sha256 != null || md5 != null;
  }

  /** @return whether the file is an archive to extract */
  public boolean extracts() {
    return !"file".equals(format);
  }
}
