package org.quotient.engine.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.corr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How well potential tracks a known true potential (the generator's ground truth): the squared
 * correlation, which is scale free (bookings are a fraction of true potential).
 */
public record GroundTruthScore(
    double potentialR2, double modelR2, double runRateR2, long accounts) {

  /**
   * @param truth account_id, true_potential
   */
  public static GroundTruthScore of(Dataset<Row> scored, Dataset<Row> truth) {
    Row r =
        scored
            .join(truth, "account_id")
            .agg(
                corr(col(PotentialModel.POTENTIAL), col("true_potential")),
                corr(col(PotentialModel.MODEL_PREDICTION), col("true_potential")),
                corr(col(PotentialModel.RUN_RATE), col("true_potential")),
                org.apache.spark.sql.functions.count(col("account_id")))
            .first();
    return new GroundTruthScore(square(r, 0), square(r, 1), square(r, 2), r.getLong(3));
  }

  private static double square(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i) * r.getDouble(i);
  }
}
