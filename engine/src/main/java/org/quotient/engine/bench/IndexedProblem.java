package org.quotient.engine.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.geo.GeoPoint;

/**
 * A {@link PlanningProblem} as primitive columns (accounts and reps by index), so baselines and
 * metrics stay fast at a million accounts. An assignment is an {@code int[]}: the rep index of each
 * account, -1 for none.
 */
public final class IndexedProblem {
  static final double EARTH_RADIUS_KM = 6371.0088;

  final PlanningProblem problem;
  final int accountCount;
  final int repCount;
  final List<String> segments;

  final int[] accountSegment;
  final double[] potential;
  final double[] workload;
  final boolean[] hasLocation;
  final double[] ax;
  final double[] ay;
  final double[] az;

  /** The current rep when it may keep the account (in the problem, same segment), else -1. */
  final int[] current;

  /** The account has a current rep who may not keep it (left, or another segment): it must move. */
  final boolean[] mustMove;

  /** The rep the account is locked to, else -1. */
  final int[] locked;

  final int[] repSegment;
  final double[] capacity;
  final double[] maxWorkload;
  final boolean[] hasHome;
  final double[] rx;
  final double[] ry;
  final double[] rz;
  final int[][] repsOfSegment;
  final double[] segmentPotential;
  final double[] segmentWorkload;
  final double[] segmentCapacity;
  final Map<String, Integer> repIndex;

  public IndexedProblem(PlanningProblem problem) {
    this.problem = problem;
    List<Account> accounts = problem.accounts();
    List<Rep> reps = problem.reps();
    accountCount = accounts.size();
    repCount = reps.size();
    Map<String, Integer> segmentIndex = new TreeMap<>();
    for (Rep r : reps) {
      segmentIndex.putIfAbsent(r.segment(), 0);
    }
    for (Account a : accounts) {
      segmentIndex.putIfAbsent(a.segment(), 0);
    }
    int k = 0;
    for (Map.Entry<String, Integer> e : segmentIndex.entrySet()) {
      e.setValue(k++);
    }
    segments = List.copyOf(segmentIndex.keySet());
    int segmentCount = segments.size();

    repSegment = new int[repCount];
    capacity = new double[repCount];
    maxWorkload = new double[repCount];
    hasHome = new boolean[repCount];
    rx = new double[repCount];
    ry = new double[repCount];
    rz = new double[repCount];
    repIndex = new HashMap<>(repCount * 2);
    segmentCapacity = new double[segmentCount];
    int[] perSegment = new int[segmentCount];
    for (int j = 0; j < repCount; j++) {
      Rep r = reps.get(j);
      repIndex.put(r.id(), j);
      repSegment[j] = segmentIndex.get(r.segment());
      capacity[j] = r.capacity();
      maxWorkload[j] = r.maxWorkload();
      segmentCapacity[repSegment[j]] += r.capacity();
      perSegment[repSegment[j]]++;
      if (r.home() != null) {
        hasHome[j] = true;
        double[] u = unit(r.home());
        rx[j] = u[0];
        ry[j] = u[1];
        rz[j] = u[2];
      }
    }
    repsOfSegment = new int[segmentCount][];
    for (int s = 0; s < segmentCount; s++) {
      repsOfSegment[s] = new int[perSegment[s]];
      perSegment[s] = 0;
    }
    for (int j = 0; j < repCount; j++) {
      repsOfSegment[repSegment[j]][perSegment[repSegment[j]]++] = j;
    }

    accountSegment = new int[accountCount];
    potential = new double[accountCount];
    workload = new double[accountCount];
    hasLocation = new boolean[accountCount];
    ax = new double[accountCount];
    ay = new double[accountCount];
    az = new double[accountCount];
    current = new int[accountCount];
    mustMove = new boolean[accountCount];
    locked = new int[accountCount];
    segmentPotential = new double[segmentCount];
    segmentWorkload = new double[segmentCount];
    for (int i = 0; i < accountCount; i++) {
      Account a = accounts.get(i);
      int s = segmentIndex.get(a.segment());
      accountSegment[i] = s;
      potential[i] = a.potential();
      workload[i] = a.workload();
      segmentPotential[s] += a.potential();
      segmentWorkload[s] += a.workload();
      if (a.location() != null) {
        hasLocation[i] = true;
        double[] u = unit(a.location());
        ax[i] = u[0];
        ay[i] = u[1];
        az[i] = u[2];
      }
      Integer lockedRep = a.lockedRepId() == null ? null : repIndex.get(a.lockedRepId());
      locked[i] = lockedRep == null ? -1 : lockedRep;
      Integer cur = a.currentRepId() == null ? null : repIndex.get(a.currentRepId());
      current[i] = cur != null && repSegment[cur] == s ? cur : -1;
      mustMove[i] =
          (a.currentRepId() != null && current[i] < 0)
              || (locked[i] >= 0 && current[i] >= 0 && current[i] != locked[i]);
    }
  }

  public PlanningProblem problem() {
    return problem;
  }

  public int accountCount() {
    return accountCount;
  }

  public int repCount() {
    return repCount;
  }

  /** True when the account has a current rep who may keep it (moving it is a choice). */
  boolean movable(int i) {
    return current[i] >= 0 && !mustMove[i] && locked[i] < 0;
  }

  /** The account stays where it is unless a plan chooses to move it. */
  boolean keepable(int i) {
    return current[i] >= 0 && !mustMove[i];
  }

  /** Segment mean potential per unit of capacity. */
  double meanPotentialPerCapacity(int segment) {
    return segmentCapacity[segment] > 0 ? segmentPotential[segment] / segmentCapacity[segment] : 0;
  }

  /** Great-circle km between account i and rep j's home; NaN when either is unknown. */
  double distanceKm(int i, int j) {
    if (!hasLocation[i] || !hasHome[j]) {
      return Double.NaN;
    }
    double dx = ax[i] - rx[j];
    double dy = ay[i] - ry[j];
    double dz = az[i] - rz[j];
    double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, chord / 2));
  }

  /**
   * The nearest rep of the account's segment (largest dot product of unit vectors); without
   * locations, the segment's first rep. -1 when the segment has no reps.
   */
  int nearestRep(int i) {
    int[] candidates = repsOfSegment[accountSegment[i]];
    if (candidates.length == 0) {
      return -1;
    }
    if (!hasLocation[i]) {
      return candidates[0];
    }
    double x = ax[i];
    double y = ay[i];
    double z = az[i];
    int best = candidates[0];
    double bestDot = Double.NEGATIVE_INFINITY;
    for (int j : candidates) {
      if (!hasHome[j]) {
        continue;
      }
      double d = rx[j] * x + ry[j] * y + rz[j] * z;
      if (d > bestDot) {
        bestDot = d;
        best = j;
      }
    }
    return best;
  }

  /** Index of each account id, for mapping a plan back to an assignment. */
  Map<String, Integer> accountIndex() {
    Map<String, Integer> index = new HashMap<>(accountCount * 2);
    List<Account> accounts = problem.accounts();
    for (int i = 0; i < accountCount; i++) {
      index.put(accounts.get(i).id(), i);
    }
    return index;
  }

  /** An assignment from account id to rep id (unknown reps and missing accounts become -1). */
  public int[] assignmentOf(Map<String, String> repByAccount) {
    int[] a = new int[accountCount];
    List<Account> accounts = problem.accounts();
    for (int i = 0; i < accountCount; i++) {
      String rep = repByAccount.get(accounts.get(i).id());
      Integer j = rep == null ? null : repIndex.get(rep);
      a[i] = j == null ? -1 : j;
    }
    return a;
  }

  private static double[] unit(GeoPoint p) {
    double la = Math.toRadians(p.lat());
    double lo = Math.toRadians(p.lon());
    return new double[] {Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)};
  }
}
