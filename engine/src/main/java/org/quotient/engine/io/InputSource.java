package org.quotient.engine.io;

/**
 * Where one input table was found.
 *
 * @param table the logical table (accounts, reps, ...)
 * @param path full path or URI to read
 * @param displayName what to call it in messages (e.g. accounts.csv)
 * @param format csv, parquet or delta
 */
public record InputSource(String table, String path, String displayName, Format format) {
  /** Supported input formats. */
  public enum Format {
    CSV,
    PARQUET,
    DELTA
  }
}
