package org.quotient.optimizer.geo;

import java.util.List;

/**
 * One territory of a plan: its units, the total of each balanced measure, the relative deviation of
 * each total from its mean (+0.01 is 1% above), and how many connected pieces it has (1 when
 * contiguous).
 */
public record GeoTerritorySummary(
    int territory, int units, List<Double> totals, List<Double> deviations, int pieces) {
  public GeoTerritorySummary {
    totals = List.copyOf(totals);
    deviations = List.copyOf(deviations);
  }
}
