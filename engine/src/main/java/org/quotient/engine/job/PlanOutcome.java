package org.quotient.engine.job;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a published run reports back: the plan id, where it went and its headline figures.
 *
 * @param rejectedRows input rows set aside in rejected_rows by --quarantine-bad-rows
 */
public record PlanOutcome(
    String planId,
    String lake,
    LocalDate asOf,
    int accounts,
    int reps,
    long movedAccounts,
    BalanceStats potentialBalance,
    BalanceStats workloadBalance,
    BigDecimal quotaTotal,
    BigDecimal target,
    long solveMillis,
    String solverScore,
    double modelHeldOutR2,
    double totalSeconds,
    String report,
    String lakeRoot,
    long rejectedRows) {}
