package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;

/**
 * The lower bound on moved accounts (test scope): per rep above the potential band, the
 * fewest of its own accounts whose potential covers its excess over the band's upper edge, summed;
 * the same for reps below (the fewest of the segment's biggest movable accounts covering the
 * deficit); the larger sum plus the accounts that must move (no eligible owner).
 *
 * @param workloadSurplus the same count on workload against the workload band (0 when not asked)
 * @param workloadDeficit likewise for reps below the workload band
 */
public record LowerBound(
    long mustMove, long surplus, long deficit, long workloadSurplus, long workloadDeficit) {
  /** The definition: potential only. */
  public long total() {
    return mustMove + Math.max(surplus, deficit);
  }

  /** A bound that also counts the workload band: each band needs its own moves at least. */
  public long totalWithWorkload() {
    return mustMove
        + Math.max(Math.max(surplus, deficit), Math.max(workloadSurplus, workloadDeficit));
  }

  public static long of(PlanningProblem problem, double tolerance) {
    return parts(problem, tolerance).total();
  }

  public static LowerBound parts(PlanningProblem problem, double tolerance) {
    return parts(problem, tolerance, Double.NaN);
  }

  public static LowerBound parts(
      PlanningProblem problem, double tolerance, double workloadTolerance) {
    long[] p = count(problem, tolerance, Account::potential);
    long[] w =
        Double.isNaN(workloadTolerance)
            ? new long[3]
            : count(problem, workloadTolerance, Account::workload);
    return new LowerBound(p[0], p[1], p[2], w[1], w[2]);
  }

  /** {must move, surplus count, deficit count} for one measure. */
  private static long[] count(
      PlanningProblem problem, double tolerance, ToDoubleFunction<Account> value) {
    Map<String, Rep> reps = new HashMap<>();
    problem.reps().forEach(r -> reps.put(r.id(), r));
    Map<String, List<Double>> own = new HashMap<>();
    Map<String, double[]> segment = new HashMap<>();
    Map<String, List<Double>> movable = new HashMap<>();
    long mustMove = 0;
    for (Account a : problem.accounts()) {
      double v = value.applyAsDouble(a);
      segment.computeIfAbsent(a.segment(), k -> new double[2])[0] += v;
      Rep r = a.currentRepId() == null ? null : reps.get(a.currentRepId());
      if (r == null || !r.segment().equals(a.segment())) {
        mustMove++;
      } else {
        own.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(v);
        if (!a.isLocked()) {
          movable.computeIfAbsent(a.segment(), k -> new ArrayList<>()).add(v);
        }
      }
    }
    problem
        .reps()
        .forEach(r -> segment.computeIfAbsent(r.segment(), k -> new double[2])[1] += r.capacity());
    movable.values().forEach(l -> l.sort((x, y) -> Double.compare(y, x)));
    long surplus = 0;
    long deficit = 0;
    for (Rep r : problem.reps()) {
      double[] s = segment.get(r.segment());
      if (s == null) {
        continue;
      }
      double target = s[0] / s[1] * r.capacity();
      List<Double> mine = own.getOrDefault(r.id(), new ArrayList<>());
      double load = mine.stream().mapToDouble(Double::doubleValue).sum();
      double excess = load - (1 + tolerance) * target;
      if (excess > 0) {
        mine.sort((x, y) -> Double.compare(y, x));
        surplus += fewest(mine, excess);
      }
      double missing = (1 - tolerance) * target - load;
      if (missing > 0) {
        deficit += fewest(movable.getOrDefault(r.segment(), List.of()), missing);
      }
    }
    return new long[] {mustMove, surplus, deficit};
  }

  private static long fewest(List<Double> descending, double amount) {
    long count = 0;
    double sum = 0;
    for (double v : descending) {
      if (sum >= amount) {
        break;
      }
      sum += v;
      count++;
    }
    return count;
  }
}
