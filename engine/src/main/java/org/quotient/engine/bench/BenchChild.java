package org.quotient.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.quotient.optimizer.solver.SolverSettings;

/**
 * One measurement in a fresh JVM (started by {@link BenchmarkRunner}): builds the instance, runs
 * one method, and prints its figures as {@code @@key=value} lines on stdout (progress lines are
 * printed as they come). Wall time and peak heap cover the method only (the instance, built before,
 * is in the heap and counts towards the peak).
 *
 * <p>Args: size seed method timeLimitSeconds maxMovedPercent tolerance.
 */
public final class BenchChild {
  static final String PREFIX = "@@";

  private BenchChild() {}

  public static void main(String[] args) {
    BenchSize size = BenchSize.parse(args[0]);
    long seed = Long.parseLong(args[1]);
    String method = args[2];
    Duration timeLimit = Duration.ofSeconds(Long.parseLong(args[3]));
    double maxMovedPercent = Double.parseDouble(args[4]);
    double tolerance = Double.parseDouble(args[5]);
    Map<String, String> out = new LinkedHashMap<>();
    try {
      run(size, seed, method, timeLimit, maxMovedPercent, tolerance, out);
    } catch (Throwable t) {
      out.put("status", "failed");
      out.put("note", String.valueOf(t).replace('\n', ' '));
      t.printStackTrace(System.out);
    }
    for (Map.Entry<String, String> e : out.entrySet()) {
      System.out.println(PREFIX + e.getKey() + "=" + e.getValue().replace('\n', ' '));
    }
    System.out.flush();
    System.exit(0);
  }

  static void run(
      BenchSize size,
      long seed,
      String methodName,
      Duration timeLimit,
      double maxMovedPercent,
      double tolerance,
      Map<String, String> out) {
    long t0 = System.nanoTime();
    BenchmarkInstance instance = BenchmarkInstances.generate(size, seed);
    IndexedProblem p = new IndexedProblem(instance.problem());
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "instance %s (seed %d) built in %.1f s: %d accounts, %d active reps%n",
        size.label(),
        seed,
        buildSeconds,
        p.accountCount,
        p.repCount);
    putInstance(instance, p, tolerance, out);
    out.put("build_s", fmt(buildSeconds, 1));

    BenchMethod method = method(methodName, timeLimit, maxMovedPercent, tolerance, seed);
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    BenchMethod.Outcome outcome = method.run(p, line -> System.out.println(line));
    double wall = (System.nanoTime() - start) / 1e9;
    out.put("wall_s", fmt(wall, 1));
    out.put("peak_heap_mb", Long.toString(peakHeapBytes() / (1024 * 1024)));
    out.put("note", outcome.note());
    if (outcome.assignment() == null) {
      out.put("status", "no plan");
      return;
    }
    PlanMetrics m = PlanMetrics.of(p, outcome.assignment());
    out.put("status", m.feasible() ? "ok" : "infeasible");
    putSpread("pot", m.potential(), out);
    putSpread("wl", m.workload(), out);
    out.put("moved", Integer.toString(m.movedAccounts()));
    out.put("moved_pct", fmt(m.movedPercent(), 2));
    out.put("pot_moved_pct", fmt(m.potentialMovedPercent(), 2));
    out.put("must_move", Integer.toString(m.mustMove()));
    out.put("travel_km", fmt(m.meanTravelKm(), 1));
    out.put("travel_added_short", fmt(m.travelChange()[0], 2));
    out.put("travel_added_mid", fmt(m.travelChange()[1], 2));
    out.put("travel_added_far", fmt(m.travelChange()[2], 2));
    out.put(
        "violations",
        String.format(
            Locale.ROOT,
            "unassigned %d, segment %d, lock %d, workload %d",
            m.unassigned(),
            m.segmentViolations(),
            m.lockViolations(),
            m.workloadViolations()));
  }

  static BenchMethod method(
      String name, Duration timeLimit, double maxMovedPercent, double tolerance, long seed) {
    return switch (name) {
      case "current" -> new CurrentAssignment();
      case "lpt" -> new GreedyLpt();
      case "nearest" -> new NearestRep();
      case "plain" -> new PlainOptaPlanner(timeLimit, seed);
      case "quotient" -> new QuotientMethod(timeLimit, maxMovedPercent / 100.0, tolerance);
      default ->
          throw new IllegalArgumentException(
              "unknown method '" + name + "': use quotient, current, lpt, nearest or plain");
    };
  }

  /** Instance facts, the lower bound, and last year's imbalance per segment. */
  static void putInstance(
      BenchmarkInstance instance, IndexedProblem p, double tolerance, Map<String, String> out) {
    out.put("accounts", Integer.toString(p.accountCount));
    out.put("reps", Integer.toString(p.repCount));
    out.put("departed_reps", Integer.toString(instance.departedReps()));
    out.put("new_hires", Integer.toString(instance.newHires()));
    out.put("new_accounts", Integer.toString(instance.newAccounts()));
    out.put("locked", Integer.toString(instance.lockedAccounts()));
    MoveLowerBound lb = MoveLowerBound.of(p, tolerance, SolverSettings.DEFAULT_WORKLOAD_TOLERANCE);
    out.put("lb", Long.toString(lb.accounts()));
    out.put("lb_surplus", Long.toString(lb.surplusMoves()));
    out.put("lb_deficit", Long.toString(lb.deficitMoves()));
    out.put("lb_must_move", Long.toString(lb.mustMove()));
    int[] current = CurrentAssignment.assign(p);
    double[] load = new double[p.repCount];
    for (int i = 0; i < p.accountCount; i++) {
      if (current[i] >= 0) {
        load[current[i]] += p.potential[i];
      }
    }
    StringBuilder segments = new StringBuilder();
    for (int s = 0; s < p.segments.size(); s++) {
      Spread spread = Spread.of(p, load, p.segmentPotential, s);
      int accounts = 0;
      for (int i = 0; i < p.accountCount; i++) {
        if (p.accountSegment[i] == s) {
          accounts++;
        }
      }
      if (segments.length() > 0) {
        segments.append(';');
      }
      segments
          .append(p.segments.get(s))
          .append(':')
          .append(accounts)
          .append(':')
          .append(p.repsOfSegment[s].length)
          .append(':')
          .append(fmt(100 * spread.maxOver(), 1))
          .append(':')
          .append(fmt(100 * spread.minUnder(), 1))
          .append(':')
          .append(fmt(100 * spread.cv(), 1));
    }
    out.put("current_by_segment", segments.toString());
  }

  private static void putSpread(String prefix, Spread s, Map<String, String> out) {
    out.put(prefix + "_max_pct", fmt(100 * s.maxOver(), 2));
    out.put(prefix + "_min_pct", fmt(100 * s.minUnder(), 2));
    out.put(prefix + "_cv_pct", fmt(100 * s.cv(), 2));
  }

  /** Sum of the heap pools' peak use since the reset (an upper estimate of the peak heap). */
  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static String fmt(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
