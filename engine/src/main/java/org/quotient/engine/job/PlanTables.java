package org.quotient.engine.job;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.Assignment;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.TerritorySummary;
import org.quotient.optimizer.quota.QuotaExplanation;
import org.quotient.optimizer.quota.RepQuota;

/** Builds the published tables' rows from the optimizer's results; one schema per table, here. */
final class PlanTables {
  static final DataType MONEY = DataTypes.createDecimalType(20, 2);

  static final StructType ASSIGNMENTS =
      new StructType()
          .add("plan_id", DataTypes.StringType, false)
          .add("account_id", DataTypes.StringType, false)
          .add("rep_id", DataTypes.StringType, false)
          .add("previous_rep_id", DataTypes.StringType, true)
          .add("moved", DataTypes.BooleanType, false)
          .add("reason", DataTypes.StringType, false)
          .add("segment", DataTypes.StringType, false)
          .add("potential", DataTypes.DoubleType, false)
          .add("workload_hours", DataTypes.DoubleType, false)
          .add("distance_km", DataTypes.DoubleType, true);

  static final StructType SUMMARY =
      new StructType()
          .add("plan_id", DataTypes.StringType, false)
          .add("rep_id", DataTypes.StringType, false)
          .add("segment", DataTypes.StringType, false)
          .add("capacity", DataTypes.DoubleType, false)
          .add("accounts", DataTypes.IntegerType, false)
          .add("potential", DataTypes.DoubleType, false)
          .add("workload_hours", DataTypes.DoubleType, false)
          .add("potential_per_capacity", DataTypes.DoubleType, false)
          .add("workload_per_capacity", DataTypes.DoubleType, false)
          .add("balance_index", DataTypes.DoubleType, false)
          .add("workload_index", DataTypes.DoubleType, false)
          .add("mean_travel_km", DataTypes.DoubleType, true)
          .add("territory_bookings_t12m", DataTypes.DoubleType, false);

  static final StructType QUOTAS =
      new StructType()
          .add("plan_id", DataTypes.StringType, false)
          .add("rep_id", DataTypes.StringType, false)
          .add("quota", MONEY, false)
          .add("previous_quota", MONEY, true)
          .add("potential_share", DataTypes.DoubleType, false)
          .add("history_share", DataTypes.DoubleType, false)
          .add("blended_share", DataTypes.DoubleType, false)
          .add("potential_weight", DataTypes.DoubleType, false)
          .add("ramp_factor", DataTypes.DoubleType, false)
          .add("before_caps", MONEY, false)
          .add("cap_applied", DataTypes.StringType, false)
          .add("cap_bound", MONEY, true)
          .add("cap_adjustment", MONEY, false)
          .add("redistribution", MONEY, false)
          .add("rounding_cents", DataTypes.LongType, false)
          .add("explanation", DataTypes.StringType, false);

  static final StructType PLAN_RUNS =
      new StructType()
          .add("plan_id", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("created_at", DataTypes.TimestampType, false)
          .add("as_of", DataTypes.DateType, false)
          .add("input", DataTypes.StringType, false)
          .add("seed", DataTypes.LongType, false)
          .add("parameters", DataTypes.StringType, false)
          .add("target", MONEY, false)
          .add("quota_total", MONEY, false)
          .add("accounts", DataTypes.LongType, false)
          .add("reps", DataTypes.LongType, false)
          .add("opportunities", DataTypes.LongType, false)
          .add("moved_accounts", DataTypes.LongType, false)
          .add("potential_max_deviation", DataTypes.DoubleType, false)
          .add("workload_max_deviation", DataTypes.DoubleType, false)
          .add("solver_score", DataTypes.StringType, false)
          .add("solver_feasible", DataTypes.BooleanType, false)
          .add("solve_millis", DataTypes.LongType, false)
          .add("model_heldout_r2", DataTypes.DoubleType, true)
          .add("quotient_version", DataTypes.StringType, false);

  /** Rows per Spark task when a table built on the driver is written (see {@link #frame}). */
  static final int ROWS_PER_TASK = 50_000;

  private PlanTables() {}

  /**
   * A Dataset of rows built on the driver, in slices of {@link #ROWS_PER_TASK}. {@code
   * createDataFrame(List)} would embed every row in the query plan and serialize half of them into
   * each of two tasks: at a million accounts, hundreds of MB more on a heap the solver's results
   * already fill.
   */
  static Dataset<Row> frame(SparkSession spark, List<Row> rows, StructType schema) {
    int slices = Math.max(1, (rows.size() + ROWS_PER_TASK - 1) / ROWS_PER_TASK);
    return spark.createDataFrame(
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices), schema);
  }

  static Dataset<Row> assignments(
      SparkSession spark,
      String planId,
      List<Assignment> assignments,
      Map<String, Account> accounts,
      Map<String, Rep> reps) {
    List<Row> rows = new ArrayList<>(assignments.size());
    for (Assignment a : assignments) {
      Account account = accounts.get(a.accountId());
      Rep rep = reps.get(a.repId());
      Double distance =
          account.location() != null && rep.home() != null
              ? account.location().distanceKm(rep.home())
              : null;
      rows.add(
          RowFactory.create(
              planId,
              a.accountId(),
              a.repId(),
              a.previousRepId(),
              a.moved(),
              a.reason().name().toLowerCase(),
              account.segment(),
              account.potential(),
              account.workload(),
              distance));
    }
    return frame(spark, rows, ASSIGNMENTS);
  }

  static Dataset<Row> summary(
      SparkSession spark,
      String planId,
      List<TerritorySummary> summaries,
      Map<String, Double> territoryHistory) {
    List<Row> rows = new ArrayList<>(summaries.size());
    for (TerritorySummary s : summaries) {
      rows.add(
          RowFactory.create(
              planId,
              s.repId(),
              s.segment(),
              s.capacity(),
              s.accounts(),
              s.potential(),
              s.workload(),
              s.potential() / s.capacity(),
              s.workload() / s.capacity(),
              s.balanceIndex(),
              s.workloadIndex(),
              Double.isNaN(s.meanTravelKm()) ? null : s.meanTravelKm(),
              territoryHistory.getOrDefault(s.repId(), 0.0)));
    }
    return frame(spark, rows, SUMMARY);
  }

  static Dataset<Row> quotas(
      SparkSession spark, String planId, List<RepQuota> quotas, Map<String, Double> previous) {
    List<Row> rows = new ArrayList<>(quotas.size());
    for (RepQuota q : quotas) {
      QuotaExplanation e = q.explanation();
      Double prev = previous.get(q.repId());
      rows.add(
          RowFactory.create(
              planId,
              q.repId(),
              q.quota(),
              prev == null ? null : money(prev),
              e.potentialShare(),
              e.historyShare(),
              e.blendedShare(),
              e.potentialWeight(),
              e.rampFactor(),
              e.beforeCaps(),
              e.cap().kind().name().toLowerCase(),
              e.cap().value(),
              e.capAdjustment(),
              e.redistribution(),
              e.roundingCents(),
              e.text()));
    }
    return frame(spark, rows, QUOTAS);
  }

  static Dataset<Row> planRun(SparkSession spark, PlanRunRecord r) {
    Row row =
        RowFactory.create(
            r.planId(),
            "published",
            Timestamp.from(r.createdAt()),
            Date.valueOf(r.asOf()),
            r.input(),
            r.seed(),
            r.parameters(),
            r.target(),
            r.quotaTotal(),
            r.accounts(),
            r.reps(),
            r.opportunities(),
            r.movedAccounts(),
            r.potentialMaxDeviation(),
            r.workloadMaxDeviation(),
            r.solverScore(),
            r.solverFeasible(),
            r.solveMillis(),
            Double.isNaN(r.modelHeldOutR2()) ? null : r.modelHeldOutR2(),
            r.version());
    return spark.createDataFrame(List.of(row), PLAN_RUNS);
  }

  static BigDecimal money(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /** The one plan_runs row. */
  record PlanRunRecord(
      String planId,
      Instant createdAt,
      LocalDate asOf,
      String input,
      long seed,
      String parameters,
      BigDecimal target,
      BigDecimal quotaTotal,
      long accounts,
      long reps,
      long opportunities,
      long movedAccounts,
      double potentialMaxDeviation,
      double workloadMaxDeviation,
      String solverScore,
      boolean solverFeasible,
      long solveMillis,
      double modelHeldOutR2,
      String version) {}
}
