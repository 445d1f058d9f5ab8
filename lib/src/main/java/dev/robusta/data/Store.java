package dev.robusta.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.HttpURLConnection;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The download cache: {@code $ROBUSTA_DATA}, else {@code ~/.cache/robusta}, one folder per id.
 *
 * <p>{@link #prepare(RegistryEntry)} downloads every file of an entry over HTTP(S) with a progress
 * bar, resuming a partial {@code .part} file with a {@code Range} request, trying the mirrors in
 * order, checking size and checksum (a mismatch deletes the partial file and names the URL and both
 * hashes), extracting archives with {@link SafeExtractor} into a temporary folder, and renaming it
 * into place atomically. A folder counts as present only with its {@code .complete} marker, written
 * last. A file lock (plus an in-process lock) serialises concurrent preparations of one id, across
 * processes: the second caller finds the first one's result. With no network the call fails at once
 * with a message naming the dataset, the URLs and how to place a local copy; {@code ROBUSTA_OFFLINE=1}
 * refuses every download without trying.
 */
public final class Store {
  static final String COMPLETE = ".complete";
  private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path root;
  private final boolean offline;
  private final SafeExtractor extractor;
  private final int readTimeoutMs;

  /**
   * @param root the cache root
   * @param offline refuse every download without trying
   */
  public Store(Path root, boolean offline) {
    this(root, offline, SafeExtractor.defaults());
  }

  Store(Path root, boolean offline, SafeExtractor extractor) {
    this(root, offline, extractor, 60_000);
  }

  /** @param readTimeoutMs a transfer that stalls this long fails (and can be resumed) */
  Store(Path root, boolean offline, SafeExtractor extractor, int readTimeoutMs) {
    this.root = root.toAbsolutePath().normalize();
    this.offline = offline;
    this.extractor = extractor;
    this.readTimeoutMs = readTimeoutMs;
  }

  /**
   * @return the store at system property {@code robusta.data}, else {@code $ROBUSTA_DATA}, else
   *     {@code ~/.cache/robusta}; offline when {@code robusta.offline} / {@code ROBUSTA_OFFLINE} is set
   */
  public static Store defaultStore() {
    String env = System.getenv("ROBUSTA_DATA");
    String prop = System.getProperty("robusta.data");
    Path r = prop != null ? Path.of(prop) : env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "robusta");
    String off = System.getProperty("robusta.offline", System.getenv("ROBUSTA_OFFLINE"));
    return new Store(r, off != null && !off.isBlank() && !off.equals("0") && !off.equals("false"));
  }

  /** @return the cache root */
  public Path root() { return root; }

  /** @return the folder of an id in the cache (present or not) */
  public Path folder(String id) {
    return root.resolve(id);
  }

  /** @return whether the id's folder is complete (its marker exists) */
  public boolean isPresent(String id) {
    return Files.isRegularFile(folder(id).resolve(COMPLETE));
  }

  /**
   * Makes an entry's files present in the cache, downloading them if needed.
   *
   * @return the entry's complete cache folder
   * @throws DownloadException when the entry has no URLs, the network is unreachable or every mirror
   *     fails (names the dataset, URLs and how to place a local copy)
   * @throws ChecksumMismatchException when a file differs from the registry (nothing is kept)
   * @throws UnsafeArchiveException when an archive is refused (nothing is kept)
   */
  public Path prepare(RegistryEntry entry) {
    String id = entry.id();
    Path done = folder(id);
    if (isPresent(id)) {
      return done;
    }
    if ("synthetic".equals(entry.layout())) {
      throw new DownloadException(id + " is generated on demand (seeded): there is nothing to download",
          "load it with Datasets.load(\"" + id + "\"), or pass --ood " + id + " to ./robusta eval", null);
    }
    if (entry.archives().isEmpty() || entry.archives().stream().anyMatch(a -> a.urls().isEmpty())) {
      throw new DownloadException(id + " cannot be downloaded automatically"
          + (entry.manual() != null ? ": " + entry.manual() : ""), placeHint(entry), null);
    }
    ReentrantLock jvm = LOCKS.computeIfAbsent(root + "|" + id, k -> new ReentrantLock());
    jvm.lock();
    try {
      Files.createDirectories(root.resolve(".locks"));
      try (FileChannel ch = FileChannel.open(root.resolve(".locks").resolve(id + ".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
           FileLock lock = ch.lock()) {
        if (isPresent(id)) {
          return done;
        }
        return download(entry, done);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cache " + root + ": " + e.getMessage(), e);
    } finally {
      jvm.unlock();
    }
  }

  private Path download(RegistryEntry entry, Path done) throws IOException {
    String id = entry.id();
    Path partial = root.resolve(".partial").resolve(id);
    Files.createDirectories(partial);
    Path tmp = Files.createTempDirectory(root, "." + id + ".tmp-");
    try {
      StringBuilder marker = new StringBuilder();
      for (ArchiveSpec a : entry.archives()) {
        Path file = fetch(entry, a, partial.resolve(a.file() + ".part"));
        String sha = file.getFileName().toString();
        if (a.extracts()) {
          try {
            extractor.extract(file, a.format(), tmp);
          } catch (UnsafeArchiveException e) {
            Files.deleteIfExists(file);
            throw e;
          }
          sha = Checksums.digest(file, "SHA-256");
          Files.delete(file);
        } else {
          sha = Checksums.digest(file, "SHA-256");
          Files.move(file, tmp.resolve(a.file()), StandardCopyOption.REPLACE_EXISTING);
        }
        marker.append(a.file()).append(" sha256 ").append(sha)
            .append(a.hasChecksum() ? " (verified)" : " (no published checksum: recorded on first download)")
            .append('\n');
      }
      Files.writeString(tmp.resolve(COMPLETE), marker.toString());
      if (Files.exists(done)) {
        deleteTree(done); // an incomplete leftover without marker
      }
      try {
        Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        throw new IOException("cannot rename " + tmp + " to " + done + ": " + e, e);
      }
      return done;
    } finally {
      if (Files.exists(tmp)) {
        deleteTree(tmp);
      }
      for (Path p : List.of(partial, partial.getParent())) {
        try (Stream<Path> left = Files.list(p)) {
          if (left.findAny().isEmpty()) {
            Files.delete(p);
          }
        } catch (IOException raced) {
          // another download is using the folder: leave it
        }
      }
    }
  }

  /** Downloads one file, trying each mirror, resuming a partial file; returns the verified file. */
  private Path fetch(RegistryEntry entry, ArchiveSpec a, Path part) throws IOException {
    List<String> failures = new ArrayList<>();
    boolean unreachable = true;
    if (offline) {
      throw new DownloadException("cannot download " + entry.id() + " (ROBUSTA_OFFLINE is set): "
          + a.urls(), placeHint(entry), null);
    }
    for (String url : a.urls()) {
      try {
        transfer(url, part, a);
        Checksums.verify(part, a, url);
        Path ok = part.resolveSibling(a.file());
        Files.move(part, ok, StandardCopyOption.REPLACE_EXISTING);
        return ok;
      } catch (ChecksumMismatchException e) {
        Files.deleteIfExists(part);
        throw e;
      } catch (UnknownHostException | ConnectException e) {
        failures.add(url + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
      } catch (IOException e) {
        unreachable = false;
        failures.add(url + ": " + e.getMessage());
      }
    }
    throw new DownloadException("cannot download " + entry.id() + (unreachable ? " (no network?)" : "")
        + ": " + String.join("; ", failures), placeHint(entry), null);
  }

  private void transfer(String url, Path part, ArchiveSpec a) throws IOException {
    long have = Files.exists(part) ? Files.size(part) : 0;
    HttpURLConnection c = open(url, have);
    int code = c.getResponseCode();
    boolean append;
    if (code == 206 && have > 0) {
      append = true;
    } else if (code == 200) {
      append = false;
      have = 0;
    } else if (code == 416 && have > 0 && a.size() != null && have == a.size()) {
      c.disconnect();
      return; // already complete
    } else {
      c.disconnect();
      throw new IOException("HTTP " + code);
    }
    long len = c.getContentLengthLong();
    long max = a.size() != null ? a.size() : len >= 0 ? have + len : -1;
    ProgressBarBuilder pb = new ProgressBarBuilder().setTaskName(a.file()).setStyle(ProgressBarStyle.ASCII)
        .setInitialMax(max).setUnit(" MB", 1 << 20).showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(System.err));
    try (InputStream in = c.getInputStream();
         OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
             append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
         ProgressBar bar = pb.build()) {
      bar.stepTo(have);
      byte[] buf = new byte[1 << 16];
      int n;
      long got = 0;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        got += n;
        bar.stepBy(n);
      }
      if (len >= 0 && got < len) {
        throw new IOException("connection closed after " + got + " of " + len + " bytes");
      }
    } finally {
      c.disconnect();
    }
  }

  /** Opens a GET (with a Range from {@code have}), following up to 5 redirects, http and https alike. */
  private HttpURLConnection open(String url, long have) throws IOException {
    String u = url;
    for (int hop = 0; hop < 6; hop++) {
      HttpURLConnection c = (HttpURLConnection) URI.create(u).toURL().openConnection();
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout(10_000);
      c.setReadTimeout(readTimeoutMs);
      c.setRequestProperty("User-Agent", "robusta");
      if (have > 0) {
        c.setRequestProperty("Range", "bytes=" + have + "-");
      }
      int code = c.getResponseCode();
      if (code >= 300 && code < 400 && c.getHeaderField("Location") != null) {
        u = URI.create(u).resolve(c.getHeaderField("Location")).toString();
        c.disconnect();
        continue;
      }
      return c;
    }
    throw new IOException("too many redirects from " + url);
  }

  /** @return how to place a local copy of the entry */
  String placeHint(RegistryEntry e) {
    StringBuilder s = new StringBuilder("place a local copy and pass it: Datasets.load(\"" + e.id()
        + "\", Path.of(\"/your/copy\")), or put ");
    s.append(e.archives().isEmpty() ? "the files" : e.archives().stream().map(ArchiveSpec::file).toList()
        + " (extracted)");
    s.append(" in ").append(folder(e.id())).append(" with an empty ").append(COMPLETE).append(" file");
    return s.toString();
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }

  @Override
  public String toString() {
    return "Store[" + root + (offline ? ", offline" : "") + "]";
  }
}
