package org.quotient.optimizer.solver;

import java.time.Duration;

/**
 * How to solve.
 *
 * @param weights soft-goal weights
 * @param timeLimit safety cap on the wall time of a solve, all partitions together; local search
 *     normally ends earlier on deterministic step and evaluation counts, and a plan cut short by
 *     this cap is flagged in the progress output (reruns may then differ)
 * @param seed random seed; same problem, settings and seed give the same plan
 * @param balanceTolerance the band (e.g. 0.02 for +-2%) the construction heuristic rebalances
 *     potential per capacity into before local search polishes
 */
public record SolverSettings(
    TerritoryWeights weights, Duration timeLimit, long seed, double balanceTolerance) {
  public static SolverSettings defaults() {
    return new SolverSettings(TerritoryWeights.DEFAULT, Duration.ofSeconds(30), 42L, 0.02);
  }
}
