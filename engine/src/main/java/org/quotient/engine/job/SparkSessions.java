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
    if (System.getProperty("spark.master") == null) {
      builder.master(defaultMaster);
    }
    return builder.getOrCreate();
  }
}
