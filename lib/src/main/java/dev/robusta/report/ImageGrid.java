package dev.robusta.report;

import dev.robusta.data.Image;
import dev.robusta.kernel.Displayable;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;

/**
 * A labelled grid of pictures rendered as one PNG: e.g. a picture and its corruptions (rows) at severities
 * 1..5 (columns), or AugMix / PixMix samples of a picture. Each cell shows one {@link Image} scaled to
 * {@code cell} x {@code cell} pixels (nearest neighbour when enlarging, so pixels of a 32x32 input stay
 * sharp; bilinear when shrinking). A missing cell ({@code null}) stays blank.
 */
public final class ImageGrid implements Displayable {
  private static final int LABEL_W = 130;
  private static final int LABEL_H = 22;
  private static final int GAP = 4;

  private final String title;
  private final List<String> rowLabels;
  private final List<String> columnLabels;
  private final BufferedImage rendered;

  private ImageGrid(String title, List<String> rowLabels, List<String> columnLabels, BufferedImage rendered) {
    this.title = title;
    this.rowLabels = List.copyOf(rowLabels);
    this.columnLabels = List.copyOf(columnLabels);
    this.rendered = rendered;
  }

  /**
   * @param cells {@code cells.get(row).get(col)}; rows may be shorter than {@code columnLabels}
   * @param cell the side of a cell in pixels (16..1024)
   * @throws IllegalArgumentException when there are more rows than row labels, a row longer than the column
   *     labels, or a bad cell size
   */
  public static ImageGrid of(String title, List<String> rowLabels, List<String> columnLabels,
      List<List<Image>> cells, int cell) {
    if (cell < 16 || cell > 1024) {
      throw new IllegalArgumentException("cell size must be 16..1024 px, was " + cell);
    }
    if (cells.size() != rowLabels.size()) {
      throw new IllegalArgumentException(cells.size() + " rows of pictures but " + rowLabels.size() + " row labels");
    }
    for (List<Image> row : cells) {
      if (row.size() > columnLabels.size()) {
        throw new IllegalArgumentException("a row has " + row.size() + " pictures but there are only "
            + columnLabels.size() + " column labels");
      }
    }
    int w = LABEL_W + columnLabels.size() * (cell + GAP);
    int h = 2 * LABEL_H + rowLabels.size() * (cell + GAP);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      g.drawString(title, 4, 15);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics fm = g.getFontMetrics();
      for (int c = 0; c < columnLabels.size(); c++) {
        String s = columnLabels.get(c);
        g.drawString(s, LABEL_W + c * (cell + GAP) + (cell - fm.stringWidth(s)) / 2, 2 * LABEL_H - 6);
      }
      for (int r = 0; r < rowLabels.size(); r++) {
        int y0 = 2 * LABEL_H + r * (cell + GAP);
        g.setColor(Color.BLACK);
        g.drawString(fit(rowLabels.get(r), fm, LABEL_W - 6), 4, y0 + cell / 2 + 4);
        List<Image> row = cells.get(r);
        for (int c = 0; c < row.size(); c++) {
          Image im = row.get(c);
          if (im != null) {
            g.drawImage(scaled(im.toRgb().toBufferedImage(), cell), LABEL_W + c * (cell + GAP), y0, null);
          }
        }
      }
    } finally {
      g.dispose();
    }
    return new ImageGrid(title, rowLabels, columnLabels, out);
  }

  /**
   * A picture and its corruptions: one row per corruption, columns "clean" and severities 1..5.
   *
   * @param corrupt (corruption name, severity 1..5) to the corrupted picture, e.g.
   *     {@code (c, s) -> Corruptions.apply(img, c, s, seed)}
   */
  public static ImageGrid corruptions(String title, Image clean, List<String> corruptionNames,
      BiFunction<String, Integer, Image> corrupt, int cell) {
    Objects.requireNonNull(clean, "clean");
    List<List<Image>> cells = new ArrayList<>();
    for (String name : corruptionNames) {
      List<Image> row = new ArrayList<>();
      row.add(clean);
      for (int s = 1; s <= 5; s++) {
        row.add(corrupt.apply(name, s));
      }
      cells.add(row);
    }
    return of(title, corruptionNames, List.of("clean", "1", "2", "3", "4", "5"), cells, cell);
  }

  /**
   * Augmentation samples (AugMix, PixMix): one row per method, the original first, then its samples.
   *
   * @param samples method name to its sampled pictures
   */
  public static ImageGrid samples(String title, Image original, Map<String, List<Image>> samples, int cell) {
    int cols = 1 + samples.values().stream().mapToInt(List::size).max().orElse(0);
    List<String> colLabels = new ArrayList<>(List.of("original"));
    for (int i = 1; i < cols; i++) {
      colLabels.add("sample " + i);
    }
    List<List<Image>> cells = new ArrayList<>();
    samples.values().forEach(list -> {
      List<Image> row = new ArrayList<>();
      row.add(original);
      row.addAll(list);
      cells.add(row);
    });
    return of(title, new ArrayList<>(samples.keySet()), colLabels, cells, cell);
  }

  private static String fit(String s, FontMetrics fm, int width) {
    String t = s;
    while (t.length() > 1 && fm.stringWidth(t) > width) {
      t = t.substring(0, t.length() - 1);
    }
    return t.equals(s) ? s : t + "…";
  }

  private static BufferedImage scaled(BufferedImage src, int cell) {
    if (src.getWidth() == cell && src.getHeight() == cell) {
      return src;
    }
    double s = Math.min(cell / (double) src.getWidth(), cell / (double) src.getHeight());
    int w = Math.max(1, (int) Math.round(src.getWidth() * s));
    int h = Math.max(1, (int) Math.round(src.getHeight() * s));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, s >= 1
          ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** @return the title */
  public String title() {
    return title;
  }

  /** @return the rendered grid (a copy) */
  public BufferedImage toBufferedImage() {
    BufferedImage copy = new BufferedImage(rendered.getWidth(), rendered.getHeight(), BufferedImage.TYPE_INT_RGB);
    copy.getGraphics().drawImage(rendered, 0, 0, null);
    return copy;
  }

  /** @return the grid as PNG bytes */
  public byte[] png() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(rendered, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the grid as PNG", e);
    }
  }

  /** Writes the PNG (atomically). @return {@code file} */
  public Path write(Path file) {
    Html.writeAtomically(file, png());
    return file;
  }

  /** @return an {@code <img>} element with the PNG inlined as a data URL */
  public String toHtml() {
    return "<figure class=\"robusta-grid\"><img alt=\"" + Html.escape(title) + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png()) + "\"><figcaption>" + Html.escape(title) + "</figcaption></figure>";
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    m.put("image/png", Base64.getEncoder().encodeToString(png()));
    return m;
  }

  @Override
  public String toString() {
    return "ImageGrid \"" + title + "\" " + rowLabels.size() + " rows x " + columnLabels.size() + " columns ("
        + rendered.getWidth() + "x" + rendered.getHeight() + " px)";
  }
}
