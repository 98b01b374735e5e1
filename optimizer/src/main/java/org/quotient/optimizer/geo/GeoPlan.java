package org.quotient.optimizer.geo;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The result of the geographic mode: every unit's territory, per-territory summaries, and the
 * figures users judge a plan by. {@code feasible} means the hard constraints hold (every territory
 * connected and non-empty, every measure in its band); otherwise {@code violations} says which do
 * not, in words. {@code compactnessKm2} (sum of squared distances from units to their territory's
 * centre) is empty when some unit has no location. {@code maxDeviations} has, per measure, the
 * largest |total - mean| / mean over territories. {@code timeLimitHit} says the search was cut
 * short by the time limit, so a rerun may differ.
 */
public record GeoPlan(
    List<GeoAssignment> assignments,
    List<GeoTerritorySummary> territories,
    List<String> measureNames,
    double tolerance,
    GeoObjective objective,
    boolean feasible,
    String score,
    List<String> violations,
    List<String> warnings,
    long cutEdges,
    OptionalDouble compactnessKm2,
    List<Double> maxDeviations,
    Duration time,
    boolean timeLimitHit,
    long movesTried) {
  public GeoPlan {
    assignments = List.copyOf(assignments);
    territories = List.copyOf(territories);
    measureNames = List.copyOf(measureNames);
    violations = List.copyOf(violations);
    warnings = List.copyOf(warnings);
    maxDeviations = List.copyOf(maxDeviations);
  }
}
