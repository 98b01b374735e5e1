package org.quotient.optimizer.domain;

/**
 * How the solve went.
 *
 * @param score the final OptaPlanner score as text summed over partitions (e.g.
 *     "0hard/0medium/-1234soft")
 * @param feasible true when no hard constraint is broken
 * @param solveMillis wall time of the solve
 * @param partitions number of independent sub-problems solved: segments plus the geographic
 *     clusters local search ran on
 * @param movedAccounts accounts whose owner changed
 * @param hardViolations human-readable hard-constraint violations (empty when feasible)
 * @param takenFromCurrentRep accounts taken from a current rep who could have kept them (what the
 *     move budget counts; new and orphaned accounts are not in it)
 * @param bandsReached true when every rep's potential and workload per capacity are within their
 *     tolerance bands
 * @param outsideBands one line per rep outside a band, saying how far and why
 */
public record SolverStatistics(
    String score,
    boolean feasible,
    long solveMillis,
    int partitions,
    int movedAccounts,
    java.util.List<String> hardViolations,
    long takenFromCurrentRep,
    boolean bandsReached,
    java.util.List<String> outsideBands) {}
