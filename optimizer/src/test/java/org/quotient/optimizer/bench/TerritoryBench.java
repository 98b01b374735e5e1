package org.quotient.optimizer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.domain.TerritorySummary;
import org.quotient.optimizer.solver.SkewedProblems;
import org.quotient.optimizer.solver.SolverSettings;
import org.quotient.optimizer.solver.TerritoryOptimizer;

/**
 * Benchmark runner (not a test): solves a seeded skewed problem and writes the figures to
 * bench/results/territory-ACCOUNTSxREPS.txt. Args: accounts reps segments seed.
 */
public final class TerritoryBench {
  public static void main(String[] args) throws IOException {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int segments = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
    PlanningProblem problem = SkewedProblems.generate(seed, accounts, reps, segments);
    List<String> lines = new ArrayList<>();
    TerritoryPlan plan =
        new TerritoryOptimizer()
            .solve(
                problem,
                SolverSettings.defaults(),
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
            "%d accounts, %d reps, %d segments, seed %d, %d cores: %d ms, balance index %.4f..%.4f,"
                + " workload index %.4f..%.4f, moved %d, feasible %s, score %s",
            accounts,
            reps,
            segments,
            seed,
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
    lines.add(result);
    Path out = Path.of("bench/results/territory-" + accounts + "x" + reps + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
  }
}
