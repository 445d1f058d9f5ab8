package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** CSV round trips keep column types, values and conventions; no type guessing from a row sample. */
class ResultTableCsvTest {
  @TempDir Path dir;

  private static String zerosThenPointOne() {
    StringBuilder sb = new StringBuilder("x\n");
    for (int i = 0; i < 1448; i++) {
      sb.append("0\n");
    }
    return sb.append("0.1\n").toString();
  }

  @Test
  void zerosThenPointOneReadAsDoubleWithAllRows() throws Exception {
    Path f = Files.writeString(dir.resolve("zeros.csv"), zerosThenPointOne());
    Table t = ResultTable.readCsv(f, ColumnType.DOUBLE);
    assertEquals(1449, t.rowCount());
    assertEquals(ColumnType.DOUBLE, t.column("x").type());
    assertEquals(0.1, t.doubleColumn("x").get(1448));
    assertEquals(0.1, t.doubleColumn("x").sum(), 1e-15);
  }

  @Test
  void writtenTableOfZerosThenPointOneRoundTrips() {
    DoubleColumn x = DoubleColumn.create("x");
    for (int i = 0; i < 1448; i++) {
      x.append(0);
    }
    x.append(0.1);
    ResultTable rt = ResultTable.of("zeros", Table.create("zeros", x), Map.of("unit", "fraction"));
    ResultTable back = ResultTable.readCsv(rt.writeCsv(dir.resolve("z.csv")));
    assertEquals(1449, back.rowCount());
    assertEquals(ColumnType.DOUBLE, back.schema().get("x"));
    assertEquals(0.1, back.table().doubleColumn("x").get(1448));
  }

  @Test
  void everyTypeValueAndConventionSurvives() {
    Table t = Table.create("mixed", StringColumn.create("name", "a, with comma", "b \"quoted\"", ""),
        DoubleColumn.create("v", new double[] {0.1 + 0.2, Double.NaN, 1e-300}),
        IntColumn.create("n", 0, 7, -3));
    Map<String, String> conv = new LinkedHashMap<>();
    conv.put("positive", "OOD");
    conv.put("formula", "a = b / c, per bin");
    ResultTable rt = ResultTable.of("Mixed types", t, conv);
    ResultTable back = ResultTable.readCsv(rt.writeCsv(dir.resolve("m.csv")));
    assertEquals("Mixed types", back.title());
    assertEquals(conv, back.conventions());
    assertEquals(rt.schema(), back.schema());
    Table b = back.table();
    assertEquals(0.1 + 0.2, b.doubleColumn("v").get(0));
    assertTrue(Double.isNaN(b.doubleColumn("v").getDouble(1)));
    assertEquals("", b.stringColumn("name").get(2));
    assertEquals(1e-300, b.doubleColumn("v").get(2));
    assertEquals("a, with comma", b.stringColumn("name").get(0));
    assertEquals("b \"quoted\"", b.stringColumn("name").get(1));
    assertEquals(List.of(0, 7, -3), new ArrayList<>(b.intColumn("n").asList()));
  }

  @Test
  void fileWithoutTypesLineIsRefusedWithHowToFix() throws Exception {
    Path f = Files.writeString(dir.resolve("plain.csv"), "a,b\n1,2\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultTable.readCsv(f));
    assertTrue(e.getMessage().contains("readCsv(file, types)"), e.getMessage());
  }

  @Test
  void wrongNumberOfTypesIsRefused() throws Exception {
    Path f = Files.writeString(dir.resolve("plain.csv"), "a,b\n1,2\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultTable.readCsv(f, ColumnType.DOUBLE));
    assertTrue(e.getMessage().contains("2 columns but 1 column types"), e.getMessage());
  }

  @Test
  void valueThatDoesNotParseIsRefused() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.csv"), "a\n1\nabc\n");
    assertThrows(IllegalArgumentException.class, () -> ResultTable.readCsv(f, ColumnType.DOUBLE));
  }

  @Test
  void tableIsACopyAndConventionsPrintWithIt() {
    ResultTable rt = ResultTable.of("T", Table.create("t", DoubleColumn.create("x", 1.0)),
        Map.of("positive", "OOD"));
    rt.table().doubleColumn("x").set(0, 5.0);
    assertEquals(1.0, rt.table().doubleColumn("x").get(0));
    assertTrue(rt.toString().contains("positive: OOD"), rt.toString());
    assertTrue(rt.mimeBundle().get("text/html").contains("<b>positive</b>: OOD"));
    assertThrows(IllegalArgumentException.class,
        () -> ResultTable.of("T", Table.create("t"), Map.of("k", "two\nlines")));
  }
}
