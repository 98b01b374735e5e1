package org.quotient.optimizer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.domain.TerritorySummary;
import org.quotient.optimizer.solver.SkewedProblems;
import org.quotient.optimizer.solver.SolverSettings;
import org.quotient.optimizer.solver.TerritoryOptimizer;
import org.quotient.optimizer.solver.TerritoryWeights;

/**
 * Benchmark runner (not a test): solves a seeded skewed problem and writes the figures to
 * bench/results/territory-ACCOUNTSxREPS.txt. Args: accounts reps segments seed [weights as
 * potential,workload,disruption,travel].
 */
public final class TerritoryBench {
  public static void main(String[] args) throws IOException {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int segments = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
    SolverSettings settings = SolverSettings.defaults();
    if (args.length > 4) {
      String[] w = args[4].split(",");
      settings =
          new SolverSettings(
              new TerritoryWeights(
                  Double.parseDouble(w[0]),
                  Double.parseDouble(w[1]),
                  Double.parseDouble(w[2]),
                  Double.parseDouble(w[3])),
              settings.timeLimit(),
              settings.seed(),
              settings.balanceTolerance());
    }
    PlanningProblem problem = SkewedProblems.generate(seed, accounts, reps, segments);
    List<String> lines = new ArrayList<>();
    TerritoryPlan plan =
        new TerritoryOptimizer()
            .solve(
                problem,
                settings,
                line -> {
                  System.out.println(line);
                  lines.add(line);
                });
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
    String result =
        String.format(
            Locale.ROOT,
            "%d accounts, %d reps, %d segments, seed %d, weights %s, %d cores: %d ms, balance index"
                + " %.4f..%.4f, workload index %.4f..%.4f, moved %d, feasible %s, score %s",
            accounts,
            reps,
            segments,
            seed,
            settings.weights(),
            Runtime.getRuntime().availableProcessors(),
            plan.statistics().solveMillis(),
            min,
            max,
            wmin,
            wmax,
            plan.statistics().movedAccounts(),
            plan.statistics().feasible(),
            plan.statistics().score());
    System.out.println(result);
    String bound = mustMove(problem, settings.balanceTolerance());
    System.out.println(bound);
    lines.add(bound);
    lines.add(result);
    String suffix = args.length > 4 ? "-w" + args[4].replace(',', '_') : "";
    Path out = Path.of("bench/results/territory-" + accounts + "x" + reps + suffix + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
  }

  /**
   * A lower bound on disruption: potential that must leave reps above the band (measured against
   * today's owners) plus accounts that must be placed, next to what the plan moved.
   */
  private static String mustMove(PlanningProblem problem, double tolerance) {
    Map<String, Rep> reps = new HashMap<>();
    problem.reps().forEach(r -> reps.put(r.id(), r));
    Map<String, Double> load = new HashMap<>();
    Map<String, double[]> segment = new HashMap<>();
    int orphans = 0;
    for (var a : problem.accounts()) {
      segment.computeIfAbsent(a.segment(), k -> new double[2])[0] += a.potential();
      var r = a.currentRepId() == null ? null : reps.get(a.currentRepId());
      if (r == null || !r.segment().equals(a.segment())) {
        orphans++;
      } else {
        load.merge(r.id(), a.potential(), Double::sum);
      }
    }
    problem
        .reps()
        .forEach(r -> segment.computeIfAbsent(r.segment(), k -> new double[2])[1] += r.capacity());
    double excess = 0;
    double total = 0;
    for (var r : problem.reps()) {
      double[] s = segment.get(r.segment());
      excess +=
          Math.max(
              0, load.getOrDefault(r.id(), 0.0) - (1 + tolerance) * s[0] / s[1] * r.capacity());
    }
    for (double[] s : segment.values()) {
      total += s[0];
    }
    return String.format(
        Locale.ROOT,
        "lower bound: %d account(s) without an eligible owner must be placed, and %.1f%% of all"
            + " potential must leave reps above the band",
        orphans,
        100 * excess / total);
  }
}
