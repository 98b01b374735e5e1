package org.quotient.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.quotient.engine.QuotientException;
import org.quotient.engine.schema.InputSchema;
import org.quotient.engine.testing.SharedSpark;

class PotentialModelTest {
  private static final StructType FEATURES =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("bookings_t12m", DataTypes.DoubleType)
          .add("avg_annual_bookings", DataTypes.DoubleType)
          .add("won_count", DataTypes.LongType)
          .add("lost_count", DataTypes.LongType)
          .add("open_count", DataTypes.LongType);

  private final SparkSession spark = SharedSpark.session();

  /** Bookings follow exactly exp(2 + 0.9 log(1+employees)) - 1, doubled for enterprise. */
  private static double bookings(String segment, long employees) {
    double base = Math.exp(2 + 0.9 * Math.log1p(employees)) - 1;
    return segment.equals("enterprise") ? 2 * base : base;
  }

  private Dataset<Row>[] fixture(int accounts, int withoutHistory) {
    List<Row> accountRows = new ArrayList<>();
    List<Row> featureRows = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      String segment = i % 2 == 0 ? "enterprise" : "smb";
      long employees = 10 + (i * 37L) % 900;
      accountRows.add(
          RowFactory.create(
              "A" + i,
              "n",
              null,
              segment,
              "software",
              employees,
              1000.0,
              null,
              null,
              null,
              null,
              null));
      boolean history = i >= withoutHistory;
      double y = bookings(segment, employees);
      featureRows.add(
          RowFactory.create(
              "A" + i,
              history ? y * 1.1 : 0.0,
              history ? y : 0.0,
              history ? 2L : 0L,
              history ? 1L : 0L,
              0L));
    }
    @SuppressWarnings("unchecked")
    Dataset<Row>[] out =
        new Dataset[] {
          spark.createDataFrame(accountRows, InputSchema.ACCOUNTS.sparkType()),
          spark.createDataFrame(featureRows, FEATURES)
        };
    return out;
  }

  private static Map<String, Row> byAccount(Dataset<Row> scored) {
    return scored.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
  }

  @Test
  void recoversAnExactLogLinearRelationOnHeldOutAccounts() {
    Dataset<Row>[] data = fixture(300, 0);
    PotentialResult result =
        PotentialModel.fitAndScore(data[0], data[1], new PotentialSettings(1.0, 1e-9, 20, 7));
    assertTrue(result.fit().heldOutR2() > 0.999, "held-out R^2 " + result.fit().heldOutR2());
    Row a10 = byAccount(result.scored()).get("A10");
    assertEquals(bookings("enterprise", 10 + 370), a10.getDouble(2), 1e-3 * a10.getDouble(2));
  }

  @Test
  void blendsModelWithRunRateByWeight() {
    Dataset<Row>[] data = fixture(100, 0);
    Map<String, Row> scored =
        byAccount(
            PotentialModel.fitAndScore(data[0], data[1], new PotentialSettings(0.25, 1e-9, 0, 7))
                .scored());
    Row a3 = scored.get("A3");
    double model = a3.getDouble(2);
    double runRate = a3.getDouble(3);
    assertEquals(bookings("smb", 10 + 3 * 37) * 1.1, runRate, 1e-6);
    assertEquals(0.25 * model + 0.75 * runRate, a3.getDouble(1), 1e-6);
  }

  @Test
  void givesAccountsWithoutHistoryTheModelAlone() {
    Dataset<Row>[] data = fixture(120, 10);
    Map<String, Row> scored =
        byAccount(
            PotentialModel.fitAndScore(data[0], data[1], new PotentialSettings(0.5, 1e-9, 0, 7))
                .scored());
    Row fresh = scored.get("A4");
    assertEquals(fresh.getDouble(2), fresh.getDouble(1), 1e-9);
    assertTrue(fresh.getDouble(1) > 0);
  }

  @Test
  void refusesToFitOnTooLittleHistory() {
    Dataset<Row>[] data = fixture(40, 30);
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () ->
                PotentialModel.fitAndScore(
                    data[0], data[1], new PotentialSettings(0.5, 1e-4, 0, 7)));
    assertEquals(
        "The potential model needs at least 30 accounts with opportunity history to fit,"
            + " found 10. Fix: supply more opportunity history (more years or accounts), or plan with"
            + " --model-weight 0 to use run-rate bookings alone.",
        e.getMessage());
  }
}
