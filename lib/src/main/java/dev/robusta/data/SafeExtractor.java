package dev.robusta.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts tar, tar.gz and zip archives (Apache Commons Compress) into a folder, refusing entries
 * that would escape it ({@code ../}, absolute paths, symbolic or hard links pointing outside), device
 * files and FIFOs, and archives that unpack to more than {@code maxRatio} times their own size or
 * more than {@code maxEntries} entries (zip bombs). Bytes are counted as they are written, not
 * taken from headers. On any refusal the caller deletes the whole target folder.
 */
final class SafeExtractor {
  private final long maxRatio;
  private final long maxEntries;

  SafeExtractor(long maxRatio, long maxEntries) {
    this.maxRatio = maxRatio;
    this.maxEntries = maxEntries;
  }

  static SafeExtractor defaults() {
    return new SafeExtractor(200, 20_000_000);
  }

  /**
   * @param archive the archive file
   * @param format {@code tar}, {@code tar.gz} or {@code zip}
   * @param dest an existing, empty folder
   * @throws UnsafeArchiveException when an entry is refused
   */
  void extract(Path archive, String format, Path dest) throws IOException {
    Path root = dest.toAbsolutePath().normalize();
    long budget = Math.max(Files.size(archive), 1L << 20) * maxRatio;
    switch (format) {
      case "tar", "tar.gz" -> extractTar(archive, format.equals("tar.gz"), root, budget);
      case "zip" -> extractZip(archive, root, budget);
      default -> throw new IllegalArgumentException("not an archive format: " + format);
    }
  }

  private Path target(Path root, String name, Path archive) {
    if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
      throw new UnsafeArchiveException(archive + ": entry '" + name + "' has an absolute path");
    }
    Path t = root.resolve(name).normalize();
    if (!t.startsWith(root)) {
      throw new UnsafeArchiveException(archive + ": entry '" + name + "' escapes the extraction folder");
    }
    return t;
  }

  private void extractTar(Path archive, boolean gz, Path root, long budget) throws IOException {
    long written = 0;
    long entries = 0;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
         InputStream in = gz ? new GzipCompressorInputStream(raw, true) : raw;
         TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (++entries > maxEntries) {
          throw new UnsafeArchiveException(archive + ": more than " + maxEntries + " entries (archive bomb?)");
        }
        String name = e.getName();
        Path t = target(root, name, archive);
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
          throw new UnsafeArchiveException(archive + ": entry '" + name + "' is a device file or FIFO");
        }
        if (e.isSymbolicLink() || e.isLink()) {
          String link = e.getLinkName();
          Path base = e.isSymbolicLink() ? t.getParent() : root;
          Path lt = link.startsWith("/") ? Path.of(link) : base.resolve(link).normalize();
          if (!lt.startsWith(root)) {
            throw new UnsafeArchiveException(archive + ": link '" + name + "' -> '" + link
                + "' points outside the extraction folder");
          }
          // links inside the folder are not needed by any registered dataset: skip them rather than
          // create files whose content could change later
          continue;
        }
        if (e.isDirectory()) {
          Files.createDirectories(t);
          continue;
        }
        if (!e.isFile()) {
          throw new UnsafeArchiveException(archive + ": entry '" + name + "' has unsupported type");
        }
        Files.createDirectories(t.getParent());
        written = copy(tar, t, written, budget, archive);
      }
    }
  }

  private void extractZip(Path archive, Path root, long budget) throws IOException {
    long written = 0;
    long entries = 0;
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      Enumeration<ZipArchiveEntry> all = zip.getEntries();
      while (all.hasMoreElements()) {
        ZipArchiveEntry e = all.nextElement();
        if (++entries > maxEntries) {
          throw new UnsafeArchiveException(archive + ": more than " + maxEntries + " entries (archive bomb?)");
        }
        String name = e.getName();
        Path t = target(root, name, archive);
        if (e.isUnixSymlink()) {
          throw new UnsafeArchiveException(archive + ": entry '" + name + "' is a symbolic link");
        }
        if (e.isDirectory()) {
          Files.createDirectories(t);
          continue;
        }
        Files.createDirectories(t.getParent());
        try (InputStream in = zip.getInputStream(e)) {
          written = copy(in, t, written, budget, archive);
        }
      }
    }
  }

  private static long copy(InputStream in, Path t, long written, long budget, Path archive) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(t, StandardOpenOption.CREATE_NEW)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        written += n;
        if (written > budget) {
          throw new UnsafeArchiveException(archive + ": unpacks to more than " + budget
              + " bytes, an absurd ratio to its own size (zip bomb?)");
        }
        out.write(buf, 0, n);
      }
    }
    return written;
  }
}
