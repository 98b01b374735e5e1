package org.quotient.optimizer.domain;

/**
 * How the solve went.
 *
 * @param score the final OptaPlanner score as text summed over partitions (e.g.
 *     "0hard/0medium/-1234soft")
 * @param feasible true when no hard constraint is broken
 * @param solveMillis wall time of the solve
 * @param partitions number of independent sub-problems solved (e.g. one per segment)
 * @param movedAccounts accounts whose owner changed
 * @param hardViolations human-readable hard-constraint violations (empty when feasible)
 */
public record SolverStatistics(
    String score,
    boolean feasible,
    long solveMillis,
    int partitions,
    int movedAccounts,
    java.util.List<String> hardViolations) {}
