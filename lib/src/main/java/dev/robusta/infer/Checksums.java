package dev.robusta.infer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers (lower-case hex). */
final class Checksums {
  private Checksums() {}

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String sha256(Path file) {
    MessageDigest md = sha256Digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int r;
      while ((r = in.read(buf)) > 0) {
        md.update(buf, 0, r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String sha256(String s) {
    return HexFormat.of().formatHex(sha256Digest().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  static String sha256(byte[] b, int off, int len) {
    MessageDigest md = sha256Digest();
    md.update(b, off, len);
    return HexFormat.of().formatHex(md.digest());
  }
}
