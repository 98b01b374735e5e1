package org.quotient.engine.job;

import org.apache.spark.sql.SparkSession;

/** Builds Spark sessions with Delta Lake enabled. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A Delta-enabled session. Master and app name come from spark-submit when present; otherwise an
   * embedded local session on all cores. Small-table settings keep each Delta commit cheap.
   */
  public static SparkSession deltaSession(String defaultMaster, String appName) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.sql.adaptive.enabled", "true");
    String master = System.getProperty("spark.master");
    if (master == null) {
      builder.master(defaultMaster);
      master = defaultMaster;
    }
    if (master.startsWith("local")) {
      // On a local master the executor is the driver's JVM: by default an OutOfMemoryError in a
      // task would make Spark end it with exit 52 and no word. Failing the job instead lets the
      // CLI say what happened (exit 5). On a cluster, an executor that ran out of memory should
      // still go.
      builder.config("spark.executor.killOnFatalError.depth", "0");
    }
    return builder.getOrCreate();
  }
}
