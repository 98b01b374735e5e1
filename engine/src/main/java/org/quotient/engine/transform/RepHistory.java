package org.quotient.engine.transform;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One line of history per rep for quota setting: how long they have been here, whether they are
 * still ramping, what they carried and closed last period, and how they did on average lately.
 *
 * <ul>
 *   <li>{@code tenure_months}: whole months from hire_date to asOf (as {@code months_between},
 *       rounded down), 0 for reps hired after asOf, null when hire_date is unknown.
 *   <li>{@code ramp_state}: {@code new_hire} when hire_date is after asOf (not started yet); {@code
 *       ramping} when tenure_months &lt; rampMonths; otherwise {@code ramped}. An unknown hire date
 *       counts as {@code ramped}: exports usually omit it for long-tenured reps, and treating them
 *       as ramping would cut their quota.
 *   <li>{@code last_quota}, {@code last_bookings}, {@code last_attainment}: of the period with the
 *       latest period_end on or before asOf.
 *   <li>{@code mean_attainment}: mean attainment over periods with period_end in (asOf - 3 years,
 *       asOf]; periods with quota 0 (null attainment) are skipped.
 *   <li>{@code periods}: number of periods ending on or before asOf.
 * </ul>
 *
 * Periods ending after asOf (the running period, future quotas) are ignored everywhere.
 */
public final class RepHistory {
  public static final String REP_ID = "rep_id";
  public static final String TENURE_MONTHS = "tenure_months";
  public static final String RAMP_STATE = "ramp_state";
  public static final String LAST_QUOTA = "last_quota";
  public static final String LAST_BOOKINGS = "last_bookings";
  public static final String LAST_ATTAINMENT = "last_attainment";
  public static final String MEAN_ATTAINMENT = "mean_attainment";
  public static final String PERIODS = "periods";

  public static final String RAMPED = "ramped";
  public static final String RAMPING = "ramping";
  public static final String NEW_HIRE = "new_hire";

  /** Years of history that mean_attainment looks back over. */
  public static final int MEAN_ATTAINMENT_YEARS = 3;

  private static final String LAST = "_last";

  private RepHistory() {}

  /** One row per rep in {@code reps}; {@code attainment} is {@link RepAttainment#perPeriod}. */
  public static Dataset<Row> summarize(
      Dataset<Row> reps, Dataset<Row> attainment, LocalDate asOf, int rampMonths) {
    Objects.requireNonNull(asOf, "asOf");
    if (rampMonths < 0) {
      throw new IllegalArgumentException(
          "rampMonths must be >= 0 but was " + rampMonths + "; use 0 for no ramp");
    }
    Date asOfDate = Date.valueOf(asOf);
    Column periodEnd = col(RepAttainment.PERIOD_END);
    Column ended = periodEnd.leq(lit(asOfDate));
    Column recent =
        ended.and(periodEnd.gt(lit(Date.valueOf(asOf.minusYears(MEAN_ATTAINMENT_YEARS)))));

    Dataset<Row> perRep =
        attainment
            .groupBy(col(REP_ID))
            .agg(
                // max over structs orders by period_end, then period_start: the latest period.
                max(when(
                        ended,
                        struct(
                            periodEnd,
                            col(RepAttainment.PERIOD_START),
                            col(RepAttainment.QUOTA),
                            col(RepAttainment.BOOKINGS),
                            col(RepAttainment.ATTAINMENT))))
                    .as(LAST),
                avg(when(recent, col(RepAttainment.ATTAINMENT))).as(MEAN_ATTAINMENT),
                count(when(ended, 1)).as(PERIODS));

    Column hire = col("hire_date");
    Column monthsSinceHire = floor(months_between(lit(asOfDate), hire)).cast("int");
    Column rampState =
        when(hire.isNull(), RAMPED)
            .when(hire.gt(lit(asOfDate)), NEW_HIRE)
            .when(monthsSinceHire.lt(rampMonths), RAMPING)
            .otherwise(RAMPED);

    return reps.select(col(REP_ID), hire)
        .join(perRep, new String[] {REP_ID}, "left")
        .select(
            col(REP_ID),
            when(hire.isNotNull(), greatest(monthsSinceHire, lit(0))).as(TENURE_MONTHS),
            rampState.as(RAMP_STATE),
            col(LAST + "." + RepAttainment.QUOTA).as(LAST_QUOTA),
            col(LAST + "." + RepAttainment.BOOKINGS).as(LAST_BOOKINGS),
            col(LAST + "." + RepAttainment.ATTAINMENT).as(LAST_ATTAINMENT),
            col(MEAN_ATTAINMENT),
            coalesce(col(PERIODS), lit(0L)).as(PERIODS));
  }
}
