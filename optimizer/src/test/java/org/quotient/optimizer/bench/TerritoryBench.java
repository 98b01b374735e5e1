package org.quotient.optimizer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.Assignment;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.domain.TerritorySummary;
import org.quotient.optimizer.solver.LowerBound;
import org.quotient.optimizer.solver.SegmentedProblems;
import org.quotient.optimizer.solver.SkewedProblems;
import org.quotient.optimizer.solver.SolverSettings;
import org.quotient.optimizer.solver.TerritoryOptimizer;
import org.quotient.optimizer.solver.TerritoryWeights;

/**
 * Benchmark runner (not a test): solves a seeded problem and writes the figures to
 * bench/results/territory-ACCOUNTSxREPS[-kind][-mMAXMOVED].txt. Args: accounts reps [kind:
 * segmented (default: 3 segments shaped like the issue) or skewed:SEGMENTS] [seed] [max moved
 * fraction] [weights as potential,workload,disruption,travel].
 */
public final class TerritoryBench {
  public static void main(String[] args) throws IOException {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    String kind = args.length > 2 ? args[2] : "segmented";
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
    double maxMoved = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
    SolverSettings settings = SolverSettings.defaults().withMaxMovedFraction(maxMoved);
    if (args.length > 5) {
      String[] w = args[5].split(",");
      settings =
          new SolverSettings(
              new TerritoryWeights(
                  Double.parseDouble(w[0]),
                  Double.parseDouble(w[1]),
                  Double.parseDouble(w[2]),
                  Double.parseDouble(w[3])),
              settings.timeLimit(),
              settings.seed(),
              settings.balanceTolerance(),
              maxMoved,
              settings.workloadTolerance());
    }
    // A solve is reproducible only when local search ends on its counts: give it room.
    settings =
        new SolverSettings(
            settings.weights(),
            java.time.Duration.ofMinutes(30),
            settings.seed(),
            settings.balanceTolerance(),
            settings.maxMovedFraction(),
            Double.parseDouble(
                System.getProperty(
                    "bench.workloadTolerance", String.valueOf(settings.workloadTolerance()))));
    PlanningProblem problem =
        kind.startsWith("skewed")
            ? SkewedProblems.generate(
                seed, accounts, reps, Integer.parseInt(kind.substring(kind.indexOf(':') + 1)))
            : SegmentedProblems.generate(seed, accounts, reps);
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    List<String> lines = new ArrayList<>();
    TerritoryOptimizer optimizer = new TerritoryOptimizer();
    if ("false".equals(System.getProperty("bench.localSearch"))) {
      optimizer = optimizer.withoutLocalSearch();
      lines.add("local search off (greedy only)");
    }
    String curve = System.getProperty("bench.curve");
    if (curve != null) {
      List<Double> fractions = new ArrayList<>();
      for (String f : curve.split(",")) {
        fractions.add(Double.parseDouble(f));
      }
      long t0 = System.nanoTime();
      optimizer.tradeOffCurve(
          problem,
          settings,
          fractions,
          line -> {
            System.out.println(line);
            lines.add(line);
          });
      String done =
          String.format(
              Locale.ROOT,
              "curve of %d point(s), %d accounts, %d reps: %d ms; lower bound %d",
              fractions.size(),
              accounts,
              reps,
              (System.nanoTime() - t0) / 1_000_000,
              LowerBound.of(problem, settings.balanceTolerance()));
      System.out.println(done);
      lines.add(done);
      Path out = Path.of("bench/results/curve-" + accounts + "x" + reps + ".txt");
      Files.createDirectories(out.getParent());
      Files.write(out, lines);
      return;
    }
    TerritoryPlan plan =
        optimizer.solve(
            problem,
            settings,
            line -> {
              System.out.println(line);
              lines.add(line);
            });
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double wmin = Double.POSITIVE_INFINITY;
    double wmax = Double.NEGATIVE_INFINITY;
    for (TerritorySummary s : plan.summaries()) {
      min = Math.min(min, s.balanceIndex());
      max = Math.max(max, s.balanceIndex());
      wmin = Math.min(wmin, s.workloadIndex());
      wmax = Math.max(wmax, s.workloadIndex());
    }
    LowerBound bound =
        LowerBound.parts(problem, settings.balanceTolerance(), settings.workloadTolerance());
    double[] travel = travel(problem, plan);
    String result =
        String.format(
            Locale.ROOT,
            "%d accounts, %d reps, %s, seed %d, max moved %.3f, weights %s, %d cores: %d ms, peak"
                + " heap %d MB, balance index %.4f..%.4f, workload index %.4f..%.4f, moved %d"
                + " (taken from a rep who could keep them %d), lower bound %d (must move %d +"
                + " max(surplus %d, deficit %d)), moved/LB %.3f; with the workload band (surplus"
                + " %d, deficit %d) LB %d, moved/LB %.3f; mean travel km: today %.1f, plan"
                + " %.1f on the same accounts, %.1f on all; feasible %s, bands reached %s (%d"
                + " rep(s) outside), score %s",
            accounts,
            reps,
            kind,
            seed,
            maxMoved,
            settings.weights(),
            Runtime.getRuntime().availableProcessors(),
            plan.statistics().solveMillis(),
            peak >> 20,
            min,
            max,
            wmin,
            wmax,
            plan.statistics().movedAccounts(),
            plan.statistics().takenFromCurrentRep(),
            bound.total(),
            bound.mustMove(),
            bound.surplus(),
            bound.deficit(),
            (double) plan.statistics().movedAccounts() / Math.max(1, bound.total()),
            bound.workloadSurplus(),
            bound.workloadDeficit(),
            bound.totalWithWorkload(),
            (double) plan.statistics().movedAccounts() / Math.max(1, bound.totalWithWorkload()),
            travel[0],
            travel[1],
            travel[2],
            plan.statistics().feasible(),
            plan.statistics().bandsReached(),
            plan.statistics().outsideBands().size(),
            plan.statistics().score());
    System.out.println(result);
    plan.statistics().outsideBands().stream().limit(20).forEach(System.out::println);
    lines.add(result);
    lines.addAll(plan.statistics().outsideBands());
    String suffix =
        (kind.equals("segmented") ? "" : "-" + kind.replace(':', '_'))
            + (maxMoved < 1 ? "-m" + maxMoved : "")
            + ("false".equals(System.getProperty("bench.localSearch")) ? "-greedy" : "")
            + (args.length > 5 ? "-w" + args[5].replace(',', '_') : "");
    Path out = Path.of("bench/results/territory-" + accounts + "x" + reps + suffix + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
  }

  /** Mean km: today (accounts with a located current rep), plan on those, plan on all. */
  static double[] travel(PlanningProblem problem, TerritoryPlan plan) {
    Map<String, Rep> reps = new HashMap<>();
    problem.reps().forEach(r -> reps.put(r.id(), r));
    Map<String, String> repOf = new HashMap<>();
    for (Assignment a : plan.assignments()) {
      repOf.put(a.accountId(), a.repId());
    }
    double today = 0;
    double same = 0;
    double all = 0;
    long n = 0;
    long nAll = 0;
    for (Account a : problem.accounts()) {
      Rep planned = reps.get(repOf.get(a.id()));
      if (a.location() == null || planned.home() == null) {
        continue;
      }
      double d = planned.home().distanceKm(a.location());
      all += d;
      nAll++;
      Rep current = a.currentRepId() == null ? null : reps.get(a.currentRepId());
      if (current != null && current.home() != null) {
        today += current.home().distanceKm(a.location());
        same += d;
        n++;
      }
    }
    return new double[] {today / Math.max(1, n), same / Math.max(1, n), all / Math.max(1, nAll)};
  }
}
