package org.quotient.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quotient.engine.transform.Fixtures.date;
import static org.quotient.engine.transform.Fixtures.opportunity;
import static org.quotient.engine.transform.Fixtures.quotaPeriod;
import static org.quotient.engine.transform.Fixtures.table;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quotient.engine.schema.InputSchema;

class RepAttainmentTest {
  private static Map<String, Row> periods;

  @BeforeAll
  static void computeOnce() {
    Dataset<Row> quotaHistory =
        table(
            InputSchema.QUOTA_HISTORY,
            quotaPeriod("R1", "2024-01-01", "2024-12-31", 1000.0, 900.0),
            quotaPeriod("R1", "2025-01-01", "2025-12-31", 1000.0, null),
            quotaPeriod("R2", "2025-01-01", "2025-12-31", 0.0, null),
            quotaPeriod("R3", "2025-01-01", "2025-12-31", 800.0, null));
    Dataset<Row> opportunities =
        table(
            InputSchema.OPPORTUNITIES,
            // Reported 2024 bookings win over this deal.
            opportunity("o1", "A1", "R1", "2024-01-01", "2024-05-01", 5000.0, "won"),
            // 2025 for R1: first and last day count; the day after, lost and open deals do not.
            opportunity("o2", "A1", "R1", "2024-11-01", "2025-01-01", 300.0, "won"),
            opportunity("o3", "A1", "R1", "2025-06-01", "2025-12-31", 150.0, "won"),
            opportunity("o4", "A2", "R1", "2025-06-01", "2025-12-31", 50.0, "Won"),
            opportunity("o5", "A1", "R1", "2025-06-01", "2026-01-01", 999.0, "won"),
            opportunity("o6", "A1", "R1", "2025-02-01", "2025-03-01", 700.0, "lost"),
            opportunity("o7", "A1", "R1", "2025-02-01", null, 800.0, "open"),
            // R2's deal counts for R2 only.
            opportunity("o8", "A3", "R2", "2025-02-01", "2025-04-01", 100.0, "won"));
    Dataset<Row> result = RepAttainment.perPeriod(quotaHistory, opportunities);
    assertEquals(
        List.of("rep_id", "period_start", "period_end", "quota", "bookings", "attainment"),
        List.of(result.columns()));
    periods =
        result.collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs(RepAttainment.REP_ID) + "/" + r.getAs(RepAttainment.PERIOD_START),
                    Function.identity()));
  }

  @Test
  void onePeriodPerQuotaHistoryRow() {
    assertEquals(4, periods.size());
    Row r1 = periods.get("R1/2025-01-01");
    assertEquals(date("2025-12-31"), r1.getAs(RepAttainment.PERIOD_END));
    assertEquals(1000.0, r1.<Double>getAs(RepAttainment.QUOTA));
  }

  @Test
  void reportedBookingsTakePrecedenceOverOpportunities() {
    Row r1 = periods.get("R1/2024-01-01");
    assertEquals(900.0, r1.<Double>getAs(RepAttainment.BOOKINGS));
    assertEquals(0.9, r1.<Double>getAs(RepAttainment.ATTAINMENT));
  }

  @Test
  void bookingsFallBackToWonOpportunitiesWhenQuotaHistoryHasNone() {
    Row r1 = periods.get("R1/2025-01-01");
    assertEquals(300.0 + 150.0 + 50.0, r1.<Double>getAs(RepAttainment.BOOKINGS));
    assertEquals(0.5, r1.<Double>getAs(RepAttainment.ATTAINMENT));
  }

  @Test
  void attainmentIsNullWhenQuotaIsZero() {
    Row r2 = periods.get("R2/2025-01-01");
    assertEquals(100.0, r2.<Double>getAs(RepAttainment.BOOKINGS));
    assertNull(r2.getAs(RepAttainment.ATTAINMENT));
  }

  @Test
  void periodWithoutBookingsOrWonDealsHasZeroAttainment() {
    Row r3 = periods.get("R3/2025-01-01");
    assertEquals(0.0, r3.<Double>getAs(RepAttainment.BOOKINGS));
    assertEquals(0.0, r3.<Double>getAs(RepAttainment.ATTAINMENT));
  }
}
