package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.geo.GeoPoint;

/** Seeded generator of larger, deliberately unbalanced problems for tests and the benchmark. */
public final class SkewedProblems {
  private SkewedProblems() {}

  /**
   * A realistic, deliberately unbalanced problem: reps of mixed capacity spread over the US;
   * account potential log-normal; ownership skewed towards the later reps of each segment; some new
   * accounts, some whose rep left, a few locks.
   */
  public static PlanningProblem generate(long seed, int accountCount, int repCount, int segments) {
    Random random = new Random(seed);
    List<Rep> reps = new ArrayList<>();
    List<List<Rep>> repsBySegment = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      repsBySegment.add(new ArrayList<>());
    }
    double[] capacities = {0.5, 1.0, 1.0, 1.0, 1.5};
    for (int i = 0; i < repCount; i++) {
      int s = i % segments;
      Rep rep =
          new Rep(
              "R" + i,
              "S" + s,
              capacities[random.nextInt(capacities.length)],
              Double.POSITIVE_INFINITY,
              randomPoint(random));
      reps.add(rep);
      repsBySegment.get(s).add(rep);
    }
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < accountCount; i++) {
      int s = random.nextInt(segments);
      List<Rep> candidates = repsBySegment.get(s);
      double potential = Math.round(Math.exp(10 + random.nextGaussian()));
      double workload = Math.round(5 + potential / 2000.0 * (0.5 + random.nextDouble()));
      double kind = random.nextDouble();
      String current;
      if (kind < 0.05) {
        current = null;
      } else if (kind < 0.08) {
        current = "LEFT" + random.nextInt(3);
      } else {
        // Skewed: rep k of the segment is picked with weight (k+1)^2.
        int k = (int) Math.floor(Math.sqrt(random.nextDouble()) * candidates.size());
        current = candidates.get(Math.min(k, candidates.size() - 1)).id();
      }
      String locked =
          current != null && !current.startsWith("LEFT") && kind > 0.99 ? current : null;
      accounts.add(
          new Account("A" + i, "S" + s, potential, workload, randomPoint(random), current, locked));
    }
    return new PlanningProblem(accounts, reps);
  }

  private static GeoPoint randomPoint(Random random) {
    return new GeoPoint(30 + random.nextDouble() * 15, -120 + random.nextDouble() * 45);
  }
}
