package org.quotient.optimizer.geo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * Entry point of the geographic-unit mode: splits units (counties, ZIP codes) into K connected
 * territories with balanced measures.
 *
 * <pre>{@code
 * GeoPlan plan = GeoPlanner.plan(problem, GeoSettings.defaults(), System.out::println);
 * }</pre>
 *
 * Inputs no plan can be made from throw {@link GeoException} (messages from {@link GeoErrors}); a
 * problem whose constraints cannot all be met in the time allowed returns the best plan found with
 * {@code feasible() == false} and the violations in words.
 */
public final class GeoPlanner {
  private GeoPlanner() {}

  public static GeoPlan plan(GeoProblem problem, GeoSettings settings, Consumer<String> log) {
    long start = System.nanoTime();
    GeoGraph graph = new GeoGraph(problem, settings.ignoreUnknownEdges());
    graph.warnings.forEach(log);
    int k = problem.territories();
    List<GeoTerritory> territories = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      territories.add(new GeoTerritory(t));
    }
    List<GeoMeasure> measures = new ArrayList<>();
    for (int m = 0; m < graph.measureCount; m++) {
      measures.add(
          new GeoMeasure(m, problem.measureNames().get(m), graph.mean(m), problem.tolerance()));
    }
    List<GeoUnitAssignment> units = new ArrayList<>();
    for (int i = 0; i < graph.n; i++) {
      units.add(
          new GeoUnitAssignment(
              i,
              graph.ids[i],
              graph.measures[i],
              graph.neighbours[i],
              graph.located[i],
              Math.round(graph.x[i] * 1000),
              Math.round(graph.y[i] * 1000),
              null));
    }
    GeoSolution solution =
        new GeoSolution(
            territories, graph.adjacencies, measures, new GeoScoring(problem.objective()), units);
    long deadline = start + settings.timeLimit().toNanos();
    GeoSearch search =
        new GeoSearch(graph, settings.seed(), deadline, settings.movesPerUnit(), log);
    log.accept(
        String.format(
            Locale.ROOT,
            "geo: %d units, %d edges, %d part(s) of the graph, K=%d, balancing %s at ±%s",
            graph.n,
            graph.adjacencies.size(),
            graph.parts,
            k,
            String.join(", ", problem.measureNames()),
            percent(problem.tolerance())));
    SolverConfig config =
        new SolverConfig()
            .withSolutionClass(GeoSolution.class)
            .withEntityClasses(GeoUnitAssignment.class)
            .withScoreDirectorFactory(
                new ScoreDirectorFactoryConfig()
                    .withConstraintProviderClass(GeoConstraintProvider.class)
                    .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
            .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
            .withRandomSeed(settings.seed())
            .withPhases(
                new CustomPhaseConfig().withCustomPhaseCommands(new GeoSearchPhase(search)));
    Solver<GeoSolution> solver = SolverFactory.<GeoSolution>create(config).buildSolver();
    GeoSolution best = solver.solve(solution);
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    GeoPlan plan = summarize(graph, best, search, time);
    log.accept(
        String.format(
            Locale.ROOT,
            "geo: %s after %d moves in %d ms, score %s%s",
            plan.feasible() ? "feasible" : "infeasible",
            search.movesTried,
            time.toMillis(),
            plan.score(),
            search.timeLimitHit ? " (stopped by the time limit)" : ""));
    return plan;
  }

  private static GeoPlan summarize(
      GeoGraph graph, GeoSolution best, GeoSearch search, Duration time) {
    GeoProblem problem = graph.problem;
    int k = problem.territories();
    int mCount = graph.measureCount;
    double[][] totals = new double[k][mCount];
    List<Map<Integer, GeoUnitAssignment>> members = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      members.add(new HashMap<>());
    }
    List<GeoAssignment> assignments = new ArrayList<>();
    int[] territoryOf = new int[graph.n];
    for (GeoUnitAssignment unit : best.units()) {
      int t = unit.territory().index();
      territoryOf[unit.index()] = t;
      members.get(t).put(unit.index(), unit);
      for (int m = 0; m < mCount; m++) {
        totals[t][m] += graph.measures[unit.index()][m];
      }
      assignments.add(new GeoAssignment(unit.unitId(), t));
    }
    List<String> violations = new ArrayList<>();
    List<GeoTerritorySummary> summaries = new ArrayList<>();
    double[] maxDeviation = new double[mCount];
    for (int t = 0; t < k; t++) {
      int pieces = members.get(t).isEmpty() ? 0 : ConnectedPiecesCollector.pieces(members.get(t));
      if (pieces == 0) {
        violations.add(GeoErrors.territoryEmpty(t));
      } else if (pieces > 1) {
        violations.add(GeoErrors.territoryDisconnected(t, pieces));
      }
      List<Double> territoryTotals = new ArrayList<>();
      List<Double> deviations = new ArrayList<>();
      for (int m = 0; m < mCount; m++) {
        GeoMeasure measure = best.measures().get(m);
        double deviation = measure.deviation(totals[t][m]);
        territoryTotals.add(totals[t][m]);
        deviations.add(deviation);
        maxDeviation[m] = Math.max(maxDeviation[m], Math.abs(deviation));
        if (measure.excessPpm(totals[t][m]) > 0) {
          violations.add(
              GeoErrors.outsideBand(
                  t, measure.name(), totals[t][m], measure.mean(), problem.tolerance()));
        }
      }
      summaries.add(
          new GeoTerritorySummary(t, members.get(t).size(), territoryTotals, deviations, pieces));
    }
    HardMediumSoftLongScore score = best.score();
    boolean feasible = score.isFeasible();
    if (feasible != violations.isEmpty()) {
      throw new IllegalStateException(
          "score " + score + " disagrees with the plan's own check " + violations);
    }
    if (!feasible) {
      violations.addAll(reasonsNoPlanFits(graph, best.measures()));
    }
    long cut = 0;
    for (GeoAdjacency edge : graph.adjacencies) {
      if (territoryOf[edge.a()] != territoryOf[edge.b()]) {
        cut++;
      }
    }
    OptionalDouble compactness = compactness(graph, territoryOf, k);
    List<Double> maxDeviations = new ArrayList<>();
    for (double d : maxDeviation) {
      maxDeviations.add(d);
    }
    return new GeoPlan(
        assignments,
        summaries,
        problem.measureNames(),
        problem.tolerance(),
        problem.objective(),
        feasible,
        score.toString(),
        violations,
        graph.warnings,
        cut,
        compactness,
        maxDeviations,
        time,
        search.timeLimitHit,
        search.movesTried);
  }

  /** Units that alone exceed the upper limit of the band: no plan can be feasible. */
  private static List<String> reasonsNoPlanFits(GeoGraph graph, List<GeoMeasure> measures) {
    List<String> reasons = new ArrayList<>();
    for (GeoMeasure measure : measures) {
      double limit = measure.mean() * (1 + measure.tolerance());
      for (int i = 0; i < graph.n && reasons.size() < 5; i++) {
        if (graph.measures[i][measure.index()] > limit) {
          reasons.add(
              GeoErrors.unitAboveBand(
                  graph.ids[i],
                  measure.name(),
                  graph.measures[i][measure.index()],
                  measure.mean(),
                  measure.tolerance()));
        }
      }
    }
    return reasons;
  }

  private static OptionalDouble compactness(GeoGraph graph, int[] territoryOf, int k) {
    for (boolean located : graph.located) {
      if (!located) {
        return OptionalDouble.empty();
      }
    }
    double[] count = new double[k];
    double[] sx = new double[k];
    double[] sy = new double[k];
    double[] sq = new double[k];
    for (int i = 0; i < graph.n; i++) {
      int t = territoryOf[i];
      count[t]++;
      sx[t] += graph.x[i];
      sy[t] += graph.y[i];
      sq[t] += graph.x[i] * graph.x[i] + graph.y[i] * graph.y[i];
    }
    double total = 0;
    for (int t = 0; t < k; t++) {
      if (count[t] > 0) {
        total += Math.max(0, sq[t] - (sx[t] * sx[t] + sy[t] * sy[t]) / count[t]);
      }
    }
    return OptionalDouble.of(total);
  }

  static String percent(double fraction) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", fraction * 100))
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
