package org.quotient.engine.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * CSV copies of published tables for spreadsheet users, one file per table ({@code
 * <dir>/<name>.csv}, header first), safe to open in Excel or Sheets: every text cell that a
 * spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a carriage return)
 * gets a leading apostrophe, as OWASP advises against CSV injection. Numbers are written as
 * numbers. Each file is written in a hidden folder and moved into place, so a reader never sees
 * half a file.
 */
public final class CsvExport {
  /** Characters that make a spreadsheet treat a cell as a formula. */
  static final String FORMULA_START = "^[=+\\-@\\t\\r]";

  private CsvExport() {}

  /** The cell as a spreadsheet will show it literally (null stays null). */
  public static String neutralize(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }

  /** The same rows with every string column neutralized (see {@link #neutralize}). */
  public static Dataset<Row> neutralized(Dataset<Row> table) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      Column c = col(f.name());
      if (f.dataType().equals(DataTypes.StringType)) {
        c = when(c.rlike(FORMULA_START), concat(lit("'"), c)).otherwise(c);
      }
      columns.add(c.as(f.name()));
    }
    return table.select(columns.toArray(Column[]::new));
  }

  /**
   * Writes {@code <dir>/<name>.csv} from the table (a local path or a Hadoop URI); returns where it
   * went.
   */
  public static String write(Dataset<Row> table, String dir, String name, Configuration hadoop) {
    Path folder = new Path(dir);
    Path target = new Path(folder, name + ".csv");
    Path staging = new Path(folder, "." + name + ".csv.tmp");
    try {
      FileSystem fs = folder.getFileSystem(hadoop);
      if (fs instanceof LocalFileSystem local) {
        fs = local.getRawFileSystem(); // no .crc file beside the user's CSV
      }
      fs.delete(staging, true);
      neutralized(table)
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .option("header", "true")
          .option("emptyValue", "")
          .csv(staging.toString());
      Path part = null;
      for (FileStatus s : fs.listStatus(staging)) {
        if (s.getPath().getName().startsWith("part-")) {
          part = s.getPath();
        }
      }
      if (part == null) {
        throw new IOException("Spark wrote no part file to " + staging);
      }
      fs.delete(target, false);
      if (!fs.rename(part, target)) {
        throw new IOException("cannot move " + part + " to " + target);
      }
      fs.delete(staging, true);
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the CSV export " + target + ": " + e.getMessage(), e);
    }
  }
}
