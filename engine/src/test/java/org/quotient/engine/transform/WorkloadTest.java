package org.quotient.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quotient.engine.transform.Fixtures.account;
import static org.quotient.engine.transform.Fixtures.byKey;
import static org.quotient.engine.transform.Fixtures.table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quotient.engine.schema.InputSchema;
import org.quotient.engine.transform.WorkloadModel.SegmentEffort;

class WorkloadTest {
  private static final StructType OPEN_COUNTS =
      new StructType()
          .add(AccountFeatures.ACCOUNT_ID, DataTypes.StringType)
          .add(AccountFeatures.OPEN_COUNT, DataTypes.LongType);

  private static final Dataset<Row> NO_FEATURES = table(OPEN_COUNTS);

  private static Map<String, Double> hours;

  @BeforeAll
  static void estimateOnce() {
    Dataset<Row> accounts =
        table(
            InputSchema.ACCOUNTS,
            account("ENT", "enterprise", 5_000L),
            account("SMB", "smb", 50L),
            account("ENT_OPEN", "Enterprise ", 5_000L),
            account("MM_HUGE", "mid_market", 5_000_000L),
            account("MM_TINY", "mid_market", 0L),
            account("GOV", "government", 500L),
            account("NO_HEADCOUNT", "smb", null));
    Dataset<Row> features =
        table(
            OPEN_COUNTS,
            RowFactory.create("ENT", 0L),
            RowFactory.create("SMB", 0L),
            RowFactory.create("ENT_OPEN", 3L));
    Dataset<Row> result = Workload.estimate(accounts, features, WorkloadModel.DEFAULT);
    assertEquals(List.of("account_id", "workload_hours"), List.of(result.columns()));
    hours =
        Map.copyOf(
            byKey(result, Workload.ACCOUNT_ID).entrySet().stream()
                .collect(
                    Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().<Double>getAs(Workload.WORKLOAD_HOURS))));
  }

  @Test
  void plainJavaFormulaAgreesWithTheSparkExpression() {
    WorkloadModel m = WorkloadModel.DEFAULT;
    assertEquals(hours.get("ENT"), m.hours("enterprise", 5_000L, 0), 1e-9);
    assertEquals(hours.get("SMB"), m.hours("smb", 50L, 0), 1e-9);
    assertEquals(hours.get("ENT_OPEN"), m.hours("Enterprise ", 5_000L, 3), 1e-9);
    assertEquals(hours.get("MM_HUGE"), m.hours("mid_market", 5_000_000L, 0), 1e-9);
    assertEquals(hours.get("MM_TINY"), m.hours("mid_market", 0L, 0), 1e-9);
    assertEquals(hours.get("GOV"), m.hours("government", 500L, 0), 1e-9);
    assertEquals(hours.get("NO_HEADCOUNT"), m.hours("smb", null, 0), 1e-9);
  }

  @Test
  void typicalAccountNeedsItsSegmentBaseHours() {
    assertEquals(120.0, hours.get("ENT"), 1e-9);
    assertEquals(10.0, hours.get("SMB"), 1e-9);
  }

  @Test
  void enterpriseAccountNeedsMoreHoursThanSmb() {
    assertTrue(hours.get("ENT") > hours.get("SMB"));
  }

  @Test
  void eachOpenOpportunityAddsFixedHoursWhateverTheSegmentSpelling() {
    assertEquals(120.0 + 3 * 4.0, hours.get("ENT_OPEN"), 1e-9);
  }

  @Test
  void largerThanTypicalAccountNeedsMoreHours() {
    // 10,000 x typical: 1 + 0.15 * 4 = 1.6.
    assertEquals(40.0 * 1.6, hours.get("MM_HUGE"), 1e-9);
  }

  @Test
  void accountWithNoEmployeesIsSizedAsOne() {
    assertEquals(40.0 * (1 + 0.15 * Math.log10(1.0 / 500)), hours.get("MM_TINY"), 1e-9);
  }

  @Test
  void unknownSegmentUsesOtherSegmentEffort() {
    assertEquals(40.0, hours.get("GOV"), 1e-9);
  }

  @Test
  void unknownHeadCountGivesTypicalSize() {
    assertEquals(10.0, hours.get("NO_HEADCOUNT"), 1e-9);
  }

  @Test
  void sizeFactorIsClampedToModelBounds() {
    WorkloadModel steep =
        new WorkloadModel(
            Map.of("smb", new SegmentEffort(10, 100)), new SegmentEffort(1, 1), 1.0, 0.5, 2.0, 0);
    Dataset<Row> accounts =
        table(InputSchema.ACCOUNTS, account("BIG", "smb", 1_000_000L), account("SMALL", "smb", 1L));
    Map<String, Row> result = byKey(Workload.estimate(accounts, NO_FEATURES, steep), "account_id");
    assertEquals(20.0, result.get("BIG").<Double>getAs(Workload.WORKLOAD_HOURS), 1e-9);
    assertEquals(5.0, result.get("SMALL").<Double>getAs(Workload.WORKLOAD_HOURS), 1e-9);
  }

  @Test
  void modelRejectsInvertedSizeBounds() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WorkloadModel(Map.of(), new SegmentEffort(1, 1), 0.1, 2.0, 0.5, 4));
    assertEquals(
        "size factor bounds must satisfy 0 < min <= max < infinity but were [2.0, 0.5]",
        e.getMessage());
  }

  @Test
  void modelRejectsSegmentListedTwiceInDifferentCase() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new WorkloadModel(
                    new TreeMap<>(
                        Map.of("SMB", new SegmentEffort(1, 1), "smb", new SegmentEffort(2, 1))),
                    new SegmentEffort(1, 1),
                    0.1,
                    0.5,
                    2.0,
                    4));
    assertEquals("segment 'smb' is listed twice (names ignore case and spaces)", e.getMessage());
  }
}
