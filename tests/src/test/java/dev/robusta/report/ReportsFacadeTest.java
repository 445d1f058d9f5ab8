package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Reports;
import dev.robusta.data.Image;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each facade one-liner gives what its long form gives. */
class ReportsFacadeTest {
  @TempDir Path dir;

  @Test
  void readCsvIsResultTableReadCsv() {
    Path f = ResultTableFixtures.ood().writeCsv(dir.resolve("ood.csv"));
    ResultTable a = Reports.readCsv(f);
    ResultTable b = ResultTable.readCsv(f);
    assertEquals(b.toString(), a.toString());
    assertEquals(b.schema(), a.schema());
  }

  @Test
  void reportIsReportOf() {
    Report a = Reports.report(ResultTableFixtures.ood(), "note");
    Report b = Report.of(ResultTableFixtures.ood(), "note");
    assertEquals(b.toString(), a.toString());
    assertEquals(b.datasets(), a.datasets());
  }

  @Test
  void showPrintsTablesAndWritesGridsToPngFiles() throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    Path png;
    try {
      assertNull(Reports.show(ResultTableFixtures.ood()));
      png = Reports.show(ImageGrid.of("g", List.of("r"), List.of("c"),
          List.of(List.of(Image.wrap(2, 2, 1, new byte[] {0, 64, (byte) 128, (byte) 255}))), 16));
    } finally {
      System.setOut(old);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith(ResultTableFixtures.ood().toString()), printed);
    assertTrue(printed.contains("image: " + png.toAbsolutePath()), printed);
    byte[] head = Files.readAllBytes(png);
    assertEquals((byte) 0x89, head[0]);
    assertEquals('P', head[1]);
    Files.delete(png);
  }
}
