package org.quotient.optimizer.domain;

/**
 * One rep's territory in the plan.
 *
 * @param repId the rep
 * @param segment the rep's segment
 * @param capacity the rep's FTE
 * @param potential total potential of the accounts owned
 * @param workload total workload (hours) of the accounts owned
 * @param accounts number of accounts owned
 * @param meanTravelKm mean distance from the rep's home to the accounts; NaN when unknown
 * @param balanceIndex potential per capacity divided by the segment's mean potential per capacity
 *     (1.0 is perfectly balanced)
 * @param workloadIndex workload per capacity divided by the segment's mean workload per capacity
 */
public record TerritorySummary(
    String repId,
    String segment,
    double capacity,
    double potential,
    double workload,
    int accounts,
    double meanTravelKm,
    double balanceIndex,
    double workloadIndex) {}
