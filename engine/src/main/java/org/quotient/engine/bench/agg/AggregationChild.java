package org.quotient.engine.bench.agg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.quotient.engine.job.SparkSessions;

/**
 * One aggregation measurement in its own JVM (started by {@link AggregationRunner}): the feature
 * query once to warm up (JIT, file cache, Spark's executors), then {@value #TIMED_RUNS} timed runs
 * of which the fastest counts. Prints {@code QBENCH key=value} lines.
 *
 * <p>Args: engine (spark-local, spark-cluster or duckdb), opportunities folder, accounts folder,
 * cores. For spark-cluster the master comes from {@code -Dspark.master}.
 */
public final class AggregationChild {
  static final String PREFIX = "QBENCH ";
  static final int TIMED_RUNS = 2;

  private AggregationChild() {}

  public static void main(String[] args) throws Exception {
    String engine = args[0];
    Path opportunities = Path.of(args[1]);
    Path accounts = Path.of(args[2]);
    int cores = Integer.parseInt(args[3]);
    try {
      switch (engine) {
        case "duckdb" -> duckdb(opportunities, accounts, cores);
        case "spark-local", "spark-cluster" -> spark(engine, opportunities, accounts, cores);
        default -> throw new IllegalArgumentException("unknown engine " + engine);
      }
    } catch (Exception | Error e) {
      System.out.println(PREFIX + "error=" + e.toString().replace('\n', ' '));
      throw e;
    }
  }

  private static void spark(String engine, Path opportunities, Path accounts, int cores) {
    SparkSession spark =
        SparkSessions.deltaSession("local[" + cores + "]", "quotient-bench-aggregation");
    spark.sparkContext().setLogLevel("WARN");
    try {
      report(
          engine.equals("spark-local") ? "local[" + cores + "]" : spark.sparkContext().master(),
          () -> FeatureQuery.spark(spark, opportunities, accounts));
    } finally {
      spark.stop();
    }
  }

  private static void duckdb(Path opportunities, Path accounts, int cores) throws Exception {
    Class.forName("org.duckdb.DuckDBDriver");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement st = db.createStatement()) {
        st.execute("SET threads TO " + cores);
      }
      report("threads=" + cores, () -> FeatureQuery.duckdb(db, opportunities, accounts));
    }
  }

  private interface Query {
    FeatureQuery.Checksum run() throws Exception;
  }

  private static void report(String where, Query query) {
    try {
      long warm = System.nanoTime();
      FeatureQuery.Checksum checksum = query.run();
      double warmSeconds = (System.nanoTime() - warm) / 1e9;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < TIMED_RUNS; i++) {
        long start = System.nanoTime();
        FeatureQuery.Checksum again = query.run();
        best = Math.min(best, (System.nanoTime() - start) / 1e9);
        if (!again.matches(checksum)) {
          throw new IllegalStateException(
              "the query gave two answers: " + checksum.text() + " / " + again.text());
        }
      }
      System.out.println(PREFIX + "where=" + where);
      System.out.println(PREFIX + "warmup_s=" + String.format(Locale.ROOT, "%.2f", warmSeconds));
      System.out.println(PREFIX + "best_s=" + String.format(Locale.ROOT, "%.3f", best));
      System.out.println(PREFIX + "checksum=" + checksum.text());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
