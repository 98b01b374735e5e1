package org.quotient.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quotient.engine.transform.Fixtures.account;
import static org.quotient.engine.transform.Fixtures.byKey;
import static org.quotient.engine.transform.Fixtures.opportunity;
import static org.quotient.engine.transform.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quotient.engine.schema.InputSchema;

class AccountFeaturesTest {
  /** Trailing year is [2025-01-01, 2026-01-01); prior year is [2024-01-01, 2025-01-01). */
  private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

  /** Earliest created_date of any opportunity is 2023-01-01: 1096 days before AS_OF. */
  private static final double HISTORY_YEARS = 1096 / 365.25;

  private static Map<String, Row> features;

  @BeforeAll
  static void computeOnce() {
    Dataset<Row> accounts =
        table(
            InputSchema.ACCOUNTS,
            account("A1", "enterprise", 5_000L),
            account("A2", "smb", 20L),
            account("A3", "mid_market", 300L));
    Dataset<Row> opportunities =
        table(
            InputSchema.OPPORTUNITIES,
            // A1: won exactly at asOf - 12 months (trailing), the day before (prior), at asOf
            // (after the window), plus one lost and two open deals.
            opportunity("o1", "A1", "R1", "2024-06-01", "2025-01-01", 1000.0, "won"),
            opportunity("o2", "A1", "R1", "2024-03-01", "2024-12-31", 500.0, "won"),
            opportunity("o3", "A1", "R1", "2025-11-01", "2026-01-01", 200.0, "won"),
            opportunity("o4", "A1", "R1", "2025-02-01", "2025-06-01", 300.0, "lost"),
            opportunity("o5", "A1", "R1", "2025-10-01", null, 700.0, "open"),
            opportunity("o6", "A1", "R1", "2025-11-15", null, 100.0, "Open "),
            // A3: a trailing-year win, an old loss, nothing won in the prior year.
            opportunity("o7", "A3", "R2", "2023-01-01", "2025-03-01", 400.0, "won"),
            opportunity("o8", "A3", "R2", "2023-02-01", "2023-06-01", 50.0, "lost"),
            // Not an account of this run: ignored, but its history still counts.
            opportunity("o9", "ZZ", "R2", "2024-01-01", "2025-05-01", 999.0, "won"));
    Dataset<Row> result = AccountFeatures.compute(accounts, opportunities, AS_OF);
    assertEquals(
        List.of(
            "account_id",
            "bookings_t12m",
            "bookings_prior_12m",
            "growth",
            "won_count",
            "lost_count",
            "win_rate",
            "open_pipeline",
            "open_count",
            "history_years",
            "avg_annual_bookings"),
        List.of(result.columns()));
    features = byKey(result, AccountFeatures.ACCOUNT_ID);
  }

  private static Object value(String account, String column) {
    return features.get(account).getAs(column);
  }

  @Test
  void oneRowPerAccountAndNoneForUnknownAccounts() {
    assertEquals(3, features.size());
  }

  @Test
  void countsOnlyWonBookingsInTrailingTwelveMonths() {
    // o1 only: o2 is prior, o3 closes on asOf, o4 is lost, o5/o6 are open.
    assertEquals(1000.0, value("A1", AccountFeatures.BOOKINGS_T12M));
    assertEquals(400.0, value("A3", AccountFeatures.BOOKINGS_T12M));
  }

  @Test
  void opportunityClosingExactlyTwelveMonthsBeforeAsOfCountsInTrailingYear() {
    assertEquals(1000.0, value("A1", AccountFeatures.BOOKINGS_T12M));
  }

  @Test
  void opportunityClosingTheDayBeforeTwelveMonthsCountsInPriorYear() {
    assertEquals(500.0, value("A1", AccountFeatures.BOOKINGS_PRIOR_12M));
  }

  @Test
  void growthComparesTrailingWithPriorYear() {
    assertEquals((1000.0 - 500.0) / 500.0, value("A1", AccountFeatures.GROWTH));
  }

  @Test
  void growthIsNullWhenNoPriorBookings() {
    assertEquals(0.0, value("A3", AccountFeatures.BOOKINGS_PRIOR_12M));
    assertNull(value("A3", AccountFeatures.GROWTH));
  }

  @Test
  void winRateIsWonOverClosedAcrossAllHistory() {
    assertEquals(3L, value("A1", AccountFeatures.WON_COUNT));
    assertEquals(1L, value("A1", AccountFeatures.LOST_COUNT));
    assertEquals(0.75, value("A1", AccountFeatures.WIN_RATE));
    assertEquals(0.5, value("A3", AccountFeatures.WIN_RATE));
  }

  @Test
  void openPipelineSumsOpenOpportunitiesWhateverTheirCase() {
    assertEquals(800.0, value("A1", AccountFeatures.OPEN_PIPELINE));
    assertEquals(2L, value("A1", AccountFeatures.OPEN_COUNT));
    assertEquals(0.0, value("A3", AccountFeatures.OPEN_PIPELINE));
    assertEquals(0L, value("A3", AccountFeatures.OPEN_COUNT));
  }

  @Test
  void accountWithoutOpportunitiesHasZeroBookingsAndNullWinRate() {
    Row a2 = features.get("A2");
    assertEquals(0.0, a2.<Double>getAs(AccountFeatures.BOOKINGS_T12M));
    assertEquals(0.0, a2.<Double>getAs(AccountFeatures.BOOKINGS_PRIOR_12M));
    assertNull(a2.getAs(AccountFeatures.GROWTH));
    assertEquals(0L, a2.<Long>getAs(AccountFeatures.WON_COUNT));
    assertEquals(0L, a2.<Long>getAs(AccountFeatures.LOST_COUNT));
    assertNull(a2.getAs(AccountFeatures.WIN_RATE));
    assertEquals(0.0, a2.<Double>getAs(AccountFeatures.OPEN_PIPELINE));
    assertEquals(0L, a2.<Long>getAs(AccountFeatures.OPEN_COUNT));
    assertEquals(0.0, a2.<Double>getAs(AccountFeatures.AVG_ANNUAL_BOOKINGS));
  }

  @Test
  void historySpansEarliestOpportunityOfAnyAccountAndIsTheSameForAll() {
    for (String account : List.of("A1", "A2", "A3")) {
      assertEquals(HISTORY_YEARS, value(account, AccountFeatures.HISTORY_YEARS), account);
    }
  }

  @Test
  void averageAnnualBookingsSpreadsAllWonAmountsOverHistory() {
    assertEquals(1700.0 / HISTORY_YEARS, value("A1", AccountFeatures.AVG_ANNUAL_BOOKINGS));
    assertEquals(400.0 / HISTORY_YEARS, value("A3", AccountFeatures.AVG_ANNUAL_BOOKINGS));
  }

  @Test
  void historyIsAtLeastOneMonthForBrandNewData() {
    Dataset<Row> accounts = table(InputSchema.ACCOUNTS, account("A1", "smb", 10L));
    Dataset<Row> opportunities =
        table(
            InputSchema.OPPORTUNITIES,
            opportunity("o1", "A1", "R1", "2025-12-20", "2025-12-30", 60.0, "won"));
    Row row = AccountFeatures.compute(accounts, opportunities, AS_OF).collectAsList().get(0);
    assertEquals(1.0 / 12.0, row.<Double>getAs(AccountFeatures.HISTORY_YEARS));
    assertEquals(720.0, row.<Double>getAs(AccountFeatures.AVG_ANNUAL_BOOKINGS), 1e-9);
  }
}
