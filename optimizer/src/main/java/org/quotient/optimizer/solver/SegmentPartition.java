package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.AccountAssignment;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.Territory;
import org.quotient.optimizer.domain.TerritorySolution;

/**
 * One independent sub-problem: the accounts and reps of a segment. Turns them into an OptaPlanner
 * solution with integer scales that put every soft goal in the same unit, "points", where one mean
 * account of the segment is 1000 points.
 */
record SegmentPartition(String segment, List<Account> accounts, List<Rep> reps) {
  /** Points of one mean account: potential is scaled to it, disruption counts in it. */
  static final double MEAN_ACCOUNT_POINTS = 1000.0;
  /**
   * Balance is measured as load^2 / (capacity * mean load per capacity), which is about the total
   * load and grows with the spread. Multiplying by 10 makes a 1% gap between two reps outweigh
   * keeping one mean account with its rep at equal weights, so local search does not trade away
   * the balance the construction reached.
   */
  static final double BALANCE_SCALE = 10.0;
  /** 100 km of travel weighs like one moved mean account at equal weights. */
  static final double TRAVEL_POINTS_PER_KM = 10.0;

  /**
   * Builds the solution with locked accounts on their rep and every other account with its current
   * rep when that rep is in this partition; the rest start unassigned for the construction.
   */
  TerritorySolution toSolution(TerritoryWeights weights) {
    double totalPotential = 0;
    long totalWorkMilli = 0;
    double totalCapacity = 0;
    for (Account a : accounts) {
      totalPotential += a.potential();
      totalWorkMilli += milliHours(a.workload());
    }
    for (Rep r : reps) {
      totalCapacity += r.capacity();
    }
    int n = accounts.size();
    double pointsPerPotential = totalPotential > 0 ? MEAN_ACCOUNT_POINTS * n / totalPotential : 0;
    long[] points = new long[n];
    long totalPoints = 0;
    for (int i = 0; i < n; i++) {
      points[i] = Math.round(accounts.get(i).potential() * pointsPerPotential);
      totalPoints += points[i];
    }
    double meanPointsPerCapacity = totalPoints / totalCapacity;
    double meanWorkPerCapacity = totalWorkMilli / totalCapacity;
    double meanAccountWork = (double) totalWorkMilli / n;
    double potentialFactor =
        meanPointsPerCapacity > 0
            ? BALANCE_SCALE * weights.potentialBalance() / meanPointsPerCapacity
            : 0;
    // Workload milli-hours are converted to points (mean account = 1000) before the same measure.
    double workloadFactor =
        meanWorkPerCapacity > 0
            ? BALANCE_SCALE
                * weights.workloadBalance()
                * (MEAN_ACCOUNT_POINTS / meanAccountWork)
                / meanWorkPerCapacity
            : 0;
    double travelPointsPerKm = weights.travel() * TRAVEL_POINTS_PER_KM;
    long disruptionPoints = Math.round(weights.disruption() * MEAN_ACCOUNT_POINTS);

    List<Territory> territories = new ArrayList<>(reps.size());
    Map<String, Territory> byRepId = new HashMap<>();
    for (Rep r : reps) {
      Territory t =
          new Territory(
              r, maxMilliHours(r.maxWorkload()), potentialFactor, workloadFactor, travelPointsPerKm);
      territories.add(t);
      byRepId.put(r.id(), t);
    }
    List<AccountAssignment> assignments = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Account a = accounts.get(i);
      Territory incumbent = a.currentRepId() == null ? null : byRepId.get(a.currentRepId());
      Territory start = a.isLocked() ? byRepId.get(a.lockedRepId()) : incumbent;
      assignments.add(
          new AccountAssignment(
              a,
              points[i],
              milliHours(a.workload()),
              incumbent == null ? null : incumbent.repId(),
              disruptionPoints,
              start));
    }
    return new TerritorySolution(territories, assignments);
  }

  static long milliHours(double hours) {
    return Math.round(hours * 1000.0);
  }

  static long maxMilliHours(double maxWorkload) {
    return maxWorkload >= Long.MAX_VALUE / 1000.0 ? Long.MAX_VALUE : (long) Math.floor(maxWorkload * 1000.0);
  }
}
