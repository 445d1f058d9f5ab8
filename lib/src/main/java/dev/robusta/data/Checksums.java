package dev.robusta.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 / md5 of files, and verification against an {@link ArchiveSpec}. */
final class Checksums {
  private Checksums() {}

  /** @return the lower-case hex digest of the file ({@code SHA-256} or {@code MD5}) */
  static String digest(Path file, String algorithm) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks size and checksum (sha256 when published, else md5).
   *
   * @param where the URL or path named in the error
   * @return the file's sha256 (recorded in the cache)
   * @throws ChecksumMismatchException naming {@code where}, the algorithm and both values
   */
  static String verify(Path file, ArchiveSpec spec, String where) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (spec.size() != null && size != spec.size()) {
      throw new ChecksumMismatchException(spec.file() + " from " + where + ": size " + size
          + " bytes, the registry says " + spec.size());
    }
    String sha = digest(file, "SHA-256");
    if (spec.sha256() != null && !spec.sha256().equals(sha)) {
      throw new ChecksumMismatchException(spec.file() + " from " + where + ": sha256 " + sha
          + " differs from the registry's " + spec.sha256());
    }
    if (spec.sha256() == null && spec.md5() != null) {
      String md5 = digest(file, "MD5");
      if (!spec.md5().equals(md5)) {
        throw new ChecksumMismatchException(spec.file() + " from " + where + ": md5 " + md5
            + " differs from the registry's " + spec.md5());
      }
    }
    return sha;
  }
}
