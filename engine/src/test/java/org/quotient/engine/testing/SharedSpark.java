package org.quotient.engine.testing;

import org.apache.spark.sql.SparkSession;
import org.quotient.engine.job.SparkSessions;

/** One Delta-enabled local[2] SparkSession for the whole test JVM (starting one costs seconds). */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.deltaSession("local[2]", "quotient-tests");
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
