package org.quotient.engine.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.quotient.engine.transform.WorkloadModel.SegmentEffort;

/**
 * Expected selling effort per account and year, in hours, so territories can be balanced on work
 * and not only on money:
 *
 * <pre>
 *   workload_hours = base_hours(segment) * size_factor + open_count * hours_per_open_opportunity
 *   size_factor    = clamp(1 + elasticity * log10(max(employees, 1) / typical_employees(segment)),
 *                          min_size_factor, max_size_factor)
 * </pre>
 *
 * The size factor compares an account with the typical account of its own segment (the base hours
 * already say that enterprise accounts are bigger), so with the defaults a tenfold larger account
 * needs 15% more hours. Unknown segments use {@link WorkloadModel#otherSegment()}; unknown head
 * count gives size factor 1; accounts missing from the features have no open opportunities.
 * Defaults are in {@link WorkloadModel#DEFAULT}.
 */
public final class Workload {
  public static final String ACCOUNT_ID = "account_id";
  public static final String WORKLOAD_HOURS = "workload_hours";

  private Workload() {}

  /**
   * account_id, workload_hours for every account in {@code accounts}; {@code accountFeatures} is
   * {@link AccountFeatures#compute} (only account_id and open_count are read).
   */
  public static Dataset<Row> estimate(
      Dataset<Row> accounts, Dataset<Row> accountFeatures, WorkloadModel model) {
    Objects.requireNonNull(model, "model");
    Column segment = lower(trim(col("segment")));
    Column baseHours = bySegment(segment, model, SegmentEffort::baseHours);
    Column typical = bySegment(segment, model, SegmentEffort::typicalEmployees);
    Column employees = col("employees");
    Column sizeFactor =
        when(employees.isNull(), lit(1.0))
            .otherwise(
                least(
                    greatest(
                        lit(1.0)
                            .plus(
                                lit(model.sizeElasticity())
                                    .multiply(log10(greatest(employees, lit(1L)).divide(typical)))),
                        lit(model.minSizeFactor())),
                    lit(model.maxSizeFactor())));
    Column openCount = coalesce(col(AccountFeatures.OPEN_COUNT), lit(0L));

    Dataset<Row> open =
        accountFeatures.select(col(AccountFeatures.ACCOUNT_ID), col(AccountFeatures.OPEN_COUNT));
    return accounts
        .select(col(ACCOUNT_ID), col("segment"), employees)
        .join(open, new String[] {ACCOUNT_ID}, "left")
        .select(
            col(ACCOUNT_ID),
            baseHours
                .multiply(sizeFactor)
                .plus(openCount.multiply(model.hoursPerOpenOpportunity()))
                .as(WORKLOAD_HOURS));
  }

  /** CASE segment WHEN ... : the segment table is a handful of entries, inlined as literals. */
  private static Column bySegment(
      Column segment, WorkloadModel model, ToDoubleFunction<SegmentEffort> value) {
    Column result = null;
    for (Map.Entry<String, SegmentEffort> e : model.segments().entrySet()) {
      Column test = segment.equalTo(e.getKey());
      double v = value.applyAsDouble(e.getValue());
      result = result == null ? when(test, v) : result.when(test, v);
    }
    double other = value.applyAsDouble(model.otherSegment());
    return result == null ? lit(other) : result.otherwise(other);
  }
}
