package org.quotient.engine.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicType;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.LocalSearchType;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Baseline: a plain OptaPlanner model as a newcomer would write it: one entity per account, the rep
 * as planning variable over all reps, segment eligibility and locks as hard constraints, potential
 * balance (load^2 / capacity) soft, first fit decreasing then late acceptance, all within one time
 * limit. When the construction does not finish in time, there is no plan and the note says so.
 */
public final class PlainOptaPlanner implements BenchMethod {
  /** Potential points of a segment's mean account (keeps load^2 far from long overflow). */
  static final double POINTS_PER_MEAN_ACCOUNT = 100;

  private final Duration timeLimit;
  private final long seed;
  private final Integer localSearchSteps;

  public PlainOptaPlanner(Duration timeLimit, long seed) {
    this(timeLimit, seed, null);
  }

  /** With a cap on local search steps as well (tests: ends early however loaded the machine). */
  PlainOptaPlanner(Duration timeLimit, long seed, Integer localSearchSteps) {
    this.timeLimit = timeLimit;
    this.seed = seed;
    this.localSearchSteps = localSearchSteps;
  }

  @Override
  public String name() {
    return "plain";
  }

  @Override
  public Outcome run(IndexedProblem p, Consumer<String> progress) {
    PlainSolution problem = model(p);
    SolverConfig config =
        new SolverConfig()
            .withSolutionClass(PlainSolution.class)
            .withEntityClasses(PlainAccount.class)
            .withConstraintProviderClass(PlainConstraints.class)
            .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
            .withRandomSeed(seed)
            .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit))
            .withPhases(
                new ConstructionHeuristicPhaseConfig()
                    .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                localSearch());
    Solver<PlainSolution> solver = SolverFactory.<PlainSolution>create(config).buildSolver();
    progress.accept(
        String.format(
            Locale.ROOT,
            "plain OptaPlanner: %d accounts x %d reps, first fit decreasing then late acceptance,"
                + " %d s limit",
            p.accountCount,
            p.repCount,
            timeLimit.toSeconds()));
    long start = System.nanoTime();
    PlainSolution best = solver.solve(problem);
    double seconds = (System.nanoTime() - start) / 1e9;
    int[] a = new int[p.accountCount];
    Arrays.fill(a, -1);
    int assigned = 0;
    for (PlainAccount e : best.accounts()) {
      if (e.rep() != null) {
        a[e.index()] = e.rep().index();
        assigned++;
      }
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "plain OptaPlanner: score %s, %d of %d accounts assigned, %.1f s",
            best.score(),
            assigned,
            p.accountCount,
            seconds));
    if (assigned < p.accountCount) {
      return new Outcome(
          null,
          String.format(
              Locale.ROOT,
              "construction not finished in %d s (%d of %d accounts placed)",
              timeLimit.toSeconds(),
              assigned,
              p.accountCount));
    }
    return new Outcome(a, "score " + best.score());
  }

  private LocalSearchPhaseConfig localSearch() {
    LocalSearchPhaseConfig phase =
        new LocalSearchPhaseConfig().withLocalSearchType(LocalSearchType.LATE_ACCEPTANCE);
    if (localSearchSteps != null) {
      phase.setTerminationConfig(new TerminationConfig().withStepCountLimit(localSearchSteps));
    }
    return phase;
  }

  static PlainSolution model(IndexedProblem p) {
    List<PlainRep> reps = new ArrayList<>(p.repCount);
    for (int j = 0; j < p.repCount; j++) {
      reps.add(new PlainRep(j, p.repSegment[j], Math.max(1, Math.round(p.capacity[j] * 10))));
    }
    int[] segmentAccounts = new int[p.segments.size()];
    for (int i = 0; i < p.accountCount; i++) {
      segmentAccounts[p.accountSegment[i]]++;
    }
    List<PlainAccount> accounts = new ArrayList<>(p.accountCount);
    for (int i = 0; i < p.accountCount; i++) {
      int s = p.accountSegment[i];
      double meanAccount = p.segmentPotential[s] / segmentAccounts[s];
      long points =
          meanAccount > 0 ? Math.round(p.potential[i] / meanAccount * POINTS_PER_MEAN_ACCOUNT) : 0;
      PlainRep lockedTo = p.locked[i] >= 0 ? reps.get(p.locked[i]) : null;
      accounts.add(new PlainAccount(i, s, points, lockedTo));
    }
    return new PlainSolution(reps, accounts);
  }
}
