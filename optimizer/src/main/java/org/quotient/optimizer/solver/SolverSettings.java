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
 * @param maxMovedFraction the most accounts the plan may move away from a current rep who could
 *     keep them, as a fraction of all accounts (1.0 = no limit); accounts that must move (their rep
 *     left or may no longer own them) do not count. Balance is then as good as that budget allows.
 * @param workloadTolerance the band (e.g. 0.05 for +-5%) for workload per capacity around the
 *     segment mean, pursued together with the potential band
 */
public record SolverSettings(
    TerritoryWeights weights,
    Duration timeLimit,
    long seed,
    double balanceTolerance,
    double maxMovedFraction,
    double workloadTolerance)
    implements java.io.Serializable {
  public SolverSettings {
    if (!(workloadTolerance >= 0)) {
      throw new IllegalArgumentException(
          "workloadTolerance must be >= 0, was " + workloadTolerance);
    }
    if (!(maxMovedFraction >= 0 && maxMovedFraction <= 1)) {
      throw new IllegalArgumentException(
          "maxMovedFraction must be in 0..1, was " + maxMovedFraction);
    }
  }

  /** Settings without a limit on moved accounts. */
  public SolverSettings(
      TerritoryWeights weights, Duration timeLimit, long seed, double balanceTolerance) {
    this(weights, timeLimit, seed, balanceTolerance, 1.0, DEFAULT_WORKLOAD_TOLERANCE);
  }

  /** Settings with the default workload tolerance. */
  public SolverSettings(
      TerritoryWeights weights,
      Duration timeLimit,
      long seed,
      double balanceTolerance,
      double maxMovedFraction) {
    this(weights, timeLimit, seed, balanceTolerance, maxMovedFraction, DEFAULT_WORKLOAD_TOLERANCE);
  }

  public static final double DEFAULT_WORKLOAD_TOLERANCE = 0.05;

  public static SolverSettings defaults() {
    return new SolverSettings(TerritoryWeights.DEFAULT, Duration.ofSeconds(30), 42L, 0.02);
  }

  public SolverSettings withMaxMovedFraction(double fraction) {
    return new SolverSettings(
        weights, timeLimit, seed, balanceTolerance, fraction, workloadTolerance);
  }

  public SolverSettings withWorkloadTolerance(double tolerance) {
    return new SolverSettings(
        weights, timeLimit, seed, balanceTolerance, maxMovedFraction, tolerance);
  }
}
