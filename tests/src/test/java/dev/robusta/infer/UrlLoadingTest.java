package dev.robusta.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.robusta.data.ChecksumMismatchException;
import dev.robusta.data.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Loading a model from a URL with a checksum, through the dataset store, served from a local HTTP server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UrlLoadingTest {
  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private byte[] body;

  @BeforeEach
  void serve() throws IOException {
    body = Files.readAllBytes(TinyModels.file("tiny-cnn.onnx"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tiny-cnn.onnx", ex -> {
      requests.incrementAndGet();
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/tiny-cnn.onnx";
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void downloadsOnceVerifiesAndLoads() throws Exception {
    Store store = new Store(dir, false);
    String sha = sha256(body);
    try (Classifier c = ClassifierLoader.url(url(), sha, TinyModels.HALF, store).load()) {
      assertEquals(sha, c.info().sha256());
      assertArrayEquals(TinyModels.PY_LOGITS[0], c.forward(TinyModels.linspaceInput(), 2, 8, 8).logits()[0], 1e-5f);
    }
    try (Classifier again = ClassifierLoader.url(url(), sha, TinyModels.HALF, store).load()) {
      assertEquals(sha, again.info().sha256());
    }
    assertEquals(1, requests.get(), "the second load reads the store");
  }

  @Test
  void wrongChecksumKeepsNothing() {
    Store store = new Store(dir, false);
    String wrong = "0".repeat(64);
    assertThrows(ChecksumMismatchException.class, () -> ClassifierLoader.url(url(), wrong, TinyModels.HALF, store));
    assertFalse(store.isPresent("models-" + wrong.substring(0, 16)));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> ClassifierLoader.url(url(), "abc", TinyModels.HALF, store));
    assertTrue(bad.getMessage().contains("64 lower-case hex digits"), bad.getMessage());
  }
}
