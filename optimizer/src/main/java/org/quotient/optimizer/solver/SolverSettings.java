package org.quotient.optimizer.solver;

import java.time.Duration;

/**
 * How to solve.
 *
 * @param weights soft-goal weights
 * @param timeLimit wall-time budget of the local search over all partitions
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
