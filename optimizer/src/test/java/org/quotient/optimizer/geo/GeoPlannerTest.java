package org.quotient.optimizer.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeoPlannerTest {
  private static final List<String> POPULATION = List.of("pop_est2019");
  private static final GeoSettings SETTINGS =
      GeoSettings.defaults().withTimeLimit(Duration.ofSeconds(60));

  private static GeoPlan plan(GeoProblem problem) {
    return GeoPlanner.plan(problem, SETTINGS, line -> {});
  }

  @Test
  void splitsIowaIntoFourContiguousTerritoriesWithinHalfAPercentOfPopulation() {
    List<GeoUnit> iowa = UsCounties.units("IA"::equals, "pop_est2019");
    GeoProblem problem = UsCounties.problem(iowa, POPULATION, 4, 0.005, GeoObjective.CUT_EDGES);

    GeoPlan plan = plan(problem);

    assertEquals(99, iowa.size());
    assertTrue(plan.feasible(), plan.violations().toString());
    assertEquals(List.of(), plan.violations());
    assertEveryTerritoryConnected(problem, plan);
    assertEveryMeasureWithin(problem, plan, 0.005);
    assertTrue(plan.maxDeviations().get(0) <= 0.005, plan.maxDeviations().toString());
    assertFalse(plan.timeLimitHit());
  }

  @Test
  void balancesThreeMeasuresWithinFivePercentAcrossArkansasLouisianaAndMississippi() {
    Set<String> states = Set.of("AR", "LA", "MS");
    String[] columns = {"pop_est2019", "aland_m2", "pop_census2010"};
    List<GeoUnit> units = UsCounties.units(states::contains, columns);
    GeoProblem problem =
        UsCounties.problem(units, List.of(columns), 10, 0.05, GeoObjective.CUT_EDGES);

    GeoPlan plan = plan(problem);

    assertEquals(221, units.size());
    assertTrue(plan.feasible(), plan.violations().toString());
    assertEveryTerritoryConnected(problem, plan);
    assertEveryMeasureWithin(problem, plan, 0.05);
  }

  @Test
  void everyTerritoryIsConnectedWhenMinimizingCompactness() {
    List<GeoUnit> kansas = UsCounties.units("KS"::equals, "pop_est2019");
    GeoProblem problem = UsCounties.problem(kansas, POPULATION, 3, 0.02, GeoObjective.COMPACTNESS);

    GeoPlan plan = plan(problem);

    assertTrue(plan.feasible(), plan.violations().toString());
    assertEveryTerritoryConnected(problem, plan);
    assertEveryMeasureWithin(problem, plan, 0.02);
    assertTrue(plan.compactnessKm2().isPresent());
  }

  @Test
  void sameSeedGivesTheSamePlan() {
    List<GeoUnit> iowa = UsCounties.units("IA"::equals, "pop_est2019");
    GeoProblem problem = UsCounties.problem(iowa, POPULATION, 5, 0.01, GeoObjective.CUT_EDGES);

    GeoPlan first = plan(problem);
    GeoPlan second = plan(problem);

    assertEquals(first.assignments(), second.assignments());
    assertEquals(first.score(), second.score());
  }

  @Test
  void reportsTheViolationsAndWhyWhenNoPlanCanBeFeasible() {
    // Harris County (4.7 million people) alone exceeds a tenth of Texas plus 5%.
    List<GeoUnit> texas = UsCounties.units("TX"::equals, "pop_est2019");
    GeoProblem problem = UsCounties.problem(texas, POPULATION, 10, 0.05, GeoObjective.CUT_EDGES);

    GeoPlan plan =
        GeoPlanner.plan(
            problem, new GeoSettings(1, Duration.ofSeconds(30), 100, false), line -> {});

    assertFalse(plan.feasible());
    assertEquals(10, plan.territories().size());
    assertEveryTerritoryConnected(problem, plan);
    assertTrue(
        plan.violations()
            .contains(
                "unit 48201 alone has pop_est2019 4,713,325, above the upper limit 3,044,567.51"
                    + " of every territory (mean 2,899,588.10 ±5%), so no plan can be feasible;"
                    + " use fewer territories or a wider tolerance"),
        plan.violations().toString());
    assertTrue(
        plan.violations().stream().anyMatch(v -> v.startsWith("territory ")),
        plan.violations().toString());
  }

  @Test
  void rejectsEdgeToUnknownUnit() {
    GeoProblem problem =
        tiny(List.of(new GeoEdge("A", "B"), new GeoEdge("B", "C"), new GeoEdge("C", "Z")), 2);

    GeoException e = assertThrows(GeoException.class, () -> plan(problem));

    assertEquals(
        "edges.csv line 4: unit_b Z is not in units.csv; fix the id or add the unit, or pass"
            + " --ignore-unknown-edges to skip edges to unknown units with a warning",
        e.getMessage());
  }

  @Test
  void skipsEdgesToUnknownUnitsWithAWarningWhenAsked() {
    GeoProblem problem =
        tiny(List.of(new GeoEdge("A", "B"), new GeoEdge("B", "C"), new GeoEdge("C", "Z")), 2);
    List<String> log = new ArrayList<>();

    GeoPlan plan = GeoPlanner.plan(problem, SETTINGS.withIgnoreUnknownEdges(true), log::add);

    String warning =
        "skipped 1 edge(s) of edges.csv naming a unit that is not in the units"
            + " (--ignore-unknown-edges): C-Z (line 4)";
    assertEquals(List.of(warning), plan.warnings());
    assertTrue(log.contains(warning), log.toString());
    assertTrue(plan.feasible(), plan.violations().toString());
  }

  @Test
  void rejectsDisconnectedGraphWithTooFewTerritories() {
    // Hawaii, Kauai and Honolulu have no adjacency rows (SOURCE.md); Kalawao borders Maui.
    List<GeoUnit> hawaii = UsCounties.units("HI"::equals, "pop_est2019");
    GeoProblem problem = UsCounties.problem(hawaii, POPULATION, 2, 0.05, GeoObjective.CUT_EDGES);

    GeoException e = assertThrows(GeoException.class, () -> plan(problem));

    assertEquals(
        "the adjacency graph has 4 separate parts but only 2 territories were asked for; a"
            + " territory must be connected, so every part needs its own territory. Parts:"
            + " {15001}, {15003}, {15007}, {15005, 15009}. Add the missing edges (an island"
            + " needs an edge to the unit it belongs with), leave the isolated units out, or raise"
            + " --territories to at least 4",
        e.getMessage());
  }

  @Test
  void rejectsSelfLoop() {
    GeoProblem problem = tiny(List.of(new GeoEdge("A", "B"), new GeoEdge("B", "B")), 2);

    GeoException e = assertThrows(GeoException.class, () -> plan(problem));

    assertEquals(
        "edges.csv line 3: unit B is listed as adjacent to itself; remove the row", e.getMessage());
  }

  @Test
  void rejectsDuplicateUnit() {
    List<GeoUnit> units = List.of(unit("A", 1), unit("B", 1), unit("A", 2));
    GeoProblem problem =
        new GeoProblem(
            "units.csv",
            units,
            "edges.csv",
            List.of(new GeoEdge("A", "B")),
            List.of("accounts"),
            1,
            0.1,
            GeoObjective.CUT_EDGES);

    GeoException e = assertThrows(GeoException.class, () -> plan(problem));

    assertEquals(
        "units.csv line 4: unit_id A already appears on line 2; list each unit once",
        e.getMessage());
  }

  @Test
  void rejectsNegativeOrNonNumericMeasure() {
    List<GeoUnit> units = List.of(unit("A", 1), unit("B", -3), unit("C", 1));
    GeoProblem problem =
        new GeoProblem(
            "units.csv",
            units,
            "edges.csv",
            List.of(new GeoEdge("A", "B"), new GeoEdge("B", "C")),
            List.of("accounts"),
            2,
            0.1,
            GeoObjective.CUT_EDGES);

    GeoException e = assertThrows(GeoException.class, () -> plan(problem));

    assertEquals(
        "units.csv line 3 (unit B), column accounts: -3 is not allowed; balanced measures must be"
            + " numbers >= 0",
        e.getMessage());
  }

  @Test
  void rejectsTerritoryCountAboveTheNumberOfUnits() {
    GeoException e =
        assertThrows(
            GeoException.class,
            () -> plan(tiny(List.of(new GeoEdge("A", "B"), new GeoEdge("B", "C")), 4)));

    assertEquals(
        "--territories must be between 1 and the number of units (3), was 4", e.getMessage());
  }

  @Test
  void rejectsCompactnessWhenUnitsHaveNoLocation() {
    GeoProblem problem =
        new GeoProblem(
            "units.csv",
            List.of(unit("A", 1), unit("B", 1)),
            "edges.csv",
            List.of(new GeoEdge("A", "B")),
            List.of("accounts"),
            2,
            0.1,
            GeoObjective.COMPACTNESS);

    GeoException e = assertThrows(GeoException.class, () -> plan(problem));

    assertEquals(
        "compactness needs lat and lon for every unit, but 2 unit(s) of units.csv have none"
            + " (e.g. A); add lat,lon columns or use --objective cut-edges",
        e.getMessage());
  }

  private static GeoUnit unit(String id, double value) {
    return new GeoUnit(id, null, new double[] {value});
  }

  /** Units A, B, C of 1 account each (no location) and the given edges. */
  private static GeoProblem tiny(List<GeoEdge> edges, int territories) {
    return new GeoProblem(
        "units.csv",
        List.of(unit("A", 1), unit("B", 1), unit("C", 1)),
        "edges.csv",
        edges,
        List.of("accounts"),
        territories,
        0.6,
        GeoObjective.CUT_EDGES);
  }

  /** Independent check: each territory's units form one piece of the problem's edges. */
  static void assertEveryTerritoryConnected(GeoProblem problem, GeoPlan plan) {
    Map<String, Integer> territoryOf = new HashMap<>();
    plan.assignments().forEach(a -> territoryOf.put(a.unitId(), a.territory()));
    assertEquals(problem.units().size(), territoryOf.size());
    Map<String, List<String>> neighbours = new HashMap<>();
    for (GeoEdge edge : problem.edges()) {
      neighbours.computeIfAbsent(edge.a(), id -> new ArrayList<>()).add(edge.b());
      neighbours.computeIfAbsent(edge.b(), id -> new ArrayList<>()).add(edge.a());
    }
    for (int t = 0; t < problem.territories(); t++) {
      int territory = t;
      List<String> members =
          territoryOf.entrySet().stream()
              .filter(e -> e.getValue() == territory)
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      assertFalse(members.isEmpty(), "territory " + t + " is empty");
      Set<String> seen = new HashSet<>(List.of(members.get(0)));
      ArrayDeque<String> queue = new ArrayDeque<>(seen);
      while (!queue.isEmpty()) {
        for (String next : neighbours.getOrDefault(queue.poll(), List.of())) {
          if (territoryOf.get(next) == territory && seen.add(next)) {
            queue.add(next);
          }
        }
      }
      assertEquals(members.size(), seen.size(), "territory " + t + " is not connected");
    }
  }

  /** Independent check: each measure of each territory within ±tolerance of its mean. */
  static void assertEveryMeasureWithin(GeoProblem problem, GeoPlan plan, double tolerance) {
    Map<String, GeoUnit> units = new HashMap<>();
    problem.units().forEach(u -> units.put(u.id(), u));
    int k = problem.territories();
    int measures = problem.measureNames().size();
    double[][] totals = new double[k][measures];
    double[] grand = new double[measures];
    for (GeoAssignment a : plan.assignments()) {
      double[] values = units.get(a.unitId()).measures();
      for (int m = 0; m < measures; m++) {
        totals[a.territory()][m] += values[m];
        grand[m] += values[m];
      }
    }
    for (int t = 0; t < k; t++) {
      for (int m = 0; m < measures; m++) {
        double mean = grand[m] / k;
        double deviation = Math.abs(totals[t][m] - mean) / mean;
        assertTrue(
            deviation <= tolerance + 1e-6,
            "territory " + t + ", " + problem.measureNames().get(m) + ": " + deviation);
      }
    }
  }
}
