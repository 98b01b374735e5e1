package org.quotient.engine.schema;

/**
 * One problem found in the input.
 *
 * @param file the file (or table folder) name, e.g. accounts.csv
 * @param row 1-based data row (the header is not counted; for a CSV file line = row + 1); 0 when
 *     the problem concerns the whole file
 * @param column the column, or empty for file-level problems
 * @param value the offending value as text (null when empty)
 * @param problem what is wrong
 * @param fix how to fix it
 */
public record ValidationProblem(
    String file, long row, String column, String value, String problem, String fix) {

  /** One line for a report: where, what, how to fix. */
  public String describe() {
    StringBuilder where = new StringBuilder(file);
    if (row > 0) {
      where.append(" row ").append(row);
    }
    if (column != null && !column.isEmpty()) {
      where.append(", column ").append(column);
    }
    if (row > 0 || value != null) {
      where.append(", value ").append(value == null ? "(empty)" : quote(value));
    }
    return where + ": " + problem + ". Fix: " + fix;
  }

  private static String quote(String value) {
    String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
    return "'" + shown.replace("\n", "\\n") + "'";
  }
}
