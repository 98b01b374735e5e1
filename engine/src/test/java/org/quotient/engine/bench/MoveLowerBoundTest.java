package org.quotient.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MoveLowerBoundTest {
  @Test
  void isZeroWhenEveryRepIsAlreadyInTheBand() {
    IndexedProblem p =
        new Tiny()
            .rep("A", 1, 0, 0)
            .rep("B", 1, 0, 0)
            .owned("A", 0, 0, 20, 20)
            .owned("B", 0, 0, 30, 10)
            .indexed();
    assertEquals(0, MoveLowerBound.of(p, 0.02).accounts());
  }

  @Test
  void equalsTheOptimumWhenOneAccountCoversTheExcess() {
    // A 60, B 20, mean 40: moving one 20 from A to B balances exactly
    IndexedProblem p =
        new Tiny()
            .rep("A", 1, 0, 0)
            .rep("B", 1, 0, 0)
            .owned("A", 0, 0, 20, 20, 10, 10)
            .owned("B", 0, 0, 20)
            .indexed();
    MoveLowerBound lb = MoveLowerBound.of(p, 0.02);
    assertEquals(1, lb.accounts());
    assertEquals(1, lb.surplusMoves());
  }

  @Test
  void aNewHireNeedsAsManyAccountsAsItTakesToFillItsTerritory() {
    // A 60, B 60 in tens, new hire C 0, mean 40: C must receive four accounts (optimum 4)
    IndexedProblem p =
        new Tiny()
            .rep("A", 1, 0, 0)
            .rep("B", 1, 0, 0)
            .rep("C", 1, 0, 0)
            .owned("A", 0, 0, 10, 10, 10, 10, 10, 10)
            .owned("B", 0, 0, 10, 10, 10, 10, 10, 10)
            .indexed();
    MoveLowerBound lb = MoveLowerBound.of(p, 0.0);
    assertEquals(4, lb.surplusMoves());
    assertEquals(4, lb.deficitMoves());
    assertEquals(4, lb.accounts());
  }

  @Test
  void accountsOfADepartedRepMoveInEveryPlanAndFillDeficitsForFree() {
    // D left (not a rep): its two accounts must move; with the new account they fill new hire B
    IndexedProblem p =
        new Tiny()
            .rep("A", 1, 0, 0)
            .rep("B", 1, 0, 0)
            .owned("A", 0, 0, 10, 10)
            .owned("D", 0, 0, 10, 10)
            .owned(null, 0, 0, 10)
            .indexed();
    MoveLowerBound lb = MoveLowerBound.of(p, 0.2);
    assertEquals(2, lb.mustMove());
    assertEquals(0, lb.deficitMoves());
    assertEquals(2, lb.accounts());
  }

  @Test
  void lockedAccountsCannotCoverTheExcess() {
    // A: locked 30 + 10 + 10 + 10 = 60, B 20, mean 40: A must shed two tens (optimum 2)
    IndexedProblem p =
        new Tiny()
            .rep("A", 1, 0, 0)
            .rep("B", 1, 0, 0)
            .locked("A", 30)
            .owned("A", 0, 0, 10, 10, 10)
            .owned("B", 0, 0, 20)
            .indexed();
    assertEquals(2, MoveLowerBound.of(p, 0.0).accounts());
  }

  @Test
  void aRepWithTooMuchWorkMustGiveAccountsEvenWhenItsPotentialIsInTheBand() {
    // A: four accounts of 5 potential, 1 hour each; B: one of 20 potential, 1 hour. Potential is
    // balanced (20 / 20); workload 4 vs 1 around a mean of 2.5 needs one account to move.
    IndexedProblem p =
        new Tiny()
            .rep("A", 1, 0, 0)
            .rep("B", 1, 0, 0)
            .account("s", 5, 1, 0, 0, "A", null)
            .account("s", 5, 1, 0, 0, "A", null)
            .account("s", 5, 1, 0, 0, "A", null)
            .account("s", 5, 1, 0, 0, "A", null)
            .account("s", 20, 1, 0, 0, "B", null)
            .indexed();
    assertEquals(0, MoveLowerBound.of(p, 1.0).accounts());
    MoveLowerBound both = MoveLowerBound.of(p, 1.0, 0.25);
    assertEquals(1, both.surplusMoves());
    assertEquals(1, both.deficitMoves());
    assertEquals(1, both.accounts());
  }

  @Test
  void withBothBandsNeverExceedsTheBruteForceOptimumOnRandomTinyProblems() {
    assertNeverAboveTheOptimum(11, 0.3, 0.3, true);
  }

  @Test
  void neverExceedsTheBruteForceOptimumOnRandomTinyProblems() {
    assertNeverAboveTheOptimum(5, 0.25, Double.POSITIVE_INFINITY, false);
  }

  /**
   * On 150 random problems of 7 accounts and 3 reps (one of them part-time; owners, leavers and new
   * accounts drawn at random), the bound is at most the fewest moves found by trying every
   * assignment that puts each rep within the bands.
   */
  private static void assertNeverAboveTheOptimum(
      long seed, double tolP, double tolW, boolean randomWorkload) {
    SplittableRandom rng = new SplittableRandom(seed);
    int checked = 0;
    for (int round = 0; round < 150; round++) {
      int n = 7;
      String[] owners = {"R0", "R1", "R2", "GONE", null};
      Tiny t =
          new Tiny()
              .rep("R0", 1, 0, 0)
              .rep("R1", 0.5 + rng.nextInt(2) * 0.5, 0, 0)
              .rep("R2", 1, 0, 0);
      for (int i = 0; i < n; i++) {
        double potential = 1 + rng.nextInt(20);
        double workload = randomWorkload ? 1 + rng.nextInt(5) : 1;
        t.account("s", potential, workload, 0, 0, owners[rng.nextInt(owners.length)], null);
      }
      IndexedProblem p = t.indexed();
      long lb = MoveLowerBound.of(p, tolP, tolW).accounts();
      long best = bruteForceOptimum(p, n, tolP, tolW);
      if (best != Long.MAX_VALUE) {
        checked++;
        assertTrue(lb <= best, "round " + round + ": bound " + lb + " > optimum " + best);
      }
    }
    assertTrue(checked > 20, "too few feasible random cases: " + checked);
  }

  /** Fewest moves over all 3^n assignments within both bands; MAX_VALUE when none is. */
  private static long bruteForceOptimum(IndexedProblem p, int n, double tolP, double tolW) {
    long best = Long.MAX_VALUE;
    double meanP = p.segmentPotential[0] / p.segmentCapacity[0];
    double meanW = p.segmentWorkload[0] / p.segmentCapacity[0];
    for (int code = 0; code < Math.pow(3, n); code++) {
      int c = code;
      double[] loadP = new double[3];
      double[] loadW = new double[3];
      long moves = 0;
      for (int i = 0; i < n; i++) {
        int a = c % 3;
        c /= 3;
        loadP[a] += p.potential[i];
        loadW[a] += p.workload[i];
        if (p.mustMove[i] || (p.keepable(i) && p.current[i] != a)) {
          moves++;
        }
      }
      boolean inBand = true;
      for (int j = 0; j < 3; j++) {
        double ip = loadP[j] / (p.capacity[j] * meanP);
        double iw = loadW[j] / (p.capacity[j] * meanW);
        inBand &= Math.abs(ip - 1) <= tolP + 1e-12 && Math.abs(iw - 1) <= tolW + 1e-12;
      }
      if (inBand) {
        best = Math.min(best, moves);
      }
    }
    return best;
  }
}
