package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.geo.GeoPoint;

/**
 * Seeded generator shaped like the issue's target: three segments (enterprise ~5% of accounts,
 * mid_market ~25%, smb ~70%), reps per segment proportional to the segment's potential, so
 * enterprise reps have few, heavy-tailed accounts. Reps are spread over the continental US; each
 * account lies near its owner's home (compact territories today), but owners took on uneven books
 * (a per-rep appetite, log-normal), and some accounts are new (5%), orphaned by a rep who left (3%)
 * or locked (1%). Workload grows with the square root of potential, so whales carry little workload
 * per unit of potential.
 */
public final class SegmentedProblems {
  private SegmentedProblems() {}

  static final String[] SEGMENTS = {"enterprise", "mid_market", "smb"};
  private static final double[] ACCOUNT_SHARE = {0.05, 0.25, 0.70};
  private static final double[] MU = {12.0, 10.5, 9.0};
  private static final double[] SIGMA = {1.0, 0.9, 0.8};
  private static final double[] BASE_HOURS = {40, 12, 4};

  public static PlanningProblem generate(long seed, int accountCount, int repCount) {
    return generate(seed, accountCount, repCount, 0.3);
  }

  /** {@code skew}: sigma of the reps' log-normal appetite for accounts (0 = even books). */
  public static PlanningProblem generate(long seed, int accountCount, int repCount, double skew) {
    Random random = new Random(seed);
    double[] potentialShare = new double[3];
    double total = 0;
    for (int s = 0; s < 3; s++) {
      potentialShare[s] = ACCOUNT_SHARE[s] * Math.exp(MU[s] + SIGMA[s] * SIGMA[s] / 2);
      total += potentialShare[s];
    }
    int[] repsPer = new int[3];
    int assigned = 0;
    for (int s = 0; s < 3; s++) {
      repsPer[s] = Math.max(2, (int) Math.round(repCount * potentialShare[s] / total));
      assigned += repsPer[s];
    }
    repsPer[2] += Math.max(2 - repsPer[2], repCount - assigned);
    double[] capacities = {0.5, 1.0, 1.0, 1.0, 1.5};
    List<Rep> reps = new ArrayList<>();
    List<List<Rep>> bySegment = new ArrayList<>();
    List<double[]> cumulative = new ArrayList<>();
    int id = 0;
    for (int s = 0; s < 3; s++) {
      List<Rep> list = new ArrayList<>();
      double[] cum = new double[repsPer[s]];
      double sum = 0;
      for (int k = 0; k < repsPer[s]; k++) {
        double capacity = capacities[random.nextInt(capacities.length)];
        Rep rep =
            new Rep("R" + id++, SEGMENTS[s], capacity, Double.POSITIVE_INFINITY, point(random));
        list.add(rep);
        reps.add(rep);
        sum += capacity * Math.exp(skew * random.nextGaussian());
        cum[k] = sum;
      }
      bySegment.add(list);
      cumulative.add(cum);
    }
    List<Account> accounts = new ArrayList<>(accountCount);
    for (int i = 0; i < accountCount; i++) {
      double u = random.nextDouble();
      int s = u < ACCOUNT_SHARE[0] ? 0 : u < ACCOUNT_SHARE[0] + ACCOUNT_SHARE[1] ? 1 : 2;
      double[] cum = cumulative.get(s);
      double pick = random.nextDouble() * cum[cum.length - 1];
      int k = java.util.Arrays.binarySearch(cum, pick);
      k = Math.min(cum.length - 1, k < 0 ? -k - 1 : k);
      Rep near = bySegment.get(s).get(k);
      double potential = Math.round(Math.exp(MU[s] + SIGMA[s] * random.nextGaussian()));
      double workload =
          Math.round(
                  (BASE_HOURS[s] + Math.sqrt(potential) / 10 * (0.6 + 0.8 * random.nextDouble()))
                      * 10)
              / 10.0;
      GeoPoint location = around(random, near.home());
      double kind = random.nextDouble();
      String current = kind < 0.05 ? null : kind < 0.08 ? "LEFT" + s : near.id();
      String locked = kind > 0.99 ? near.id() : null;
      accounts.add(
          new Account("A" + i, SEGMENTS[s], potential, workload, location, current, locked));
    }
    return new PlanningProblem(accounts, reps);
  }

  private static GeoPoint point(Random random) {
    return new GeoPoint(30 + random.nextDouble() * 15, -120 + random.nextDouble() * 45);
  }

  private static GeoPoint around(Random random, GeoPoint home) {
    double lat = Math.max(25, Math.min(49, home.lat() + random.nextGaussian() * 0.8));
    double lon = Math.max(-125, Math.min(-67, home.lon() + random.nextGaussian() * 1.0));
    return new GeoPoint(lat, lon);
  }
}
