package org.quotient.optimizer.solver;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;

/** Rejects problems no plan can satisfy, before any solving, with the first problem found. */
final class ProblemValidator {
  private ProblemValidator() {}

  static void validate(PlanningProblem problem) {
    Map<String, Rep> reps = new LinkedHashMap<>();
    for (Rep r : problem.reps()) {
      if (reps.put(r.id(), r) != null) {
        throw OptimizerErrors.duplicateRep(r.id());
      }
      if (Double.isNaN(r.maxWorkload()) || r.maxWorkload() < 0) {
        throw OptimizerErrors.invalidRepMaxWorkload(r.id(), r.maxWorkload());
      }
    }
    Set<String> accountIds = new HashSet<>();
    Set<String> segmentsWithReps = new HashSet<>();
    problem.reps().forEach(r -> segmentsWithReps.add(r.segment()));
    Map<String, Integer> orphanSegments = new LinkedHashMap<>();
    Map<String, Long> lockedMilliHours = new HashMap<>();
    for (Account a : problem.accounts()) {
      if (!accountIds.add(a.id())) {
        throw OptimizerErrors.duplicateAccount(a.id());
      }
      if (!(a.potential() >= 0) || Double.isInfinite(a.potential())) {
        throw OptimizerErrors.invalidAccountValue(a.id(), "potential", a.potential());
      }
      if (!(a.workload() >= 0) || Double.isInfinite(a.workload())) {
        throw OptimizerErrors.invalidAccountValue(a.id(), "workload", a.workload());
      }
      if (!segmentsWithReps.contains(a.segment())) {
        orphanSegments.merge(a.segment(), 1, Integer::sum);
      }
      if (a.isLocked()) {
        Rep lockedTo = reps.get(a.lockedRepId());
        if (lockedTo == null) {
          throw OptimizerErrors.lockedToUnknownRep(a.id(), a.lockedRepId());
        }
        if (!lockedTo.segment().equals(a.segment())) {
          throw OptimizerErrors.lockedAcrossSegments(
              a.id(), a.segment(), lockedTo.id(), lockedTo.segment());
        }
        lockedMilliHours.merge(lockedTo.id(), SegmentPartition.milliHours(a.workload()), Long::sum);
      }
    }
    for (Map.Entry<String, Integer> e : orphanSegments.entrySet()) {
      throw OptimizerErrors.segmentWithoutReps(e.getKey(), e.getValue());
    }
    for (Rep r : reps.values()) {
      long locked = lockedMilliHours.getOrDefault(r.id(), 0L);
      if (locked > SegmentPartition.maxMilliHours(r.maxWorkload())) {
        throw OptimizerErrors.lockedWorkloadAboveMax(r.id(), locked / 1000.0, r.maxWorkload());
      }
    }
  }
}
