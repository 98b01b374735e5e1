package org.quotient.engine.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.quotient.engine.EngineErrors;

/**
 * Account potential: what an account can be expected to book in a year.
 *
 * <p>A ridge regression of log(1 + annual won bookings) on firmographics (segment, industry, log
 * employees and log revenue, with per-segment slopes) is fitted from one Spark aggregation of the
 * sufficient statistics X'X and X'y, so the data never leaves the cluster; the small normal
 * equations are solved on the driver with Commons Math. Predictions are brought back to currency
 * and calibrated per segment so that they sum to the segment's actual bookings (which removes the
 * log-retransformation bias). The potential published is a blend of this model and the account's
 * run-rate (trailing 12-month bookings); accounts without any history get the model alone.
 */
public final class PotentialModel {
  /** Fewest training accounts with history for a fit to mean anything. */
  public static final int MIN_TRAINING_ACCOUNTS = 30;

  public static final String POTENTIAL = "potential";
  public static final String MODEL_PREDICTION = "model_prediction";
  public static final String RUN_RATE = "run_rate";
  public static final String FEATURES_USED = "features_used";
  public static final String HELD_OUT = "held_out";

  private static final String Y = "_y";

  private PotentialModel() {}

  /**
   * Fits the model and scores every account.
   *
   * @param accounts validated accounts (account_id, segment, industry, employees, annual_revenue)
   * @param features account features (account_id, bookings_t12m, avg_annual_bookings, won_count,
   *     lost_count, open_count)
   */
  public static PotentialResult fitAndScore(
      Dataset<Row> accounts, Dataset<Row> features, PotentialSettings settings) {
    Dataset<Row> joined =
        accounts
            .select("account_id", "segment", "industry", "employees", "annual_revenue")
            .join(features, "account_id")
            .withColumn(
                "_has_history",
                coalesce(col("won_count"), lit(0))
                    .plus(coalesce(col("lost_count"), lit(0)))
                    .plus(coalesce(col("open_count"), lit(0)))
                    .gt(0))
            .withColumn(
                HELD_OUT,
                pmod(xxhash64(col("account_id"), lit(settings.seed())), lit(100))
                    .lt(settings.holdoutPercent()))
            .withColumn(
                Y, log1p(greatest(coalesce(col("avg_annual_bookings"), lit(0.0)), lit(0.0))));

    List<String> segments = levels(joined, "segment");
    List<String> industries = levels(joined, "industry");
    DesignMatrix design = DesignMatrix.of(segments, industries);
    Dataset<Row> withX = design.addColumns(joined);

    Column training = col(HELD_OUT).unary_$bang().and(col("_has_history"));
    // With no weight on the model there is nothing to fit: potential is the run-rate alone.
    boolean useModel = settings.modelWeight() > 0;
    double[] beta =
        useModel
            ? solve(withX.where(training), design, settings.ridgeLambda())
            : new double[design.size()];

    Column logPrediction = lit(0.0);
    for (int i = 0; i < design.size(); i++) {
      logPrediction = logPrediction.plus(col(design.name(i)).multiply(beta[i]));
    }
    Dataset<Row> raw =
        withX.withColumn("_raw_prediction", greatest(exp(logPrediction).minus(1.0), lit(0.0)));

    // Calibrate per segment: predicted bookings of training accounts sum to their actual bookings.
    Map<String, Double> calibration = new HashMap<>();
    for (Row r :
        raw.where(training)
            .groupBy("segment")
            .agg(sum("avg_annual_bookings").as("actual"), sum("_raw_prediction").as("predicted"))
            .collectAsList()) {
      double predicted = r.isNullAt(2) ? 0 : r.getDouble(2);
      double actual = r.isNullAt(1) ? 0 : r.getDouble(1);
      calibration.put(r.getString(0), predicted > 0 ? actual / predicted : 1.0);
    }
    Column factor = lit(1.0);
    for (Map.Entry<String, Double> e : calibration.entrySet()) {
      factor = when(col("segment").equalTo(e.getKey()), lit(e.getValue())).otherwise(factor);
    }
    Column runRate = coalesce(col("bookings_t12m"), lit(0.0));
    Column prediction = useModel ? col("_raw_prediction").multiply(factor) : runRate;
    Column potential =
        when(
                col("_has_history"),
                prediction
                    .multiply(settings.modelWeight())
                    .plus(runRate.multiply(1 - settings.modelWeight())))
            .otherwise(prediction);
    Dataset<Row> scored =
        raw.select(
            col("account_id"),
            potential.as(POTENTIAL),
            prediction.as(MODEL_PREDICTION),
            runRate.as(RUN_RATE),
            concat_ws(
                    ";",
                    concat_ws("=", lit("segment"), col("segment")),
                    concat_ws("=", lit("industry"), col("industry")),
                    concat_ws("=", lit("employees"), col("employees").cast("string")),
                    concat_ws("=", lit("annual_revenue"), format_number(col("annual_revenue"), 0)),
                    concat_ws(
                        "=",
                        lit("avg_annual_bookings"),
                        format_number(coalesce(col("avg_annual_bookings"), lit(0.0)), 2)),
                    concat_ws("=", lit("has_history"), col("_has_history").cast("string")))
                .as(FEATURES_USED),
            col(HELD_OUT),
            col("_has_history"),
            coalesce(col("avg_annual_bookings"), lit(0.0)).as("_actual"));

    double heldOutR2 = heldOutR2(scored);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < design.size(); i++) {
      names.add(design.name(i));
    }
    return new PotentialResult(
        scored.drop("_has_history", "_actual"),
        new PotentialFit(names, beta, calibration, heldOutR2));
  }

  private static List<String> levels(Dataset<Row> rows, String column) {
    return rows.select(column).distinct().orderBy(column).collectAsList().stream()
        .map(r -> r.getString(0))
        .toList();
  }

  /** One aggregation of X'X and X'y over the training rows, then a ridge solve on the driver. */
  static double[] solve(Dataset<Row> training, DesignMatrix design, double ridgeLambda) {
    int k = design.size();
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)).as("n"));
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        aggregates.add(
            sum(col(design.name(i)).multiply(col(design.name(j)))).as("xx_" + i + "_" + j));
      }
      aggregates.add(sum(col(design.name(i)).multiply(col(Y))).as("xy_" + i));
    }
    Row stats =
        training
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
            .first();
    long n = stats.getLong(0);
    if (n < MIN_TRAINING_ACCOUNTS) {
      throw EngineErrors.tooFewOpportunitiesToFit(n, MIN_TRAINING_ACCOUNTS);
    }
    RealMatrix xtx = new Array2DRowRealMatrix(k, k);
    RealVector xty = new ArrayRealVector(k);
    int index = 1;
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double v = stats.isNullAt(index) ? 0 : stats.getDouble(index);
        xtx.setEntry(i, j, v);
        xtx.setEntry(j, i, v);
        index++;
      }
      xty.setEntry(i, stats.isNullAt(index) ? 0 : stats.getDouble(index));
      index++;
    }
    // Ridge on every coefficient but the intercept, scaled by n so lambda does not depend on size;
    // it also keeps levels absent from training (a segment with no history) solvable.
    for (int i = 1; i < k; i++) {
      xtx.addToEntry(i, i, ridgeLambda * n + 1e-9);
    }
    return new CholeskyDecomposition(xtx, 1e-12, 1e-14).getSolver().solve(xty).toArray();
  }

  /** R^2 of predicted vs. actual annual bookings on held-out accounts with history. */
  private static double heldOutR2(Dataset<Row> scored) {
    Dataset<Row> heldOut = scored.where(col(HELD_OUT).and(col("_has_history")));
    Row mean = heldOut.agg(org.apache.spark.sql.functions.avg("_actual"), count(lit(1))).first();
    if (mean.getLong(1) < 2) {
      return Double.NaN;
    }
    double ybar = mean.getDouble(0);
    Row sums =
        heldOut
            .agg(
                sum(
                    col("_actual")
                        .minus(col(MODEL_PREDICTION))
                        .multiply(col("_actual").minus(col(MODEL_PREDICTION)))),
                sum(col("_actual").minus(ybar).multiply(col("_actual").minus(ybar))))
            .first();
    double sst = sums.getDouble(1);
    return sst > 0 ? 1 - sums.getDouble(0) / sst : Double.NaN;
  }
}
