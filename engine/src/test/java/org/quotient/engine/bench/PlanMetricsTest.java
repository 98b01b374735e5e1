package org.quotient.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanMetricsTest {
  @Test
  void travelChangeIsSplitByHowFarEachMovedAccountGoes() {
    // homes 1 and 10 degrees of longitude east of A's on the equator: ~111 km and ~1,112 km
    Tiny t =
        new Tiny()
            .rep("A", 1, 0, 0)
            .rep("B", 1, 0, 1)
            .rep("C", 1, 0, 10)
            .owned("A", 0, 0, 10, 10)
            .owned("C", 0, 10, 10);
    // a0 goes to B (+111 km), a1 to C (+1,112 km), a2 stays
    PlanMetrics m = PlanMetrics.of(t.problem(), Map.of("a0", "B", "a1", "C", "a2", "C"));
    double degree = 6371.0088 * Math.PI / 180;
    assertEquals(degree / 3, m.travelChange()[0], 0.5);
    assertEquals(0.0, m.travelChange()[1], 1e-12);
    assertEquals(10 * degree / 3, m.travelChange()[2], 0.5);
  }

  @Test
  void handComputedSpreadMovesTravelAndViolations() {
    // A (1 FTE) at (0,0), B (0.5 FTE) at (0,1); a2 moves from A to B
    Tiny t =
        new Tiny()
            .rep("A", "s", 1.0, 100, 0, 0)
            .rep("B", "s", 0.5, 15, 0, 1)
            .account("s", 30, 10, 0, 0, "A", null)
            .account("s", 10, 10, 0, 1, "B", null)
            .account("s", 20, 10, 0, 0, "A", null);
    PlanMetrics m = PlanMetrics.of(t.problem(), Map.of("a0", "A", "a1", "B", "a2", "B"));
    // potential per capacity: A 30/40 = 0.75, B 30/(0.5*40) = 1.5
    assertEquals(0.5, m.potential().maxOver(), 1e-12);
    assertEquals(0.25, m.potential().minUnder(), 1e-12);
    assertEquals(Math.sqrt((0.0625 + 0.5 * 0.25) / 1.5), m.potential().cv(), 1e-12);
    // workload per capacity: A 10/20 = 0.5, B 20/(0.5*20) = 2.0
    assertEquals(1.0, m.workload().maxOver(), 1e-12);
    assertEquals(0.5, m.workload().minUnder(), 1e-12);
    assertEquals(1, m.movedAccounts());
    assertEquals(100.0 / 3, m.movedPercent(), 1e-9);
    assertEquals(100.0 / 3, m.potentialMovedPercent(), 1e-9);
    assertEquals(0, m.mustMove());
    // only a2 travels: one degree of longitude at the equator
    assertEquals(111.195 / 3, m.meanTravelKm(), 0.01);
    assertEquals(1, m.workloadViolations()); // B 20 h > 15 h
    assertFalse(m.feasible());
  }

  @Test
  void accountsOfADepartedRepAreMustMoveNotMoved() {
    Tiny t = new Tiny().rep("A", 1, 0, 0).owned("GONE", 0, 0, 10).owned("A", 0, 0, 10);
    PlanMetrics m = PlanMetrics.of(t.problem(), Map.of("a0", "A", "a1", "A"));
    assertEquals(0, m.movedAccounts());
    assertEquals(1, m.mustMove());
  }

  @Test
  void anAccountOnARepOfAnotherSegmentOrOffItsLockIsAViolation() {
    Tiny t =
        new Tiny()
            .rep("A", "s", 1, 100, 0, 0)
            .rep("B", "t", 1, 100, 0, 0)
            .account("s", 10, 1, 0, 0, "A", "A")
            .account("t", 10, 1, 0, 0, "B", null);
    PlanMetrics m = PlanMetrics.of(t.problem(), Map.of("a0", "B", "a1", "B"));
    assertEquals(1, m.segmentViolations());
    assertEquals(1, m.lockViolations());
  }
}
