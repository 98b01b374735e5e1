package org.quotient.engine.bench;

import java.util.Arrays;

/**
 * A lower bound on the accounts any plan must move to bring every rep into both bands: potential
 * per capacity within (1 +- potentialTolerance) x segment mean and workload per capacity within (1
 * +- workloadTolerance) x segment mean. Per segment:
 *
 * <ul>
 *   <li>surplus: a rep above a band must give away at least the fewest of its own movable
 *       (currently owned, unlocked) accounts whose value covers the excess (largest first). One set
 *       of leaving accounts has to cover both measures, so the rep gives at least the larger of the
 *       two counts;
 *   <li>deficit: a rep below a band must receive at least the fewest accounts of the segment that
 *       cover its deficit, taking the largest first (no incoming account brings more), again the
 *       larger of the two measures; the segment's new and must-move accounts can arrive without a
 *       move being counted, so they are subtracted;
 *   <li>the segment needs at least the larger of the two sides; the bound is the sum over segments
 *       plus the accounts that must move in any plan.
 * </ul>
 *
 * <p>A rep above one band and below the other counts on both sides: it has to give and receive.
 *
 * @param accounts the bound (moved accounts, must-move ones included)
 * @param surplusMoves sum over segments of the surplus count
 * @param deficitMoves sum over segments of the deficit count (free arrivals subtracted)
 * @param mustMove accounts that move in every plan
 * @param tolerance the potential band half-width
 * @param workloadTolerance the workload band half-width ({@code +inf}: potential only)
 */
public record MoveLowerBound(
    long accounts,
    long surplusMoves,
    long deficitMoves,
    long mustMove,
    double tolerance,
    double workloadTolerance) {

  public static final double DEFAULT_TOLERANCE = 0.02;

  /** The bound for the potential band alone. */
  public static MoveLowerBound of(IndexedProblem p, double tolerance) {
    return of(p, tolerance, Double.POSITIVE_INFINITY);
  }

  public static MoveLowerBound of(IndexedProblem p, double tolerance, double workloadTolerance) {
    int[] give = new int[p.repCount];
    int[] receive = new int[p.repCount];
    Measure.POTENTIAL.countMoves(p, tolerance, give, receive);
    if (Double.isFinite(workloadTolerance)) {
      Measure.WORKLOAD.countMoves(p, workloadTolerance, give, receive);
    }
    int segments = p.segments.size();
    int[] free = new int[segments];
    long mustMove = 0;
    for (int i = 0; i < p.accountCount; i++) {
      if (p.mustMove[i]) {
        mustMove++;
      }
      if (!p.keepable(i) && p.locked[i] < 0) {
        free[p.accountSegment[i]]++;
      }
    }
    long surplusTotal = 0;
    long deficitTotal = 0;
    long bound = mustMove;
    for (int s = 0; s < segments; s++) {
      long surplus = 0;
      long deficit = 0;
      for (int j : p.repsOfSegment[s]) {
        surplus += give[j];
        deficit += receive[j];
      }
      long deficitMoves = Math.max(0, deficit - free[s]);
      surplusTotal += surplus;
      deficitTotal += deficitMoves;
      bound += Math.max(surplus, deficitMoves);
    }
    return new MoveLowerBound(
        bound, surplusTotal, deficitTotal, mustMove, tolerance, workloadTolerance);
  }

  /** One balanced measure: its value per account and its segment mean per capacity. */
  private enum Measure {
    POTENTIAL,
    WORKLOAD;

    double value(IndexedProblem p, int account) {
      return this == POTENTIAL ? p.potential[account] : p.workload[account];
    }

    double meanPerCapacity(IndexedProblem p, int segment) {
      if (p.segmentCapacity[segment] <= 0) {
        return 0;
      }
      double total = this == POTENTIAL ? p.segmentPotential[segment] : p.segmentWorkload[segment];
      return total / p.segmentCapacity[segment];
    }

    /** Raises give[j] / receive[j] to this measure's fewest accounts out of / into rep j. */
    void countMoves(IndexedProblem p, double tolerance, int[] give, int[] receive) {
      int segments = p.segments.size();
      double[] load = new double[p.repCount];
      int[] ownedMovable = new int[p.repCount];
      int[] poolSize = new int[segments];
      for (int i = 0; i < p.accountCount; i++) {
        if (p.keepable(i)) {
          load[p.current[i]] += value(p, i);
        }
        if (p.movable(i)) {
          ownedMovable[p.current[i]]++;
        }
        if (p.movable(i) || (!p.keepable(i) && p.locked[i] < 0)) {
          poolSize[p.accountSegment[i]]++;
        }
      }
      // per rep its movable values; per segment the pool of every account that may arrive
      double[][] own = new double[p.repCount][];
      for (int j = 0; j < p.repCount; j++) {
        own[j] = new double[ownedMovable[j]];
        ownedMovable[j] = 0;
      }
      double[][] pool = new double[segments][];
      for (int s = 0; s < segments; s++) {
        pool[s] = new double[poolSize[s]];
        poolSize[s] = 0;
      }
      for (int i = 0; i < p.accountCount; i++) {
        int s = p.accountSegment[i];
        if (p.movable(i)) {
          own[p.current[i]][ownedMovable[p.current[i]]++] = value(p, i);
        }
        if (p.movable(i) || (!p.keepable(i) && p.locked[i] < 0)) {
          pool[s][poolSize[s]++] = value(p, i);
        }
      }
      for (int s = 0; s < segments; s++) {
        double mean = meanPerCapacity(p, s);
        double[] largestFirst = descending(pool[s]);
        for (int j : p.repsOfSegment[s]) {
          double upper = (1 + tolerance) * mean * p.capacity[j];
          double lower = (1 - tolerance) * mean * p.capacity[j];
          if (load[j] > upper) {
            give[j] = Math.max(give[j], fewestCovering(descending(own[j]), load[j] - upper));
          } else if (load[j] < lower) {
            receive[j] = Math.max(receive[j], fewestCovering(largestFirst, lower - load[j]));
          }
        }
      }
    }
  }

  /** How many of the values, largest first, it takes to reach {@code amount} (all if never). */
  static int fewestCovering(double[] largestFirst, double amount) {
    double sum = 0;
    int k = 0;
    double eps = 1e-9 * Math.max(1, amount);
    while (k < largestFirst.length && sum < amount - eps) {
      sum += largestFirst[k++];
    }
    return k;
  }

  private static double[] descending(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    for (int a = 0, b = v.length - 1; a < b; a++, b--) {
      double t = v[a];
      v[a] = v[b];
      v[b] = t;
    }
    return v;
  }
}
