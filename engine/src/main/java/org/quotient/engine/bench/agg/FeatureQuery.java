package org.quotient.engine.bench.agg;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.quotient.engine.transform.AccountFeatures;

/**
 * The benchmark's query: the planning job's per-account features ({@link AccountFeatures}: trailing
 * and prior-year bookings, won and lost counts, open pipeline, run-rate over the history) for every
 * account, reduced to a checksum of every feature so the engine must compute them all and so two
 * engines can be compared. The DuckDB version is the same SQL written by hand.
 */
final class FeatureQuery {
  private FeatureQuery() {}

  /** count, then the sums of t12m, prior 12m, won, lost, open pipeline, open count, run-rate. */
  record Checksum(double[] values) {
    boolean matches(Checksum other) {
      for (int i = 0; i < values.length; i++) {
        double a = values[i];
        double b = other.values[i];
        if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
          return false;
        }
      }
      return true;
    }

    String text() {
      StringBuilder s = new StringBuilder();
      for (double v : values) {
        s.append(s.length() == 0 ? "" : ";")
            .append(String.format(java.util.Locale.ROOT, "%.6f", v));
      }
      return s.toString();
    }

    static Checksum parse(String text) {
      String[] parts = text.split(";");
      double[] v = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        v[i] = Double.parseDouble(parts[i]);
      }
      return new Checksum(v);
    }
  }

  static Checksum spark(SparkSession spark, Path opportunities, Path accounts) {
    Row r =
        AccountFeatures.compute(
                spark.read().parquet(accounts.toString()),
                spark.read().parquet(opportunities.toString()),
                LocalDate.parse(AggregationData.AS_OF))
            .agg(
                count(lit(1)),
                sum(AccountFeatures.BOOKINGS_T12M),
                sum(AccountFeatures.BOOKINGS_PRIOR_12M),
                sum(AccountFeatures.WON_COUNT),
                sum(AccountFeatures.LOST_COUNT),
                sum(AccountFeatures.OPEN_PIPELINE),
                sum(AccountFeatures.OPEN_COUNT),
                sum(AccountFeatures.AVG_ANNUAL_BOOKINGS))
            .first();
    double[] v = new double[r.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((Number) r.get(i)).doubleValue();
    }
    return new Checksum(v);
  }

  static Checksum duckdb(Connection db, Path opportunities, Path accounts) throws SQLException {
    LocalDate asOf = LocalDate.parse(AggregationData.AS_OF);
    String sql =
        """
        WITH opp AS (SELECT * FROM read_parquet('%1$s/*.parquet')),
        per AS (
          SELECT account_id,
            SUM(CASE WHEN lower(trim(stage)) = 'won' AND close_date >= DATE '%3$s'
                      AND close_date < DATE '%4$s' THEN amount ELSE 0.0 END) AS bookings_t12m,
            SUM(CASE WHEN lower(trim(stage)) = 'won' AND close_date >= DATE '%5$s'
                      AND close_date < DATE '%3$s' THEN amount ELSE 0.0 END) AS bookings_prior_12m,
            COUNT(CASE WHEN lower(trim(stage)) = 'won' THEN 1 END) AS won_count,
            COUNT(CASE WHEN lower(trim(stage)) = 'lost' THEN 1 END) AS lost_count,
            SUM(CASE WHEN lower(trim(stage)) = 'won' THEN amount ELSE 0.0 END) AS won_total,
            SUM(CASE WHEN lower(trim(stage)) = 'open' THEN amount ELSE 0.0 END) AS open_pipeline,
            COUNT(CASE WHEN lower(trim(stage)) = 'open' THEN 1 END) AS open_count
          FROM opp GROUP BY account_id),
        hist AS (
          SELECT GREATEST(date_diff('day', MIN(created_date), DATE '%4$s') / 365.25, 1.0 / 12)
            AS history_years FROM opp),
        features AS (
          SELECT a.account_id,
            COALESCE(bookings_t12m, 0.0) AS bookings_t12m,
            COALESCE(bookings_prior_12m, 0.0) AS bookings_prior_12m,
            COALESCE(won_count, 0) AS won_count,
            COALESCE(lost_count, 0) AS lost_count,
            COALESCE(open_pipeline, 0.0) AS open_pipeline,
            COALESCE(open_count, 0) AS open_count,
            COALESCE(won_total, 0.0) / history_years AS avg_annual_bookings
          FROM read_parquet('%2$s/*.parquet') a LEFT JOIN per USING (account_id) CROSS JOIN hist)
        SELECT count(*), sum(bookings_t12m), sum(bookings_prior_12m), sum(won_count),
          sum(lost_count), sum(open_pipeline), sum(open_count), sum(avg_annual_bookings)
        FROM features
        """
            .formatted(opportunities, accounts, asOf.minusMonths(12), asOf, asOf.minusMonths(24));
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      double[] v = new double[8];
      for (int i = 0; i < v.length; i++) {
        v[i] = rs.getDouble(i + 1);
      }
      return new Checksum(v);
    }
  }
}
