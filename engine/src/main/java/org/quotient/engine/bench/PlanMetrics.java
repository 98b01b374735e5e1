package org.quotient.engine.bench;

import java.util.Map;
import org.quotient.optimizer.domain.PlanningProblem;

/**
 * What a territory assignment achieves, by the benchmark's yardsticks.
 *
 * @param potential spread of potential per capacity (relative to the segment mean)
 * @param workload spread of workload per capacity
 * @param movedAccounts accounts taken from a current rep who could have kept them
 * @param movedPercent movedAccounts as % of all accounts
 * @param potentialMovedPercent their potential as % of all potential
 * @param mustMove accounts whose current rep cannot keep them (left, other segment, locked
 *     elsewhere): they move in every plan and are not in movedAccounts
 * @param meanTravelKm mean km from an account to its rep's home (accounts and homes with a
 *     location)
 * @param unassigned accounts without a rep
 * @param segmentViolations accounts on a rep of another segment (or none)
 * @param lockViolations locked accounts not on their rep
 * @param workloadViolations reps above their maxWorkload
 * @param travelChange km added to the mean travel, against today's territories (owners kept,
 *     orphans to the nearest rep), by accounts whose rep changed, split by how much each added:
 *     under 300 km (or less), 300 to 1,000 km, over 1,000 km
 */
public record PlanMetrics(
    Spread potential,
    Spread workload,
    int movedAccounts,
    double movedPercent,
    double potentialMovedPercent,
    int mustMove,
    double meanTravelKm,
    int unassigned,
    int segmentViolations,
    int lockViolations,
    int workloadViolations,
    double[] travelChange) {

  /** Bounds of the {@link #travelChange} classes, km added per account. */
  public static final double[] TRAVEL_CLASS_BOUNDS = {300, 1000};

  public boolean feasible() {
    return unassigned == 0
        && segmentViolations == 0
        && lockViolations == 0
        && workloadViolations == 0;
  }

  /** Metrics of an assignment given as account id to rep id. */
  public static PlanMetrics of(PlanningProblem problem, Map<String, String> repByAccount) {
    IndexedProblem p = new IndexedProblem(problem);
    return of(p, p.assignmentOf(repByAccount));
  }

  /** Metrics of an assignment: rep index per account, -1 for none. */
  public static PlanMetrics of(IndexedProblem p, int[] assignment) {
    double[] potentialLoad = new double[p.repCount];
    double[] workloadLoad = new double[p.repCount];
    int moved = 0;
    int mustMove = 0;
    double movedPotential = 0;
    double totalPotential = 0;
    double travel = 0;
    long travelled = 0;
    int unassigned = 0;
    int segmentViolations = 0;
    int lockViolations = 0;
    int[] today = CurrentAssignment.assign(p);
    double[] travelChange = new double[TRAVEL_CLASS_BOUNDS.length + 1];
    for (int i = 0; i < p.accountCount; i++) {
      totalPotential += p.potential[i];
      int j = assignment[i];
      if (p.mustMove[i]) {
        mustMove++;
      }
      if (p.locked[i] >= 0 && j != p.locked[i]) {
        lockViolations++;
      }
      if (j < 0) {
        unassigned++;
        segmentViolations++;
        continue;
      }
      if (p.repSegment[j] != p.accountSegment[i]) {
        segmentViolations++;
      }
      potentialLoad[j] += p.potential[i];
      workloadLoad[j] += p.workload[i];
      if (p.keepable(i) && j != p.current[i]) {
        moved++;
        movedPotential += p.potential[i];
      }
      double km = p.distanceKm(i, j);
      if (!Double.isNaN(km)) {
        travel += km;
        travelled++;
        double added = today[i] >= 0 && j != today[i] ? km - p.distanceKm(i, today[i]) : 0;
        if (added != 0 && !Double.isNaN(added)) {
          int c = 0;
          while (c < TRAVEL_CLASS_BOUNDS.length && added >= TRAVEL_CLASS_BOUNDS[c]) {
            c++;
          }
          travelChange[c] += added;
        }
      }
    }
    int workloadViolations = 0;
    for (int j = 0; j < p.repCount; j++) {
      if (workloadLoad[j] > p.maxWorkload[j] * (1 + 1e-12)) {
        workloadViolations++;
      }
    }
    int n = Math.max(1, p.accountCount);
    return new PlanMetrics(
        Spread.of(p, potentialLoad, p.segmentPotential),
        Spread.of(p, workloadLoad, p.segmentWorkload),
        moved,
        100.0 * moved / n,
        totalPotential > 0 ? 100.0 * movedPotential / totalPotential : 0,
        mustMove,
        travelled > 0 ? travel / travelled : Double.NaN,
        unassigned,
        segmentViolations,
        lockViolations,
        workloadViolations,
        perAccount(travelChange, travelled));
  }

  private static double[] perAccount(double[] km, long accounts) {
    double[] out = new double[km.length];
    for (int c = 0; c < km.length; c++) {
      out[c] = accounts > 0 ? km[c] / accounts : Double.NaN;
    }
    return out;
  }
}
