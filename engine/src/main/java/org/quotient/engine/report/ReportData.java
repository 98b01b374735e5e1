package org.quotient.engine.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTML report shows, gathered by the job (the report never reads the lake).
 *
 * @param movedByReason accounts per assignment reason (kept, rebalanced, ...)
 */
public record ReportData(
    String planId,
    Instant createdAt,
    LocalDate asOf,
    String input,
    BigDecimal target,
    BigDecimal quotaTotal,
    int accounts,
    long movedAccounts,
    String potentialBalance,
    String potentialBalanceBefore,
    String workloadBalance,
    double modelHeldOutR2,
    double solveSeconds,
    Map<String, Long> movedByReason,
    List<RepRow> reps) {

  /** One rep's line: territory before and after, and the quota with its explanation. */
  public record RepRow(
      String repId,
      String segment,
      double capacity,
      int accounts,
      double potential,
      double balanceIndexBefore,
      double balanceIndex,
      double workloadIndex,
      Double meanTravelKm,
      BigDecimal quota,
      BigDecimal previousQuota,
      double rampFactor,
      String capApplied,
      String explanation) {}
}
