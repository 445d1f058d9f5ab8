package dev.robusta.report;

import dev.robusta.kernel.Displayable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * A Tablesaw table of results together with its title and the conventions that give its numbers a meaning
 * (positive class, score orientation, normalisation, units, protocol). The conventions are printed with
 * the table, shown under it in HTML, and written into its CSV file as {@code #} comment lines.
 *
 * <p>CSV layout: {@code # robusta-table: TITLE}, one {@code # convention: KEY = VALUE} line per convention,
 * {@code # types: STRING,DOUBLE,...} (the Tablesaw column types in column order), then a plain CSV with a
 * header row. {@link #readCsv(Path)} gives every column its recorded type instead of letting Tablesaw guess
 * from a sample of rows (which would read 1,448 rows of "0" followed by "0.1" as INTEGER and fail).
 * Other tools read the file by skipping {@code #} lines (pandas: {@code comment='#'}).
 *
 * <p>Immutable: {@link #table()} returns a new copy owned by the caller.
 */
public final class ResultTable implements Displayable {
  private final String title;
  private final Table table;
  private final Map<String, String> conventions;

  private ResultTable(String title, Table table, Map<String, String> conventions) {
    this.title = Objects.requireNonNull(title, "title");
    this.table = table.copy();
    this.table.setName(title);
    this.conventions = Collections.unmodifiableMap(new LinkedHashMap<>(conventions));
  }

  /**
   * @param title what the table shows, e.g. "OOD detection, ImageNet-1k vs ImageNet-O"
   * @param table the values (copied)
   * @param conventions convention name to its value, in print order (copied); values must be one line
   * @return the result table
   * @throws IllegalArgumentException when a convention key or value contains a line break
   */
  public static ResultTable of(String title, Table table, Map<String, String> conventions) {
    for (Map.Entry<String, String> e : conventions.entrySet()) {
      if (e.getKey().contains("\n") || e.getValue().contains("\n") || e.getKey().contains("=")) {
        throw new IllegalArgumentException("convention keys and values must be one line (and keys without '='),"
            + " was " + e.getKey() + " = " + e.getValue());
      }
    }
    return new ResultTable(title, table, conventions);
  }

  /** @return the title */
  public String title() {
    return title;
  }

  /** @return a new copy of the table, owned by the caller */
  public Table table() {
    return table.copy();
  }

  /** @return the conventions, in print order (unmodifiable) */
  public Map<String, String> conventions() {
    return conventions;
  }

  /** @return column name to Tablesaw column type, in column order */
  public Map<String, ColumnType> schema() {
    Map<String, ColumnType> m = new LinkedHashMap<>();
    for (Column<?> c : table.columns()) {
      m.put(c.name(), c.type());
    }
    return m;
  }

  /** @return number of rows */
  public int rowCount() {
    return table.rowCount();
  }

  /**
   * Writes the table as CSV with its title, conventions and column types in {@code #} lines (atomically).
   *
   * @return {@code file}
   * @throws UncheckedIOException when it cannot be written
   */
  public Path writeCsv(Path file) {
    StringBuilder sb = new StringBuilder();
    sb.append("# robusta-table: ").append(title.replace('\n', ' ')).append('\n');
    conventions.forEach((k, v) -> sb.append("# convention: ").append(k).append(" = ").append(v).append('\n'));
    List<String> types = new ArrayList<>();
    schema().values().forEach(t -> types.add(t.name()));
    sb.append("# types: ").append(String.join(",", types)).append('\n');
    StringWriter w = new StringWriter();
    table.write().csv(CsvWriteOptions.builder(w).header(true).build());
    sb.append(w);
    Html.writeAtomically(file, sb.toString());
    return file;
  }

  /**
   * Reads a file written by {@link #writeCsv(Path)}, giving each column the type recorded in it.
   *
   * @throws IllegalArgumentException when the file lacks the {@code # types:} line or names an unknown type
   * @throws UncheckedIOException when it cannot be read
   */
  public static ResultTable readCsv(Path file) {
    String text = read(file);
    String title = file.getFileName().toString();
    Map<String, String> conventions = new LinkedHashMap<>();
    ColumnType[] types = null;
    int bodyStart = 0;
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null && line.startsWith("#")) {
        bodyStart += line.length() + 1;
        if (line.startsWith("# robusta-table: ")) {
          title = line.substring("# robusta-table: ".length());
        } else if (line.startsWith("# convention: ")) {
          String kv = line.substring("# convention: ".length());
          int eq = kv.indexOf(" = ");
          conventions.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 3));
        } else if (line.startsWith("# types: ")) {
          types = parseTypes(file, line.substring("# types: ".length()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (types == null) {
      throw new IllegalArgumentException(file + " has no '# types:' line, so it was not written by"
          + " ResultTable.writeCsv; read it with ResultTable.readCsv(file, types) and name the column types");
    }
    Table t = parse(file, text.substring(Math.min(bodyStart, text.length())), types);
    return new ResultTable(title, t, conventions);
  }

  /**
   * Reads any CSV with a header row, giving the columns the stated types (no type guessing). Lines starting
   * with {@code #} before the header are skipped.
   *
   * @param types one type per column, in column order
   * @throws IllegalArgumentException when the number of types differs from the number of columns, or a
   *     value does not parse as its column's type
   */
  public static Table readCsv(Path file, ColumnType... types) {
    String text = read(file);
    int start = 0;
    while (start < text.length() && text.charAt(start) == '#') {
      int nl = text.indexOf('\n', start);
      start = nl < 0 ? text.length() : nl + 1;
    }
    return parse(file, text.substring(start), types);
  }

  private static Table parse(Path file, String body, ColumnType[] types) {
    String header = body.lines().findFirst().orElse("");
    int nCols = header.isEmpty() ? 0 : countColumns(header);
    if (nCols != types.length) {
      throw new IllegalArgumentException(file + ": the header has " + nCols + " columns but " + types.length
          + " column types were given (" + header + ")");
    }
    try {
      return Table.read().usingOptions(CsvReadOptions.builder(new StringReader(body)).header(true)
          .columnTypes(types).tableName(file.getFileName().toString()).build());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": a value does not parse as its column's type: " + e.getMessage(), e);
    }
  }

  private static int countColumns(String header) {
    try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(header))) {
      List<CSVRecord> records = p.getRecords();
      return records.isEmpty() ? 0 : records.get(0).size();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot parse the CSV header: " + header, e);
    }
  }

  private static ColumnType[] parseTypes(Path file, String list) {
    String[] names = list.split(",");
    ColumnType[] types = new ColumnType[names.length];
    for (int i = 0; i < names.length; i++) {
      try {
        types[i] = ColumnType.valueOf(names[i].trim());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + ": unknown column type '" + names[i] + "' in the '# types:' line");
      }
    }
    return types;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A copy whose DOUBLE columns print with at most 6 decimals (the CSV keeps every digit). */
  private Table display() {
    Table copy = table.copy();
    for (Column<?> c : copy.columns()) {
      if (c instanceof DoubleColumn d) {
        DecimalFormat f = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        d.setPrintFormatter(new NumberColumnFormatter(f, ""));
      }
    }
    return copy;
  }

  /** @return an HTML fragment: the title, the table (6 decimals) and the list of conventions */
  public String toHtml() {
    Table table = display();
    StringBuilder sb = new StringBuilder("<div class=\"robusta-table\"><h4>").append(Html.escape(title)).append("</h4>");
    sb.append("<table><thead><tr>");
    for (Column<?> c : table.columns()) {
      sb.append("<th>").append(Html.escape(c.name())).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (int r = 0; r < table.rowCount(); r++) {
      sb.append("<tr>");
      for (Column<?> c : table.columns()) {
        sb.append("<td>").append(Html.escape(c.getString(r))).append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</tbody></table>");
    if (!conventions.isEmpty()) {
      sb.append("<ul class=\"robusta-conventions\">");
      conventions.forEach((k, v) -> sb.append("<li><b>").append(Html.escape(k)).append("</b>: ")
          .append(Html.escape(v)).append("</li>"));
      sb.append("</ul>");
    }
    return sb.append("</div>").toString();
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    m.put("text/html", toHtml());
    return m;
  }

  /** @return the title, the conventions and every row as aligned text (6 decimals; the CSV keeps every digit) */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(title).append('\n');
    conventions.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
    Table copy = display();
    copy.setName("");
    return sb.append(copy.printAll()).toString();
  }
}
