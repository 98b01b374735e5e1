package org.quotient.optimizer.geo;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.optaplanner.core.api.score.stream.uni.UniConstraintCollector;

/**
 * Collects the units of one territory and finishes with the number of connected pieces they form in
 * the adjacency graph (1 for a connected territory). The pieces are recounted by breadth-first
 * search when the group changes: linear in the territory's size, cheap at county or ZIP scale.
 */
final class ConnectedPiecesCollector
    implements UniConstraintCollector<GeoUnitAssignment, Map<Integer, GeoUnitAssignment>, Integer> {

  @Override
  public Supplier<Map<Integer, GeoUnitAssignment>> supplier() {
    return HashMap::new;
  }

  @Override
  public BiFunction<Map<Integer, GeoUnitAssignment>, GeoUnitAssignment, Runnable> accumulator() {
    return (members, unit) -> {
      members.put(unit.index(), unit);
      return () -> members.remove(unit.index());
    };
  }

  @Override
  public Function<Map<Integer, GeoUnitAssignment>, Integer> finisher() {
    return ConnectedPiecesCollector::pieces;
  }

  static int pieces(Map<Integer, GeoUnitAssignment> members) {
    Map<Integer, Boolean> seen = new HashMap<>();
    ArrayDeque<GeoUnitAssignment> queue = new ArrayDeque<>();
    int pieces = 0;
    for (GeoUnitAssignment start : members.values()) {
      if (seen.putIfAbsent(start.index(), Boolean.TRUE) != null) {
        continue;
      }
      pieces++;
      queue.add(start);
      while (!queue.isEmpty()) {
        GeoUnitAssignment unit = queue.poll();
        for (int neighbour : unit.neighbours()) {
          GeoUnitAssignment next = members.get(neighbour);
          if (next != null && seen.putIfAbsent(neighbour, Boolean.TRUE) == null) {
            queue.add(next);
          }
        }
      }
    }
    return pieces;
  }
}
