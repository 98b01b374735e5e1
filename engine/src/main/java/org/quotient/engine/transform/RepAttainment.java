package org.quotient.engine.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How each rep did against quota, period by period. Bookings are taken from quota history when the
 * customer reported them (their books are the truth for comp); otherwise they are rebuilt from the
 * rep's won opportunities closing inside the period, both ends included.
 */
public final class RepAttainment {
  public static final String REP_ID = "rep_id";
  public static final String PERIOD_START = "period_start";
  public static final String PERIOD_END = "period_end";
  public static final String QUOTA = "quota";

  /** Reported bookings, else sum of won amounts with close date in [period_start, period_end]. */
  public static final String BOOKINGS = "bookings";

  /** bookings / quota; null when quota is 0. */
  public static final String ATTAINMENT = "attainment";

  private static final String REPORTED = "_reported_bookings";
  private static final String OPP_REP = "_opp_rep_id";
  private static final String OPP_CLOSE = "_opp_close_date";
  private static final String OPP_AMOUNT = "_opp_amount";
  private static final String WON_AMOUNT = "_won_amount";

  private RepAttainment() {}

  /**
   * One row per quota history row: rep_id, period_start, period_end, quota, bookings, attainment.
   */
  public static Dataset<Row> perPeriod(Dataset<Row> quotaHistory, Dataset<Row> opportunities) {
    // Won amounts per rep and close day: shrinks the range join to at most one row per rep-day.
    Dataset<Row> wonByDay =
        opportunities
            .where(
                Stages.normalized(col("stage"))
                    .equalTo(Stages.WON)
                    .and(col("close_date").isNotNull()))
            .groupBy(col("rep_id").as(OPP_REP), col("close_date").as(OPP_CLOSE))
            .agg(sum(col("amount")).as(OPP_AMOUNT));

    Dataset<Row> periods =
        quotaHistory.select(
            col(REP_ID),
            col(PERIOD_START),
            col(PERIOD_END),
            col(QUOTA),
            col(BOOKINGS).as(REPORTED));

    // Only periods without reported bookings look for opportunities.
    Column inPeriod =
        col(REP_ID)
            .equalTo(col(OPP_REP))
            .and(col(REPORTED).isNull())
            .and(col(OPP_CLOSE).between(col(PERIOD_START), col(PERIOD_END)));

    Column bookings = coalesce(col(REPORTED), col(WON_AMOUNT), lit(0.0));
    return periods
        .join(wonByDay, inPeriod, "left")
        .groupBy(col(REP_ID), col(PERIOD_START), col(PERIOD_END), col(QUOTA), col(REPORTED))
        .agg(sum(col(OPP_AMOUNT)).as(WON_AMOUNT))
        .select(
            col(REP_ID),
            col(PERIOD_START),
            col(PERIOD_END),
            col(QUOTA),
            bookings.as(BOOKINGS),
            when(col(QUOTA).notEqual(0.0), bookings.divide(col(QUOTA))).as(ATTAINMENT));
  }
}
