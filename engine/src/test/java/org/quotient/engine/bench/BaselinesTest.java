package org.quotient.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  /** Four reps in four cities, each owning the accounts of its city; Seattle has too much. */
  private static Tiny fourCities() {
    return new Tiny()
        .rep("SEA", 1, 47.6, -122.3)
        .rep("DEN", 1, 39.7, -105.0)
        .rep("CHI", 1, 41.9, -87.6)
        .rep("NYC", 1, 40.7, -74.0)
        .owned("SEA", 47.6, -122.3, 50, 30, 20, 10, 40, 30)
        .owned("DEN", 39.7, -105.0, 45, 25, 15, 5)
        .owned("CHI", 41.9, -87.6, 40, 35, 22, 3)
        .owned("NYC", 40.7, -74.0, 38, 28, 18, 16);
  }

  @Test
  void lptBalancesButMovesAlmostEverything() {
    IndexedProblem p = fourCities().indexed();
    PlanMetrics m = PlanMetrics.of(p, GreedyLpt.assign(p));
    PlanMetrics today = PlanMetrics.of(p, CurrentAssignment.assign(p));
    assertTrue(today.potential().maxOver() > 0.5, "today " + today.potential().maxOver());
    assertTrue(m.potential().maxOver() <= 0.05, "max " + m.potential().maxOver());
    assertTrue(m.potential().minUnder() <= 0.05, "min " + m.potential().minUnder());
    assertTrue(m.movedPercent() >= 60, "moved " + m.movedPercent());
    assertTrue(m.meanTravelKm() > 1000 * Math.max(1, today.meanTravelKm()));
  }

  @Test
  void nearestRepKeepsTerritoriesCompact() {
    // today's owners are scrambled: two accounts per city belong to a far-away rep
    Tiny t =
        new Tiny()
            .rep("SEA", 1, 47.6, -122.3)
            .rep("NYC", 1, 40.7, -74.0)
            .owned("NYC", 47.6, -122.3, 10, 10)
            .owned("SEA", 47.6, -122.3, 10, 10, 10, 10)
            .owned("SEA", 40.7, -74.0, 10, 10);
    IndexedProblem p = t.indexed();
    PlanMetrics nearest = PlanMetrics.of(p, NearestRep.assign(p));
    assertEquals(0.0, nearest.meanTravelKm(), 1e-6);
    assertEquals(4, nearest.movedAccounts());
    // compact but unbalanced: Seattle has 60 of 80
    assertEquals(0.5, nearest.potential().maxOver(), 1e-12);
    assertTrue(PlanMetrics.of(p, CurrentAssignment.assign(p)).meanTravelKm() > 1000);
  }

  @Test
  void currentAssignmentKeepsOwnersAndHandsOrphansToTheNearestRep() {
    Tiny t =
        new Tiny()
            .rep("SEA", 1, 47.6, -122.3)
            .rep("NYC", 1, 40.7, -74.0)
            .owned("SEA", 40.7, -74.0, 10)
            .owned("GONE", 40.7, -74.0, 10)
            .owned(null, 47.6, -122.3, 10);
    IndexedProblem p = t.indexed();
    int[] a = CurrentAssignment.assign(p);
    assertEquals(0, a[0]); // stays with SEA although NYC is nearer
    assertEquals(1, a[1]); // departed rep's account: nearest is NYC
    assertEquals(0, a[2]); // new account: nearest is SEA
    PlanMetrics m = PlanMetrics.of(p, a);
    assertEquals(0, m.movedAccounts());
    assertEquals(1, m.mustMove());
  }

  @Test
  void everyBaselineRespectsLocksAndSegments() {
    Tiny t =
        new Tiny()
            .rep("A", "s", 1, Double.POSITIVE_INFINITY, 0, 0)
            .rep("B", "s", 1, Double.POSITIVE_INFINITY, 0, 10)
            .rep("C", "t", 1, Double.POSITIVE_INFINITY, 0, 0)
            .account("s", 100, 1, 0, 10, "A", "A")
            .account("s", 10, 1, 0, 0, "A", null)
            .account("t", 10, 1, 0, 10, null, null);
    IndexedProblem p = t.indexed();
    for (int[] a :
        new int[][] {CurrentAssignment.assign(p), GreedyLpt.assign(p), NearestRep.assign(p)}) {
      PlanMetrics m = PlanMetrics.of(p, a);
      assertEquals(0, m.lockViolations());
      assertEquals(0, m.segmentViolations());
      assertEquals(0, a[0]);
      assertEquals(2, a[2]);
    }
  }

  @Test
  void plainOptaPlannerModelBalancesATinyProblem() {
    IndexedProblem p = fourCities().locked("SEA", 5).indexed();
    BenchMethod.Outcome o =
        new PlainOptaPlanner(Duration.ofSeconds(120), 1L, 500).run(p, line -> {});
    assertNotNull(o.assignment(), o.note());
    PlanMetrics m = PlanMetrics.of(p, o.assignment());
    assertTrue(m.feasible());
    assertTrue(m.potential().maxOver() <= 0.1, "max " + m.potential().maxOver());
  }
}
