package org.quotient.optimizer.solver;

/**
 * Relative importance of the soft goals. Zero switches a goal off.
 *
 * @param potentialBalance even potential per unit of capacity across reps of a segment
 * @param workloadBalance even workload per unit of capacity across reps of a segment
 * @param disruption keep accounts with their current rep
 * @param travel keep accounts close to their rep's home
 */
public record TerritoryWeights(
    double potentialBalance, double workloadBalance, double disruption, double travel)
    implements java.io.Serializable {
  public static final TerritoryWeights DEFAULT = new TerritoryWeights(10, 3, 1, 1);

  public TerritoryWeights {
    if (potentialBalance < 0 || workloadBalance < 0 || disruption < 0 || travel < 0) {
      throw new IllegalArgumentException("territory weights must be >= 0");
    }
  }
}
