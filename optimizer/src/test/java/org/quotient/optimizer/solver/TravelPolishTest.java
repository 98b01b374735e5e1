package org.quotient.optimizer.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The travel pass run at the end of {@link Rebalancer#run()}, on hand-built segments. */
class TravelPolishTest {
  private static final long NO_BUDGET = Long.MAX_VALUE;

  /** Two reps 1,000 km apart; x positions of accounts in km; everything balanced already. */
  private static Rebalancer twoReps(
      double[] x, long[] points, int[] owner, int[] incumbent, long budget) {
    int n = x.length;
    long[] work = new long[n];
    java.util.Arrays.fill(work, 1000);
    return new Rebalancer(
        points,
        work,
        x,
        new double[n],
        owner,
        incumbent,
        new boolean[n],
        new double[] {1, 1},
        new double[] {0, 1000},
        new double[] {0, 0},
        new long[] {Long.MAX_VALUE, Long.MAX_VALUE},
        0.02,
        0.05,
        1,
        1,
        budget);
  }

  @Test
  void newAccountsPlacedCrosswiseSwapToTheirNearRepsWithoutAMove() {
    // accounts 0 and 1 live at rep 0's home, 2 and 3 at rep 1's; the new ones (1, 3) sit crosswise
    double[] x = {0, 0, 1000, 1000};
    long[] points = {100, 100, 100, 100};
    int[] owner = {0, 1, 1, 0};
    int[] incumbent = {0, -1, 1, -1};
    Rebalancer r = twoReps(x, points, owner, incumbent, NO_BUDGET);
    r.run();
    assertArrayEquals(new int[] {0, 0, 1, 1}, owner);
    assertEquals(0, r.moved());
  }

  @Test
  void aMovedAccountGoesBackHomeWhenTheSwapAlsoShortensTravel() {
    // account 1 was taken from rep 0 and account 3 from rep 1; swapping them back saves both moves
    double[] x = {0, 0, 1000, 1000};
    long[] points = {100, 100, 100, 100};
    int[] owner = {0, 1, 1, 0};
    int[] incumbent = {0, 0, 1, 1};
    Rebalancer r = twoReps(x, points, owner, incumbent, NO_BUDGET);
    r.run();
    assertArrayEquals(new int[] {0, 0, 1, 1}, owner);
    assertEquals(0, r.moved());
  }

  @Test
  void noSwapThatWouldPushARepOutOfItsBand() {
    // both reps hold 220; the crosswise new accounts differ by 20, so swapping them would put the
    // reps at 240 and 200, 9% off the mean and far outside the 2% band: travel stays as it is
    double[] x = {0, 0, 1000, 1000};
    long[] points = {120, 120, 100, 100};
    int[] owner = {0, 1, 1, 0};
    int[] incumbent = {0, -1, 1, -1};
    Rebalancer r = twoReps(x, points, owner, incumbent, NO_BUDGET);
    r.run();
    assertArrayEquals(new int[] {0, 1, 1, 0}, owner);
  }
}
