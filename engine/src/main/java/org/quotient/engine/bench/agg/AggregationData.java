package org.quotient.engine.bench.agg;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Opportunity rows for the aggregation benchmark, as Parquet in the input contract's columns
 * (opportunity_id, account_id, rep_id, created_date, close_date, amount, stage, product), about 7
 * per account like the generator's data, over three years before 2026-01-01: a quarter won, 60%
 * lost, the rest open. Every value is a hash of the row number, so a size is the same data on every
 * machine and in every run.
 *
 * <p>Two layouts of the same rows: {@code random} (rows in generation order: every file holds
 * nearly every account, as an export appended over time does) and {@code clustered} (range
 * partitioned and sorted by account_id: each file holds a slice of the accounts, so a scan task's
 * partial aggregation already finishes its accounts and the shuffle carries one row per account).
 */
public final class AggregationData {
  /** Opportunities per account, as in the generated planning data. */
  static final int ROWS_PER_ACCOUNT = 7;

  /** The day the benchmark's feature windows are anchored on. */
  static final String AS_OF = "2026-01-01";

  private static final String DONE = "_QUOTIENT_COMPLETE";

  private AggregationData() {}

  /** Folder of the opportunities of a size and layout under the data root. */
  static Path opportunities(Path root, long rows, String layout) {
    return root.resolve("opportunities-" + rows + "-" + layout);
  }

  /** Folder of the accounts (one column, account_id) of a size under the data root. */
  static Path accounts(Path root, long rows) {
    return root.resolve("accounts-" + accountCount(rows));
  }

  static long accountCount(long rows) {
    return Math.max(100, rows / ROWS_PER_ACCOUNT);
  }

  /**
   * Writes the size's accounts and the layout's opportunities unless a previous run completed them
   * (a marker file is written last, so an interrupted generation is redone, never half used).
   */
  static void ensure(SparkSession spark, Path root, long rows, String layout) {
    long accounts = accountCount(rows);
    Path accountsDir = accounts(root, rows);
    if (!Files.exists(accountsDir.resolve(DONE))) {
      deleteRecursively(accountsDir);
      spark
          .range(0, accounts, 1, Math.max(1, (int) Math.min(64, accounts / 500_000 + 1)))
          .select(accountId(col("id")).as("account_id"))
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(accountsDir.toString());
      touch(accountsDir.resolve(DONE));
    }
    Path dir = opportunities(root, rows, layout);
    if (Files.exists(dir.resolve(DONE))) {
      return;
    }
    deleteRecursively(dir);
    // about 4 million rows per file, at least 2 files so both cores scan
    int files = (int) Math.max(2, Math.min(256, rows / 4_000_000 + 1));
    Dataset<Row> rowsDf = generate(spark, rows, accounts, files);
    if (layout.equals("clustered")) {
      rowsDf =
          rowsDf.repartitionByRange(files, col("account_id")).sortWithinPartitions("account_id");
    } else if (!layout.equals("random")) {
      throw new IllegalArgumentException("unknown layout " + layout + ": give random or clustered");
    }
    rowsDf.write().mode(SaveMode.Overwrite).parquet(dir.toString());
    touch(dir.resolve(DONE));
  }

  private static Dataset<Row> generate(SparkSession spark, long rows, long accounts, int files) {
    Column id = col("id");
    Column account = pmod(xxhash64(id, lit(1)), lit(accounts));
    Column created =
        date_add(
            lit(java.sql.Date.valueOf("2023-01-01")),
            pmod(xxhash64(id, lit(2)), lit(1095)).cast("int"));
    Column cycle = pmod(xxhash64(id, lit(3)), lit(120)).cast("int");
    Column u = pmod(xxhash64(id, lit(4)), lit(100));
    Column stage = when(u.lt(25), lit("won")).when(u.lt(85), lit("lost")).otherwise(lit("open"));
    Column amount =
        round(exp(lit(8.0).plus(pmod(xxhash64(id, lit(5)), lit(1000)).divide(250.0))), 2);
    Column product =
        element_at(
            functions.array(
                lit("platform"),
                lit("analytics"),
                lit("integrations"),
                lit("services"),
                lit("support")),
            pmod(xxhash64(id, lit(6)), lit(5)).cast("int").plus(1));
    return spark
        .range(0, rows, 1, files)
        .select(
            concat(lit("O"), id.cast("string")).as("opportunity_id"),
            accountId(account).as("account_id"),
            concat(lit("R"), lpad(pmod(account, lit(2000)).cast("string"), 5, "0")).as("rep_id"),
            created.as("created_date"),
            when(stage.equalTo("open"), lit(null).cast("date"))
                .otherwise(date_add(created, cycle))
                .as("close_date"),
            amount.as("amount"),
            stage.as("stage"),
            product.as("product"));
  }

  private static Column accountId(Column number) {
    return concat(lit("A"), lpad(number.cast("string"), 9, "0"));
  }

  /** A size label such as 1m, 10m, 50m, 500k, or a plain row count. */
  static long parseRows(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    if (t.endsWith("m")) {
      factor = 1_000_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("k")) {
      factor = 1_000;
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Long.parseLong(t) * factor;
      if (v <= 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a row count: give e.g. 1m, 10m, 50m or 250000");
    }
  }

  static String label(long rows) {
    if (rows % 1_000_000 == 0) {
      return rows / 1_000_000 + "m";
    }
    if (rows % 1_000 == 0) {
      return rows / 1_000 + "k";
    }
    return Long.toString(rows);
  }

  private static void touch(Path file) {
    try {
      Files.writeString(file, "complete\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
