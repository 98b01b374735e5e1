package org.quotient.engine.bench;

import java.util.Arrays;

/**
 * A lower bound on the accounts any plan must move to bring every rep's potential per capacity into
 * the band (1 +- tolerance) x segment mean, per segment:
 *
 * <ul>
 *   <li>surplus: each rep above the band must give away at least the fewest of its own movable
 *       (currently owned, unlocked) accounts whose potential covers the excess (largest first);
 *   <li>deficit: each rep below the band must receive at least the fewest accounts of the segment
 *       that cover its deficit, taking the largest first (no incoming account brings more); the
 *       segment's new and must-move accounts can arrive without a move being counted, so they are
 *       subtracted;
 *   <li>the segment needs at least the larger of the two; the bound is the sum over segments plus
 *       the accounts that must move in any plan.
 * </ul>
 *
 * @param accounts the bound (moved accounts, must-move ones included)
 * @param surplusMoves sum over segments of the surplus count
 * @param deficitMoves sum over segments of the deficit count (free arrivals subtracted)
 * @param mustMove accounts that move in every plan
 * @param tolerance the band half-width
 */
public record MoveLowerBound(
    long accounts, long surplusMoves, long deficitMoves, long mustMove, double tolerance) {

  public static final double DEFAULT_TOLERANCE = 0.02;

  public static MoveLowerBound of(IndexedProblem p, double tolerance) {
    int segments = p.segments.size();
    double[] load = new double[p.repCount];
    int[] ownedMovable = new int[p.repCount];
    int[] poolSize = new int[segments];
    int[] free = new int[segments];
    long mustMove = 0;
    for (int i = 0; i < p.accountCount; i++) {
      int s = p.accountSegment[i];
      if (p.mustMove[i]) {
        mustMove++;
      }
      if (p.keepable(i)) {
        load[p.current[i]] += p.potential[i];
        if (p.movable(i)) {
          ownedMovable[p.current[i]]++;
          poolSize[s]++;
        }
      } else if (p.locked[i] < 0) {
        free[s]++;
        poolSize[s]++;
      }
    }
    // per rep its movable potentials; per segment the pool of every account that may arrive
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
        own[p.current[i]][ownedMovable[p.current[i]]++] = p.potential[i];
        pool[s][poolSize[s]++] = p.potential[i];
      } else if (!p.keepable(i) && p.locked[i] < 0) {
        pool[s][poolSize[s]++] = p.potential[i];
      }
    }
    long surplusTotal = 0;
    long deficitTotal = 0;
    long bound = mustMove;
    for (int s = 0; s < segments; s++) {
      double mean = p.meanPotentialPerCapacity(s);
      double[] largestFirst = descending(pool[s]);
      long surplus = 0;
      long deficit = 0;
      for (int j : p.repsOfSegment[s]) {
        double upper = (1 + tolerance) * mean * p.capacity[j];
        double lower = (1 - tolerance) * mean * p.capacity[j];
        if (load[j] > upper) {
          surplus += fewestCovering(descending(own[j]), load[j] - upper);
        } else if (load[j] < lower) {
          deficit += fewestCovering(largestFirst, lower - load[j]);
        }
      }
      long deficitMoves = Math.max(0, deficit - free[s]);
      surplusTotal += surplus;
      deficitTotal += deficitMoves;
      bound += Math.max(surplus, deficitMoves);
    }
    return new MoveLowerBound(bound, surplusTotal, deficitTotal, mustMove, tolerance);
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
