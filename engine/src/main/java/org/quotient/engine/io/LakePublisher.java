package org.quotient.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.quotient.engine.EngineErrors;

/**
 * Publishes a plan to a lake folder as Delta tables.
 *
 * <p>Each table is written with {@code replaceWhere plan_id = ...}, so publishing the same plan
 * again replaces its rows instead of adding copies, and a run that died half-way leaves rows that
 * the next publish of that plan replaces. {@code plan_runs} is written last: readers pick plans
 * from it, so a plan becomes visible only once every table holds it. An {@linkplain
 * LakeTables#optional() optional} table is skipped while it would be created empty, so lakes that
 * never quarantined a row do not grow an empty rejected_rows table.
 */
public final class LakePublisher {
  private final SparkSession spark;
  private final String lake;

  public LakePublisher(SparkSession spark, String lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** Path of a table in this lake. */
  public String tablePath(LakeTables table) {
    return new Path(lake, table.tableName()).toString();
  }

  /** Fails early (before any work is wasted) when the lake cannot take a Quotient plan. */
  public void checkWritable() {
    try {
      Path root = new Path(lake);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw EngineErrors.lakeIsAFile(lake);
      }
      for (LakeTables table : LakeTables.values()) {
        Path path = new Path(root, table.tableName());
        if (!fs.exists(path)) {
          continue;
        }
        if (!isDeltaTable(table)) {
          throw EngineErrors.lakeTableNotDelta(table.tableName(), path.toString());
        }
        List<String> columns;
        try {
          columns = Arrays.asList(spark.read().format("delta").load(path.toString()).columns());
        } catch (Exception e) { // Spark throws its checked SparkException undeclared
          throw EngineErrors.lakeTableUnreadable(table.tableName(), path.toString(), e);
        }
        if (!columns.contains(LakeTables.PLAN_ID)) {
          throw EngineErrors.lakeTableForeign(
              table.tableName(), path.toString(), LakeTables.PLAN_ID);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect lake " + lake, e);
    }
  }

  /**
   * Writes every table of the plan; {@code tables} must hold every table of {@link LakeTables},
   * each with a plan_id column equal to {@code planId}; an optional table's may be empty.
   */
  public void publish(
      String planId, Map<LakeTables, Dataset<Row>> tables, Consumer<String> progress) {
    Map<LakeTables, Dataset<Row>> ordered = new EnumMap<>(tables);
    for (LakeTables table : LakeTables.values()) {
      Dataset<Row> rows = ordered.get(table);
      if (rows == null) {
        throw new IllegalArgumentException("missing table " + table.tableName());
      }
      if (table.optional() && !isDeltaTable(table) && rows.isEmpty()) {
        continue;
      }
      long started = System.nanoTime();
      int attempts = writeWithRetries(table, planId, rows);
      progress.accept(
          String.format(
              "wrote %s (%d ms%s)",
              table.tableName(),
              (System.nanoTime() - started) / 1_000_000,
              attempts > 1 ? ", " + attempts + " attempts after concurrent commits" : ""));
    }
  }

  private boolean isDeltaTable(LakeTables table) {
    Path path = new Path(tablePath(table), "_delta_log");
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect lake table " + tablePath(table), e);
    }
  }

  /**
   * Replaces the plan's partition of one table. Tables are partitioned by plan_id, so two runs
   * publishing different plans touch disjoint partitions; Delta's optimistic concurrency may still
   * ask a writer to retry (e.g. two runs creating the table at once), which this does a few times.
   */
  private int writeWithRetries(LakeTables table, String planId, Dataset<Row> rows) {
    for (int attempt = 1; ; attempt++) {
      try {
        rows.write()
            .format("delta")
            .mode("overwrite")
            .partitionBy(LakeTables.PLAN_ID)
            .option("replaceWhere", LakeTables.PLAN_ID + " = '" + planId.replace("'", "''") + "'")
            .save(tablePath(table));
        return attempt;
      } catch (RuntimeException e) {
        if (!isConcurrentCommit(e) || attempt >= MAX_ATTEMPTS) {
          if (isConcurrentCommit(e)) {
            throw EngineErrors.lakeBusy(table.tableName(), tablePath(table), attempt, e);
          }
          throw e;
        }
        sleepBeforeRetry(attempt);
      }
    }
  }

  static final int MAX_ATTEMPTS = 5;

  /**
   * Delta's optimistic-concurrency conflicts (io.delta.exceptions.Concurrent*, *ChangedException).
   */
  static boolean isConcurrentCommit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getName();
      if (name.startsWith("io.delta.exceptions.")
          || name.startsWith("org.apache.spark.sql.delta.") && name.contains("Concurrent")) {
        return true;
      }
    }
    return false;
  }

  private static void sleepBeforeRetry(int attempt) {
    try {
      Thread.sleep(200L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a publish", e);
    }
  }
}
