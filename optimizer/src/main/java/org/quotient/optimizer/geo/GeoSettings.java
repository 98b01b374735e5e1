package org.quotient.optimizer.geo;

import java.time.Duration;

/**
 * How hard and how long to search. The search ends on move counts ({@code movesPerUnit} times the
 * number of units per phase), so the same input and seed give the same plan; {@code timeLimit} is
 * only a safety cap, and the plan says when it was hit (reruns may then differ). {@code
 * ignoreUnknownEdges} skips edges naming a unit that is not in the units (with a warning) instead
 * of rejecting the input.
 */
public record GeoSettings(
    long seed, Duration timeLimit, int movesPerUnit, boolean ignoreUnknownEdges) {
  public static final int DEFAULT_MOVES_PER_UNIT = 3_000;

  public static GeoSettings defaults() {
    return new GeoSettings(42, Duration.ofSeconds(60), DEFAULT_MOVES_PER_UNIT, false);
  }

  public GeoSettings withSeed(long newSeed) {
    return new GeoSettings(newSeed, timeLimit, movesPerUnit, ignoreUnknownEdges);
  }

  public GeoSettings withTimeLimit(Duration newLimit) {
    return new GeoSettings(seed, newLimit, movesPerUnit, ignoreUnknownEdges);
  }

  public GeoSettings withIgnoreUnknownEdges(boolean ignore) {
    return new GeoSettings(seed, timeLimit, movesPerUnit, ignore);
  }
}
