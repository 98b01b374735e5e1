package org.quotient.optimizer.geo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated problem as arrays: units by index, their neighbours, measures, projected positions
 * (km, equirectangular around the data's mean latitude) and the connected parts of the graph.
 * Building it rejects every input no plan can be made from, with a {@link GeoErrors} message.
 */
final class GeoGraph {
  private static final double EARTH_RADIUS_KM = 6371.0088;
  private static final int EXAMPLES = 5;

  final GeoProblem problem;
  final int n;
  final int measureCount;
  final String[] ids;
  final double[][] measures;
  final int[][] neighbours;
  final List<GeoAdjacency> adjacencies;
  final boolean[] located;
  final double[] x;
  final double[] y;
  final int[] part;
  final int parts;
  final double[] totals;
  final List<String> warnings = new ArrayList<>();

  GeoGraph(GeoProblem problem, boolean ignoreUnknownEdges) {
    this.problem = problem;
    List<GeoUnit> units = problem.units();
    n = units.size();
    measureCount = problem.measureNames().size();
    if (n == 0) {
      throw GeoErrors.noUnits(problem.unitsSource());
    }
    if (measureCount == 0) {
      throw GeoErrors.noBalanceMeasure(List.of());
    }
    ids = new String[n];
    measures = new double[n][];
    located = new boolean[n];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      GeoUnit unit = units.get(i);
      Integer first = index.putIfAbsent(unit.id(), i);
      if (first != null) {
        throw GeoErrors.duplicateUnit(problem.unitsSource(), unit.id(), first + 2L, i + 2L);
      }
      ids[i] = unit.id();
      measures[i] = unit.measures();
      if (measures[i].length != measureCount) {
        throw new IllegalArgumentException(
            "unit "
                + unit.id()
                + " has "
                + measures[i].length
                + " measures, expected "
                + measureCount);
      }
      for (int m = 0; m < measureCount; m++) {
        double value = measures[i][m];
        if (!Double.isFinite(value) || value < 0) {
          throw GeoErrors.invalidMeasure(
              problem.unitsSource(), i + 2L, unit.id(), problem.measureNames().get(m), value);
        }
      }
      located[i] = unit.location() != null;
    }
    if (problem.territories() < 1 || problem.territories() > n) {
      throw GeoErrors.territoriesOutOfRange(problem.territories(), n);
    }
    if (!(problem.tolerance() > 0 && problem.tolerance() < 1)) {
      throw GeoErrors.toleranceOutOfRange(String.valueOf(problem.tolerance()));
    }
    totals = new double[measureCount];
    for (double[] values : measures) {
      for (int m = 0; m < measureCount; m++) {
        totals[m] += values[m];
      }
    }
    for (int m = 0; m < measureCount; m++) {
      if (totals[m] <= 0) {
        throw GeoErrors.measureSumsToZero(problem.measureNames().get(m));
      }
    }
    int unlocated = 0;
    String firstUnlocated = null;
    for (int i = 0; i < n; i++) {
      if (!located[i]) {
        unlocated++;
        firstUnlocated = firstUnlocated == null ? ids[i] : firstUnlocated;
      }
    }
    if (problem.objective() == GeoObjective.COMPACTNESS && unlocated > 0) {
      throw GeoErrors.compactnessNeedsLocations(problem.unitsSource(), unlocated, firstUnlocated);
    }
    x = new double[n];
    y = new double[n];
    project(units);

    List<Set<Integer>> adjacent = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      adjacent.add(new LinkedHashSet<>());
    }
    int skipped = 0;
    List<String> skippedExamples = new ArrayList<>();
    List<GeoEdge> edges = problem.edges();
    for (int row = 0; row < edges.size(); row++) {
      GeoEdge edge = edges.get(row);
      long line = row + 2L;
      Integer a = index.get(edge.a());
      Integer b = index.get(edge.b());
      if (a == null || b == null) {
        if (!ignoreUnknownEdges) {
          boolean aUnknown = a == null;
          throw GeoErrors.unknownUnitInEdge(
              problem.edgesSource(),
              line,
              aUnknown ? "unit_a" : "unit_b",
              aUnknown ? edge.a() : edge.b(),
              problem.unitsSource());
        }
        skipped++;
        if (skippedExamples.size() < EXAMPLES) {
          skippedExamples.add(edge.a() + "-" + edge.b() + " (line " + line + ")");
        }
        continue;
      }
      if (a.equals(b)) {
        throw GeoErrors.selfLoop(problem.edgesSource(), line, edge.a());
      }
      adjacent.get(a).add(b);
      adjacent.get(b).add(a);
    }
    if (skipped > 0) {
      warnings.add(GeoErrors.skippedUnknownEdges(problem.edgesSource(), skipped, skippedExamples));
    }
    neighbours = new int[n][];
    adjacencies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      neighbours[i] = adjacent.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
      for (int j : neighbours[i]) {
        if (i < j) {
          adjacencies.add(new GeoAdjacency(i, j));
        }
      }
    }
    part = new int[n];
    parts = labelParts();
    List<String> isolated = new ArrayList<>();
    int isolatedCount = 0;
    for (int i = 0; i < n; i++) {
      if (neighbours[i].length == 0) {
        isolatedCount++;
        if (isolated.size() < EXAMPLES) {
          isolated.add(ids[i]);
        }
      }
    }
    if (parts > problem.territories()) {
      throw GeoErrors.tooFewTerritoriesForParts(parts, problem.territories(), partExamples());
    }
    if (isolatedCount > 0) {
      warnings.add(GeoErrors.isolatedUnits(isolatedCount, isolated));
    }
  }

  private void project(List<GeoUnit> units) {
    double sumLat = 0;
    double sumLon = 0;
    int count = 0;
    for (GeoUnit unit : units) {
      if (unit.location() != null) {
        sumLat += unit.location().lat();
        sumLon += unit.location().lon();
        count++;
      }
    }
    if (count == 0) {
      return;
    }
    double lat0 = sumLat / count;
    double lon0 = sumLon / count;
    double cos = Math.cos(Math.toRadians(lat0));
    for (int i = 0; i < n; i++) {
      GeoPoint p = units.get(i).location();
      if (p != null) {
        x[i] = EARTH_RADIUS_KM * Math.toRadians(p.lon() - lon0) * cos;
        y[i] = EARTH_RADIUS_KM * Math.toRadians(p.lat() - lat0);
      }
    }
  }

  private int labelParts() {
    Arrays.fill(part, -1);
    int label = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < n; start++) {
      if (part[start] >= 0) {
        continue;
      }
      part[start] = label;
      queue.add(start);
      while (!queue.isEmpty()) {
        int u = queue.poll();
        for (int v : neighbours[u]) {
          if (part[v] < 0) {
            part[v] = label;
            queue.add(v);
          }
        }
      }
      label++;
    }
    return label;
  }

  /** The parts, smallest first (islands are the likely culprits), each as its unit ids. */
  private List<List<String>> partExamples() {
    List<List<String>> members = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      members.get(part[i]).add(ids[i]);
    }
    members.sort((a, b) -> Integer.compare(a.size(), b.size()));
    return members.subList(0, Math.min(EXAMPLES, members.size()));
  }

  int territories() {
    return problem.territories();
  }

  double mean(int m) {
    return totals[m] / problem.territories();
  }
}
