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
 * One independent sub-problem: the accounts and reps of a segment, what a distributed solve ships
 * to one task ({@link TerritoryOptimizer#partitions}). Turns them into an OptaPlanner solution with
 * integer scales that put every soft goal in the same unit, "points", where one mean account of the
 * segment is 1000 points.
 */
public record SegmentPartition(String segment, List<Account> accounts, List<Rep> reps)
    implements java.io.Serializable {
  /** Points of one mean account: potential is scaled to it, disruption counts in it. */
  static final double MEAN_ACCOUNT_POINTS = 1000.0;

  /**
   * Builds the solution with locked accounts on their rep and every other account with its current
   * rep when that rep is in this partition; the rest start unassigned for the construction.
   */
  TerritorySolution toSolution(
      TerritoryWeights weights, double tolerance, double workloadTolerance) {
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
    // Balance is load^2 / (capacity * mean load per capacity): about the total load when even;
    // moving p points from a rep at (1+d) of the mean to one at (1-d) gains about 4*d*p points.
    double potentialFactor =
        meanPointsPerCapacity > 0 ? weights.potentialBalance() / meanPointsPerCapacity : 0;
    // Workload milli-hours are converted to points (mean account = 1000) before the same measure.
    double workloadFactor =
        meanWorkPerCapacity > 0
            ? weights.workloadBalance()
                * (MEAN_ACCOUNT_POINTS / meanAccountWork)
                / meanWorkPerCapacity
            : 0;
    double typicalKm = typicalCurrentTravelKm();
    // Cutting one account's travel by today's mean distance weighs like moving one account.
    double travelPointsPerKm =
        typicalKm > 0 ? weights.travel() * MEAN_ACCOUNT_POINTS / typicalKm : 0;
    long disruptionPoints = Math.round(weights.disruption() * MEAN_ACCOUNT_POINTS);

    List<Territory> territories = new ArrayList<>(reps.size());
    Map<String, Territory> byRepId = new HashMap<>();
    for (Rep r : reps) {
      Territory t =
          new Territory(
              r,
              maxMilliHours(r.maxWorkload()),
              potentialFactor,
              workloadFactor,
              travelPointsPerKm,
              (long) Math.floor((1 - tolerance) * meanPointsPerCapacity * r.capacity()),
              (long) Math.ceil((1 + tolerance) * meanPointsPerCapacity * r.capacity()),
              (long) Math.floor((1 - workloadTolerance) * meanWorkPerCapacity * r.capacity()),
              (long) Math.ceil((1 + workloadTolerance) * meanWorkPerCapacity * r.capacity()),
              meanAccountWork > 0 ? MEAN_ACCOUNT_POINTS / meanAccountWork : 0);
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

  /** Mean distance from each located account to its current rep, when that rep is located here. */
  double typicalCurrentTravelKm() {
    Map<String, Rep> byId = new HashMap<>();
    reps.forEach(r -> byId.put(r.id(), r));
    double sum = 0;
    int count = 0;
    for (Account a : accounts) {
      Rep current = a.currentRepId() == null ? null : byId.get(a.currentRepId());
      if (current != null && current.home() != null && a.location() != null) {
        sum += current.home().distanceKm(a.location());
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  static long milliHours(double hours) {
    return Math.round(hours * 1000.0);
  }

  static long maxMilliHours(double maxWorkload) {
    return maxWorkload >= Long.MAX_VALUE / 1000.0
        ? Long.MAX_VALUE
        : (long) Math.floor(maxWorkload * 1000.0);
  }
}
