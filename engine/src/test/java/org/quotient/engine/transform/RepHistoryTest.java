package org.quotient.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quotient.engine.transform.Fixtures.attainment;
import static org.quotient.engine.transform.Fixtures.byKey;
import static org.quotient.engine.transform.Fixtures.rep;
import static org.quotient.engine.transform.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quotient.engine.schema.InputSchema;

class RepHistoryTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
  private static final int RAMP_MONTHS = 6;

  private static Map<String, Row> reps;

  @BeforeAll
  static void computeOnce() {
    Dataset<Row> repRows =
        table(
            InputSchema.REPS,
            rep("VETERAN", "2020-03-01"),
            rep("RECENT", "2025-09-15"),
            rep("SIX_MONTHS", "2025-07-01"),
            rep("UNKNOWN_HIRE", null),
            rep("STARTS_NEXT_MONTH", "2026-02-01"));
    // VETERAN's periods, out of order; the 3-year window is period_end in (2023-01-01, 2026-01-01].
    Dataset<Row> history =
        table(
            Fixtures.ATTAINMENT,
            attainment("VETERAN", "2024-01-01", "2024-12-31", 1000.0, 1000.0, 1.0),
            attainment("VETERAN", "2026-01-01", "2026-12-31", 1500.0, 100.0, 100.0 / 1500.0),
            attainment("VETERAN", "2022-01-01", "2022-12-31", 1000.0, 500.0, 0.5),
            attainment("VETERAN", "2025-01-01", "2025-12-31", 1200.0, 1320.0, 1.1),
            attainment("VETERAN", "2023-01-01", "2023-12-31", 1000.0, 800.0, 0.8),
            attainment("RECENT", "2025-10-01", "2025-12-31", 0.0, 30.0, null));
    Dataset<Row> result = RepHistory.summarize(repRows, history, AS_OF, RAMP_MONTHS);
    assertEquals(
        List.of(
            "rep_id",
            "tenure_months",
            "ramp_state",
            "last_quota",
            "last_bookings",
            "last_attainment",
            "mean_attainment",
            "periods"),
        List.of(result.columns()));
    reps = byKey(result, RepHistory.REP_ID);
  }

  private static Object value(String rep, String column) {
    return reps.get(rep).getAs(column);
  }

  @Test
  void tenureCountsWholeMonthsFromHireToAsOf() {
    assertEquals(70, value("VETERAN", RepHistory.TENURE_MONTHS));
    assertEquals(3, value("RECENT", RepHistory.TENURE_MONTHS));
    assertEquals(6, value("SIX_MONTHS", RepHistory.TENURE_MONTHS));
  }

  @Test
  void newHireIsRamping() {
    assertEquals(RepHistory.RAMPING, value("RECENT", RepHistory.RAMP_STATE));
  }

  @Test
  void repWithExactlyRampMonthsOfTenureIsRamped() {
    assertEquals(RepHistory.RAMPED, value("SIX_MONTHS", RepHistory.RAMP_STATE));
    assertEquals(RepHistory.RAMPED, value("VETERAN", RepHistory.RAMP_STATE));
  }

  @Test
  void repHiredAfterAsOfIsNewHireWithZeroTenure() {
    assertEquals(RepHistory.NEW_HIRE, value("STARTS_NEXT_MONTH", RepHistory.RAMP_STATE));
    assertEquals(0, value("STARTS_NEXT_MONTH", RepHistory.TENURE_MONTHS));
  }

  @Test
  void unknownHireDateCountsAsRampedWithNullTenure() {
    assertEquals(RepHistory.RAMPED, value("UNKNOWN_HIRE", RepHistory.RAMP_STATE));
    assertNull(value("UNKNOWN_HIRE", RepHistory.TENURE_MONTHS));
  }

  @Test
  void latestPeriodGivesLastQuota() {
    // 2025 is the latest period ending on or before asOf; 2026 has not ended.
    assertEquals(1200.0, value("VETERAN", RepHistory.LAST_QUOTA));
    assertEquals(1320.0, value("VETERAN", RepHistory.LAST_BOOKINGS));
    assertEquals(1.1, value("VETERAN", RepHistory.LAST_ATTAINMENT));
  }

  @Test
  void meanAttainmentCoversPeriodsEndingInTheLastThreeYears() {
    assertEquals(
        (0.8 + 1.0 + 1.1) / 3, (Double) value("VETERAN", RepHistory.MEAN_ATTAINMENT), 1e-12);
  }

  @Test
  void periodsCountsOnlyEndedPeriods() {
    assertEquals(4L, value("VETERAN", RepHistory.PERIODS));
  }

  @Test
  void zeroQuotaPeriodHasNoAttainmentToAverage() {
    assertEquals(0.0, value("RECENT", RepHistory.LAST_QUOTA));
    assertNull(value("RECENT", RepHistory.LAST_ATTAINMENT));
    assertNull(value("RECENT", RepHistory.MEAN_ATTAINMENT));
    assertEquals(1L, value("RECENT", RepHistory.PERIODS));
  }

  @Test
  void repWithoutHistoryHasNullLastValuesAndNoPeriods() {
    Row row = reps.get("SIX_MONTHS");
    assertNull(row.getAs(RepHistory.LAST_QUOTA));
    assertNull(row.getAs(RepHistory.LAST_BOOKINGS));
    assertNull(row.getAs(RepHistory.LAST_ATTAINMENT));
    assertNull(row.getAs(RepHistory.MEAN_ATTAINMENT));
    assertEquals(0L, row.<Long>getAs(RepHistory.PERIODS));
  }
}
