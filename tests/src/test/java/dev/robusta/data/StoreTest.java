package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The cache against a local HTTP server on 127.0.0.1: never the network. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StoreTest {
  @TempDir Path tmp;
  HttpServer server;
  String base;
  final Map<String, byte[]> files = new ConcurrentHashMap<>();
  final List<String> ranges = new CopyOnWriteArrayList<>();
  final AtomicInteger served = new AtomicInteger();
  final AtomicInteger cutNext = new AtomicInteger();
  volatile int delayMs;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String name = ex.getRequestURI().getPath().substring(1);
    byte[] body = files.get(name);
    if (body == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    served.incrementAndGet();
    String range = ex.getRequestHeaders().getFirst("Range");
    int from = 0;
    if (range != null) {
      ranges.add(range);
      from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
      ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
      ex.sendResponseHeaders(206, body.length - from);
    } else {
      ex.sendResponseHeaders(200, body.length);
    }
    try (OutputStream out = ex.getResponseBody()) {
      if (delayMs > 0) {
        sleep(delayMs);
      }
      if (cutNext.getAndSet(0) == 1) {
        out.write(body, from, (body.length - from) / 2);
        out.flush();
        ex.getHttpContext().getServer();
        throw new IOException("connection cut on purpose");
      }
      out.write(body, from, body.length - from);
    } catch (IOException e) {
      ex.close();
    }
  }

  private static void sleep(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static RegistryEntry entry(String id, ArchiveSpec... archives) {
    return new RegistryEntry(id, "test " + id, "ood", "unlabelled-images", null, null, null, null, null, null,
        null, null, null, "test", "http://127.0.0.1", "none", null, null, null, List.of(archives));
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  static List<Path> regularFiles(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.locks/")).toList();
    }
  }

  @Test
  void downloadsVerifiesAndResumesAPartialFile() throws Exception {
    byte[] data = random(300_000, 1);
    files.put("blob.bin", data);
    Store store = new Store(tmp.resolve("cache"), false, SafeExtractor.defaults(), 1500);
    RegistryEntry e = entry("blob", new ArchiveSpec("blob.bin", "file", List.of(base + "blob.bin"), (long) data.length,
        sha256(data), null, null));
    cutNext.set(1);
    assertThrows(DownloadException.class, () -> store.prepare(e), "the connection is cut half way");
    assertFalse(store.isPresent("blob"), "a partial download never counts as present");
    Path part = tmp.resolve("cache/.partial/blob/blob.bin.part");
    assertTrue(Files.exists(part) && Files.size(part) > 0 && Files.size(part) < data.length);
    long have = Files.size(part);
    Path dir = store.prepare(e);
    assertEquals(List.of("bytes=" + have + "-"), ranges, "the second call resumes with a Range request");
    assertTrue(store.isPresent("blob"));
    assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(dir.resolve("blob.bin"))));
    assertTrue(Files.readString(dir.resolve(Store.COMPLETE)).contains(sha256(data)));
    assertFalse(Files.exists(tmp.resolve("cache/.partial/blob")), "no partial left behind");
    int before = served.get();
    assertEquals(dir, store.prepare(e));
    assertEquals(before, served.get(), "a present copy is not downloaded again");
  }

  @Test
  void fallsBackToTheNextMirror() throws Exception {
    byte[] data = random(10_000, 2);
    files.put("mirror2/x.bin", data);
    Store store = new Store(tmp.resolve("cache"), false);
    String dead = "http://127.0.0.1:" + closedPort() + "/x.bin";
    RegistryEntry e = entry("mirrored", new ArchiveSpec("x.bin", "file",
        List.of(dead, base + "missing/x.bin", base + "mirror2/x.bin"), null, null,
        HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)), null));
    Path dir = store.prepare(e);
    assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(dir.resolve("x.bin"))));
  }

  @Test
  void checksumMismatchNamesUrlAndHashesAndLeavesNothing() throws Exception {
    byte[] data = random(5_000, 3);
    files.put("bad.bin", data);
    Path cache = tmp.resolve("cache");
    Store store = new Store(cache, false);
    String wrong = "0".repeat(64);
    RegistryEntry e = entry("bad", new ArchiveSpec("bad.bin", "file", List.of(base + "bad.bin"), null, wrong, null, null));
    ChecksumMismatchException x = assertThrows(ChecksumMismatchException.class, () -> store.prepare(e));
    assertTrue(x.getMessage().contains(base + "bad.bin"), x.getMessage());
    assertTrue(x.getMessage().contains(wrong) && x.getMessage().contains(sha256(data)), x.getMessage());
    assertEquals(List.of(), regularFiles(cache), "no file stays in the cache");
    assertFalse(store.isPresent("bad"));
    RegistryEntry sized = entry("sized", new ArchiveSpec("bad.bin", "file", List.of(base + "bad.bin"), 4999L,
        sha256(data), null, null));
    ChecksumMismatchException y = assertThrows(ChecksumMismatchException.class, () -> store.prepare(sized));
    assertTrue(y.getMessage().contains("4999"), y.getMessage());
    assertEquals(List.of(), regularFiles(cache));
  }

  @Test
  void twoConcurrentDownloadsGiveOneGoodCopy() throws Exception {
    byte[] data = random(200_000, 4);
    files.put("c.bin", data);
    delayMs = 300;
    Store a = new Store(tmp.resolve("cache"), false);
    Store b = new Store(tmp.resolve("cache"), false);
    RegistryEntry e = entry("conc", new ArchiveSpec("c.bin", "file", List.of(base + "c.bin"), (long) data.length,
        sha256(data), null, null));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Path> fa = pool.submit(() -> a.prepare(e));
      Future<Path> fb = pool.submit(() -> b.prepare(e));
      Path pa = fa.get();
      Path pb = fb.get();
      assertEquals(pa, pb);
      assertEquals(1, served.get(), "the second caller waited for the lock and found the first one's copy");
      assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(pa.resolve("c.bin"))));
      try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
        assertEquals(List.of(".locks", "conc"), s.map(p -> p.getFileName().toString()).sorted().toList(),
            "no temporary folder is left");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noNetworkFailsAtOnceNamingDatasetUrlAndLocalCopy() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/imagenet-a.tar";
    RegistryEntry e = entry("imagenet-a-test", new ArchiveSpec("imagenet-a.tar", "tar", List.of(url), null,
        "1".repeat(64), null, null));
    long t0 = System.nanoTime();
    DownloadException x = assertThrows(DownloadException.class, () -> new Store(tmp.resolve("c"), false).prepare(e));
    assertTrue((System.nanoTime() - t0) / 1e9 < 15, "fails at once");
    assertTrue(x.getMessage().contains("imagenet-a-test") && x.getMessage().contains(url), x.getMessage());
    assertTrue(x.hint().contains("local copy"), x.hint());
    DownloadException off = assertThrows(DownloadException.class, () -> new Store(tmp.resolve("c"), true).prepare(e));
    assertTrue(off.getMessage().contains("ROBUSTA_OFFLINE"), off.getMessage());
    assertEquals(0, served.get());
    RegistryEntry manual = new RegistryEntry("gated", "t", "id-base", "wnid-folders", null, null, null, null, null,
        null, null, null, null, "l", "h", "c", null, "log in and download it by hand", null, null);
    DownloadException m = assertThrows(DownloadException.class, () -> new Store(tmp.resolve("c"), false).prepare(manual));
    assertTrue(m.getMessage().contains("by hand"), m.getMessage());
  }

  static byte[] tar(boolean gz, TarArchiveEntry... entries) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream raw = gz ? new GzipCompressorOutputStream(bo) : bo;
         TarArchiveOutputStream t = new TarArchiveOutputStream(raw)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (TarArchiveEntry e : entries) {
        byte[] content = e.isFile() ? ("content of " + e.getName()).getBytes() : new byte[0];
        if (e.isFile()) {
          e.setSize(content.length);
        }
        t.putArchiveEntry(e);
        t.write(content);
        t.closeArchiveEntry();
      }
    }
    return bo.toByteArray();
  }

  @Test
  void extractsTarGzIntoPlaceAtomically() throws Exception {
    byte[] archive = tar(true, new TarArchiveEntry("imagenet-a/"), new TarArchiveEntry("imagenet-a/n01498041/a b's.jpg"),
        new TarArchiveEntry("imagenet-a/README.txt"));
    files.put("a.tar.gz", archive);
    Store store = new Store(tmp.resolve("cache"), false);
    Path dir = store.prepare(entry("ta", new ArchiveSpec("a.tar.gz", "tar.gz", List.of(base + "a.tar.gz"),
        (long) archive.length, sha256(archive), null, null)));
    assertEquals("content of imagenet-a/n01498041/a b's.jpg",
        Files.readString(dir.resolve("imagenet-a/n01498041/a b's.jpg")));
    assertFalse(Files.exists(dir.resolve("a.tar.gz")), "the archive is removed after extraction");
  }

  @Test
  void refusesEscapingAbsoluteLinkAndDeviceEntries() throws Exception {
    Path outside = tmp.resolve("evil");
    TarArchiveEntry dotdot = new TarArchiveEntry("data/../../evil", true);
    TarArchiveEntry abs = new TarArchiveEntry("/" + tmp.resolve("abs-evil").toString().substring(1), true);
    TarArchiveEntry link = new TarArchiveEntry("data/link", TarArchiveEntry.LF_SYMLINK);
    link.setLinkName("../../../etc/passwd");
    TarArchiveEntry dev = new TarArchiveEntry("data/null", TarArchiveEntry.LF_CHR);
    Object[][] cases = {{"dotdot", dotdot, "escapes"}, {"abs", abs, "absolute"}, {"link", link, "outside"},
        {"dev", dev, "device"}};
    for (Object[] c : cases) {
      byte[] archive = tar(false, new TarArchiveEntry("data/ok.txt"), (TarArchiveEntry) c[1]);
      files.put(c[0] + ".tar", archive);
      Path cache = tmp.resolve("cache-" + c[0]);
      Store store = new Store(cache, false);
      UnsafeArchiveException x = assertThrows(UnsafeArchiveException.class, () -> store.prepare(entry("u" + c[0],
          new ArchiveSpec(c[0] + ".tar", "tar", List.of(base + c[0] + ".tar"), null, sha256(archive), null, null))));
      assertTrue(x.getMessage().contains((String) c[2]), c[0] + ": " + x.getMessage());
      assertFalse(Files.exists(outside), "nothing written outside the target");
      assertFalse(Files.exists(tmp.resolve("abs-evil")));
      assertFalse(store.isPresent("u" + c[0]));
      assertEquals(List.of(), regularFiles(cache), c[0] + ": nothing half-extracted stays in the cache");
    }
  }

  @Test
  void refusesZipBombs() throws Exception {
    Path zip = tmp.resolve("bomb.zip");
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new java.util.zip.ZipEntry("zeros.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    Path dest = tmp.resolve("out");
    Files.createDirectories(dest);
    UnsafeArchiveException x = assertThrows(UnsafeArchiveException.class,
        () -> new SafeExtractor(20, 1000).extract(zip, "zip", dest));
    assertTrue(x.getMessage().contains("zip bomb"), x.getMessage());
    Path ok = tmp.resolve("ok.zip");
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(ok))) {
      z.putNextEntry(new java.util.zip.ZipEntry("../evil.txt"));
      z.write(1);
      z.closeEntry();
    }
    Path dest2 = tmp.resolve("out2");
    Files.createDirectories(dest2);
    assertThrows(UnsafeArchiveException.class, () -> SafeExtractor.defaults().extract(ok, "zip", dest2));
    assertFalse(Files.exists(tmp.resolve("evil.txt")));
    List<String> names = new ArrayList<>();
    names.add("x");
    assertEquals(1, names.size());
  }
}
