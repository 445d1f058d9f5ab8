package dev.robusta.kernel;

/**
 * What a cell evaluated to.
 *
 * @param present whether the cell ended with an expression (declarations and statements have no value)
 * @param value the expression's value object (may be {@code null})
 * @param text JShell's rendering of it ({@code "abc"} with quotes for strings, arrays expanded)
 */
record CellValue(boolean present, Object value, String text) {
  static final CellValue NONE = new CellValue(false, null, null);
}
