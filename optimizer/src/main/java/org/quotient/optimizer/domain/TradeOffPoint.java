package org.quotient.optimizer.domain;

import java.util.List;

/**
 * One point of the balance-versus-disruption curve: what a move budget buys.
 *
 * @param maxMovedFraction the budget asked for (fraction of all accounts; 1.0 = no limit)
 * @param movedAccounts accounts with a new owner (including those that had to move)
 * @param takenFromCurrentRep accounts taken from a rep who could keep them (what the budget counts)
 * @param worstBalanceDeviation largest |balance index - 1| over reps
 * @param worstWorkloadDeviation largest |workload index - 1| over reps
 * @param repsOutsideBands reps outside the potential or workload band
 * @param plan the plan itself
 */
public record TradeOffPoint(
    double maxMovedFraction,
    int movedAccounts,
    long takenFromCurrentRep,
    double worstBalanceDeviation,
    double worstWorkloadDeviation,
    int repsOutsideBands,
    TerritoryPlan plan) {
  public static TradeOffPoint of(double fraction, TerritoryPlan plan) {
    double balance = 0;
    double workload = 0;
    List<TerritorySummary> summaries = plan.summaries();
    for (TerritorySummary s : summaries) {
      balance = Math.max(balance, Math.abs(s.balanceIndex() - 1));
      workload = Math.max(workload, Math.abs(s.workloadIndex() - 1));
    }
    return new TradeOffPoint(
        fraction,
        plan.statistics().movedAccounts(),
        plan.statistics().takenFromCurrentRep(),
        balance,
        workload,
        plan.statistics().outsideBands().size(),
        plan);
  }
}
