package dev.robusta.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.robusta.testing.Shared;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./robusta run}: executes notebooks headless through the Robusta kernel. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NotebookRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @BeforeEach
  void needsJupyter() throws Exception {
    Launcher.assumeJupyter();
  }

  @Test
  void smokeNotebookProducesEveryKindOfOutput() throws Exception {
    Path out = tmp.resolve("out");
    Launcher.Result r = Launcher.run(170, "run", "notebooks/00-kernel-smoke.ipynb", "--out", out.toString());
    assertEquals(0, r.status(), r.all());
    JsonNode nb = JSON.readTree(out.resolve("00-kernel-smoke.ipynb").toFile());
    List<JsonNode> outputs = outputs(nb);

    assertTrue(outputs.stream().anyMatch(o -> type(o, "stream")
        && text(o.get("text")).equals("Hello from the Robusta kernel\n")), "stream text in " + outputs);
    assertTrue(outputs.stream().anyMatch(o -> type(o, "execute_result")
        && text(o.path("data").get("text/plain")).equals("42")), "execute_result 42 in " + outputs);
    assertTrue(outputs.stream().anyMatch(o -> type(o, "execute_result")
        && text(o.path("data").get("text/plain")).equals("\"Robusta " + dev.robusta.Robusta.version() + "\"")));
    assertTrue(outputs.stream().anyMatch(o -> type(o, "display_data")
        && text(o.path("data").get("text/html")).equals("<b>Robusta</b> kernel: <i>rich output</i>")),
        "display_data text/html in " + outputs);

    JsonNode png = outputs.stream().filter(o -> type(o, "display_data") && o.path("data").has("image/png"))
        .findFirst().orElseThrow(() -> new AssertionError("no image/png output in " + outputs));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(
        Base64.getMimeDecoder().decode(text(png.path("data").get("image/png")))));
    assertEquals(32, img.getWidth());
    assertEquals(16, img.getHeight());
    assertEquals((3 * 8) << 16 | (5 * 16) << 8 | 128, img.getRGB(3, 5) & 0xffffff, "pixel (3,5) as the cell drew it");
    assertEquals("[PNG image 32x16]", text(png.path("data").get("text/plain")));

    String html = Files.readString(out.resolve("00-kernel-smoke.html"));
    assertTrue(html.contains("Hello from the Robusta kernel"), "HTML export holds the printed text");
    assertTrue(html.contains("data:image/png;base64,"), "HTML export embeds the PNG");
  }

  @Test
  void failingCellMakesRunExitNonZeroAndKeepsTheExecutedCopy() throws Exception {
    Path nbFile = notebook(tmp.resolve("fails.ipynb"),
        "System.out.println(\"before\");",
        "int n = 3;\nthrow new IllegalStateException(\"broken on purpose, n=\" + n);",
        "System.out.println(\"never printed\");");
    Path out = tmp.resolve("out");
    Launcher.Result r = Launcher.run(170, "run", nbFile.toString(), "--out", out.toString());
    assertNotEquals(0, r.status(), r.all());
    assertTrue(r.err().contains("cell 2: ThrownException: java.lang.IllegalStateException: broken on purpose, n=3"),
        r.err());

    JsonNode nb = JSON.readTree(out.resolve("fails.ipynb").toFile());
    JsonNode cells = nb.get("cells");
    assertEquals("before\n", text(cells.get(0).get("outputs").get(0).get("text")));
    JsonNode error = cells.get(1).get("outputs").get(0);
    assertEquals("error", error.get("output_type").asText());
    assertEquals("java.lang.IllegalStateException: broken on purpose, n=3", error.get("evalue").asText());
    assertTrue(text(error.get("traceback")).contains("at (cell[2]:2)"),
        "traceback names the cell (execution 2) and its line: " + error.get("traceback"));
    assertEquals(0, cells.get(2).get("outputs").size(), "cells after the failure do not run");
    assertTrue(Files.isRegularFile(out.resolve("fails.html")));
  }

  @Test
  void missingNotebookIsAUsageError() throws Exception {
    Launcher.Result r = Launcher.run(60, "run", tmp.resolve("nope.ipynb").toString());
    assertEquals(2, r.status(), r.all());
    assertTrue(r.err().startsWith("robusta run: "), r.err());
    assertTrue(r.err().contains("hint:"), r.err());
  }

  /** Writes a notebook for the robusta kernel with one code cell per source. */
  static Path notebook(Path file, String... sources) throws Exception {
    var root = JSON.createObjectNode();
    var cells = root.putArray("cells");
    for (String s : sources) {
      var c = cells.addObject();
      c.put("cell_type", "code");
      c.putNull("execution_count");
      c.putObject("metadata");
      c.putArray("outputs");
      c.put("source", s);
    }
    var meta = root.putObject("metadata");
    var ks = meta.putObject("kernelspec");
    ks.put("name", "robusta");
    ks.put("display_name", "Java 17 (Robusta)");
    ks.put("language", "java");
    root.put("nbformat", 4);
    root.put("nbformat_minor", 4);
    JSON.writeValue(file.toFile(), root);
    return file;
  }

  private static List<JsonNode> outputs(JsonNode nb) {
    List<JsonNode> all = new ArrayList<>();
    nb.get("cells").forEach(c -> c.path("outputs").forEach(all::add));
    return all;
  }

  private static boolean type(JsonNode o, String t) {
    return t.equals(o.path("output_type").asText());
  }

  static String text(JsonNode n) {
    return dev.robusta.testing.ExecutedNotebook.text(n);
  }

  static Path repo() {
    return Shared.repo();
  }
}
