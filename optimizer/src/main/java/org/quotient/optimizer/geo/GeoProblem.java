package org.quotient.optimizer.geo;

import java.util.List;

/**
 * A geographic-unit territory problem: split {@code units} into {@code territories} connected
 * territories (connected in the adjacency graph given by {@code edges}), each balanced measure
 * within {@code tolerance} (a fraction: 0.005 is ±0.5%) of its mean over territories. {@code
 * unitsSource} and {@code edgesSource} name the inputs in error messages (e.g. file names); edge
 * row numbers count from 1 in list order.
 */
public record GeoProblem(
    String unitsSource,
    List<GeoUnit> units,
    String edgesSource,
    List<GeoEdge> edges,
    List<String> measureNames,
    int territories,
    double tolerance,
    GeoObjective objective) {
  public GeoProblem {
    units = List.copyOf(units);
    edges = List.copyOf(edges);
    measureNames = List.copyOf(measureNames);
  }
}
