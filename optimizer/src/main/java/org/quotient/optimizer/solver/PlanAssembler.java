package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.Assignment;
import org.quotient.optimizer.domain.AssignmentReason;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.SolverStatistics;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.domain.TerritorySummary;

/** Turns solved partitions into the published plan; all figures come from the input values. */
final class PlanAssembler {
  private PlanAssembler() {}

  static TerritoryPlan assemble(
      PlanningProblem problem, List<SegmentSolution> results, int partitions, long millis) {
    Map<String, Rep> reps = new HashMap<>();
    problem.reps().forEach(r -> reps.put(r.id(), r));
    Map<String, String> repOf = new HashMap<>();
    HardMediumSoftLongScore score = HardMediumSoftLongScore.ZERO;
    long taken = 0;
    List<String> outside = new ArrayList<>();
    for (SegmentSolution result : results) {
      score = score.add(HardMediumSoftLongScore.parseScore(result.score()));
      taken += result.takenFromCurrentRep();
      outside.addAll(result.outsideBands());
      for (int i = 0; i < result.accountIds().size(); i++) {
        repOf.put(result.accountIds().get(i), result.repIds().get(i));
      }
    }

    List<Assignment> assignments = new ArrayList<>(problem.accounts().size());
    Map<String, Totals> totals = new HashMap<>();
    problem.reps().forEach(r -> totals.put(r.id(), new Totals()));
    List<String> violations = new ArrayList<>();
    int moved = 0;
    for (Account a : problem.accounts()) {
      String repId = repOf.get(a.id());
      Rep rep = reps.get(repId);
      boolean isMoved = !repId.equals(a.currentRepId());
      if (isMoved) {
        moved++;
      }
      assignments.add(
          new Assignment(a.id(), repId, a.currentRepId(), isMoved, reason(a, repId, reps)));
      totals.get(repId).add(a, rep);
      if (!rep.segment().equals(a.segment())) {
        violations.add(
            OptimizerErrors.accountOutsideSegment(a.id(), a.segment(), rep.id(), rep.segment()));
      }
      if (a.isLocked() && !a.lockedRepId().equals(repId)) {
        violations.add(OptimizerErrors.lockBroken(a.id(), a.lockedRepId(), repId));
      }
    }

    Map<String, double[]> segmentMeans = new HashMap<>(); // potential, workload, capacity
    for (Rep r : problem.reps()) {
      Totals t = totals.get(r.id());
      double[] m = segmentMeans.computeIfAbsent(r.segment(), k -> new double[3]);
      m[0] += t.potential;
      m[1] += t.workload;
      m[2] += r.capacity();
    }
    List<TerritorySummary> summaries = new ArrayList<>(problem.reps().size());
    for (Rep r : problem.reps()) {
      Totals t = totals.get(r.id());
      double[] m = segmentMeans.get(r.segment());
      summaries.add(
          new TerritorySummary(
              r.id(),
              r.segment(),
              r.capacity(),
              t.potential,
              t.workload,
              t.accounts,
              t.travelCount == 0 ? Double.NaN : t.travelKm / t.travelCount,
              index(t.potential, r.capacity(), m[0], m[2]),
              index(t.workload, r.capacity(), m[1], m[2])));
      if (SegmentPartition.milliHours(t.workload)
          > SegmentPartition.maxMilliHours(r.maxWorkload())) {
        violations.add(OptimizerErrors.workloadAboveMax(r.id(), t.workload, r.maxWorkload()));
      }
    }
    boolean feasible = score.hardScore() == 0 && violations.isEmpty();
    return new TerritoryPlan(
        List.copyOf(assignments),
        List.copyOf(summaries),
        new SolverStatistics(
            score.toString(),
            feasible,
            millis,
            partitions,
            moved,
            List.copyOf(violations),
            taken,
            outside.isEmpty(),
            List.copyOf(outside)));
  }

  private static AssignmentReason reason(Account a, String repId, Map<String, Rep> reps) {
    if (a.isLocked()) {
      return AssignmentReason.LOCKED;
    }
    if (a.currentRepId() == null) {
      return AssignmentReason.NEW_ACCOUNT;
    }
    Rep current = reps.get(a.currentRepId());
    if (current == null || !current.segment().equals(a.segment())) {
      return AssignmentReason.REASSIGNED;
    }
    return a.currentRepId().equals(repId) ? AssignmentReason.KEPT : AssignmentReason.REBALANCED;
  }

  /** Per-capacity value over the segment's per-capacity mean; 1.0 when the segment has none. */
  private static double index(
      double value, double capacity, double segmentTotal, double segmentCapacity) {
    if (segmentTotal == 0) {
      return 1.0;
    }
    return (value / capacity) / (segmentTotal / segmentCapacity);
  }

  private static final class Totals {
    double potential;
    double workload;
    int accounts;
    double travelKm;
    int travelCount;

    void add(Account a, Rep rep) {
      potential += a.potential();
      workload += a.workload();
      accounts++;
      if (a.location() != null && rep.home() != null) {
        travelKm += rep.home().distanceKm(a.location());
        travelCount++;
      }
    }
  }
}
