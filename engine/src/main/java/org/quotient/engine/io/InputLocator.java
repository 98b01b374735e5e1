package org.quotient.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.quotient.engine.EngineErrors;

/**
 * Finds each input table in an input folder (any Hadoop file system URI): {@code name.csv}, {@code
 * name.parquet} (file or folder), or a folder {@code name/} holding a Delta table or Parquet files.
 */
public final class InputLocator {
  private final String folder;
  private final FileSystem fs;
  private final Path root;

  public InputLocator(String folder, Configuration hadoopConf) {
    this.folder = folder;
    this.root = new Path(folder);
    try {
      this.fs = root.getFileSystem(hadoopConf);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw EngineErrors.inputFolderMissing(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read input folder " + folder, e);
    }
  }

  /** The table's source, failing with a clear message when it is absent or ambiguous. */
  public InputSource require(String table) {
    return find(table).orElseThrow(() -> EngineErrors.inputTableMissing(folder, table));
  }

  /** The table's source when present. */
  public Optional<InputSource> find(String table) {
    try {
      List<InputSource> found = new ArrayList<>();
      Path csv = new Path(root, table + ".csv");
      if (fs.isFile(csv)) {
        found.add(new InputSource(table, csv.toString(), table + ".csv", InputSource.Format.CSV));
      }
      Path parquet = new Path(root, table + ".parquet");
      if (fs.exists(parquet)) {
        found.add(
            new InputSource(
                table, parquet.toString(), table + ".parquet", InputSource.Format.PARQUET));
      }
      Path dir = new Path(root, table);
      if (fs.exists(dir) && fs.getFileStatus(dir).isDirectory()) {
        boolean delta = fs.exists(new Path(dir, "_delta_log"));
        found.add(
            new InputSource(
                table,
                dir.toString(),
                table + "/",
                delta ? InputSource.Format.DELTA : InputSource.Format.PARQUET));
      }
      if (found.size() > 1) {
        throw EngineErrors.inputTableAmbiguous(
            folder, table, found.stream().map(InputSource::displayName).toList());
      }
      return found.stream().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + table + " in " + folder, e);
    }
  }
}
