package org.quotient.engine.transform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-account sales history features: what each account bought recently and before, how often we
 * win there, and what is still open. They feed the potential model (run-rate, growth) and workload
 * (open pipeline).
 *
 * <p>Windows are half-open and anchored on {@code asOf}: the trailing year is close dates in {@code
 * [asOf - 12 months, asOf)}, the prior year {@code [asOf - 24 months, asOf - 12 months)}. Counts,
 * win rate and open pipeline use every opportunity in the input ("all history"). History length is
 * one figure for the whole data set (the earliest {@code created_date} of any opportunity), so the
 * run-rate of every account is measured over the same span.
 */
public final class AccountFeatures {
  public static final String ACCOUNT_ID = "account_id";

  /** Sum of won amounts with close date in [asOf - 12 months, asOf). */
  public static final String BOOKINGS_T12M = "bookings_t12m";

  /** Sum of won amounts with close date in [asOf - 24 months, asOf - 12 months). */
  public static final String BOOKINGS_PRIOR_12M = "bookings_prior_12m";

  /** (t12m - prior) / prior; null when prior is 0. */
  public static final String GROWTH = "growth";

  public static final String WON_COUNT = "won_count";
  public static final String LOST_COUNT = "lost_count";

  /** won / (won + lost) over all history; null when nothing closed. */
  public static final String WIN_RATE = "win_rate";

  /** Sum of open amounts. */
  public static final String OPEN_PIPELINE = "open_pipeline";

  public static final String OPEN_COUNT = "open_count";

  /**
   * (asOf - earliest created_date of any opportunity) / 365.25, at least 1/12; same for all rows.
   */
  public static final String HISTORY_YEARS = "history_years";

  /** All won amounts / history_years. */
  public static final String AVG_ANNUAL_BOOKINGS = "avg_annual_bookings";

  /** Shortest history credited, so a brand-new data set does not inflate run-rates. */
  public static final double MIN_HISTORY_YEARS = 1.0 / 12.0;

  static final double DAYS_PER_YEAR = 365.25;

  private static final String WON_TOTAL = "_won_total";
  private static final String FIRST_CREATED = "_first_created";
  private static final String STAGE = "_stage";

  private AccountFeatures() {}

  /**
   * One row per account in {@code accounts} (accounts without opportunities get zero sums and
   * counts, null growth and win rate). All per-account features come from one aggregation pass over
   * opportunities; history_years from one tiny global minimum.
   */
  public static Dataset<Row> compute(
      Dataset<Row> accounts, Dataset<Row> opportunities, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Date asOfDate = Date.valueOf(asOf);
    Date yearAgo = Date.valueOf(asOf.minusMonths(12));
    Date twoYearsAgo = Date.valueOf(asOf.minusMonths(24));

    // Each row's stage is normalized once (a projection), not once per aggregate.
    Column stage = col(STAGE);
    Column won = stage.equalTo(Stages.WON);
    Column lost = stage.equalTo(Stages.LOST);
    Column open = stage.equalTo(Stages.OPEN);
    Column close = col("close_date");
    Column amount = col("amount");
    Column inTrailingYear = close.geq(lit(yearAgo)).and(close.lt(lit(asOfDate)));
    Column inPriorYear = close.geq(lit(twoYearsAgo)).and(close.lt(lit(yearAgo)));

    Dataset<Row> perAccount =
        opportunities
            .select(col(ACCOUNT_ID), Stages.normalized(col("stage")).as(STAGE), close, amount)
            .groupBy(col(ACCOUNT_ID))
            .agg(
                sum(when(won.and(inTrailingYear), amount).otherwise(0.0)).as(BOOKINGS_T12M),
                sum(when(won.and(inPriorYear), amount).otherwise(0.0)).as(BOOKINGS_PRIOR_12M),
                count(when(won, 1)).as(WON_COUNT),
                count(when(lost, 1)).as(LOST_COUNT),
                sum(when(won, amount).otherwise(0.0)).as(WON_TOTAL),
                sum(when(open, amount).otherwise(0.0)).as(OPEN_PIPELINE),
                count(when(open, 1)).as(OPEN_COUNT));

    // A tiny global aggregate: reads one column, shuffles one partial row per partition, and is
    // broadcast as a single row. (Deriving it from the per-account result would not save a pass:
    // column pruning splits that into a second aggregation by account.)
    Dataset<Row> history =
        opportunities
            .agg(min(col("created_date")).as(FIRST_CREATED))
            .select(
                greatest(
                        datediff(lit(asOfDate), col(FIRST_CREATED)).divide(DAYS_PER_YEAR),
                        lit(MIN_HISTORY_YEARS))
                    .as(HISTORY_YEARS));

    Column t12m = coalesce(col(BOOKINGS_T12M), lit(0.0));
    Column prior = coalesce(col(BOOKINGS_PRIOR_12M), lit(0.0));
    Column wonCount = coalesce(col(WON_COUNT), lit(0L));
    Column lostCount = coalesce(col(LOST_COUNT), lit(0L));
    Column closed = wonCount.plus(lostCount);

    return accounts
        .select(col(ACCOUNT_ID))
        .join(perAccount, new String[] {ACCOUNT_ID}, "left")
        .crossJoin(broadcast(history))
        .select(
            col(ACCOUNT_ID),
            t12m.as(BOOKINGS_T12M),
            prior.as(BOOKINGS_PRIOR_12M),
            when(prior.notEqual(0.0), t12m.minus(prior).divide(prior)).as(GROWTH),
            wonCount.as(WON_COUNT),
            lostCount.as(LOST_COUNT),
            when(closed.gt(0L), wonCount.divide(closed)).as(WIN_RATE),
            coalesce(col(OPEN_PIPELINE), lit(0.0)).as(OPEN_PIPELINE),
            coalesce(col(OPEN_COUNT), lit(0L)).as(OPEN_COUNT),
            col(HISTORY_YEARS),
            coalesce(col(WON_TOTAL), lit(0.0)).divide(col(HISTORY_YEARS)).as(AVG_ANNUAL_BOOKINGS));
  }
}
