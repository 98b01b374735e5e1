package org.quotient.optimizer.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.AcceptorType;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.AccountAssignment;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.SolverStatistics;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.domain.TerritorySolution;
import org.quotient.optimizer.domain.TradeOffPoint;

/**
 * Public entry point: balances territories segment by segment.
 *
 * <p>Each segment is an independent partition solved by its own OptaPlanner solver (a
 * stability-first construction, then hill-climbing local search ending on counts), on at most
 * {@value #MAX_THREADS} threads. Same problem, settings and seed give the same assignments, unless
 * the time limit (a safety cap) cuts a local search short, which the progress output says.
 */
public final class TerritoryOptimizer {
  static final int MAX_THREADS = 2;

  /**
   * Local search budget per movable account: steps, steps without a new best, and move evaluations
   * (the last bounds a step that finds no acceptable move, e.g. at a flat optimum). All are counts,
   * so reruns are identical.
   */
  static final int STEPS_PER_ACCOUNT = 2;

  static final int UNIMPROVED_STEPS_PER_ACCOUNT = 1;
  static final int EVALUATIONS_PER_ACCOUNT = 10;

  /** Most unpinned accounts per local-search cluster (reps are grouped along a Hilbert curve). */
  static final int CLUSTER_ACCOUNTS = 4_000;

  private final int clusterAccounts;
  private final boolean localSearch;

  public TerritoryOptimizer() {
    this(CLUSTER_ACCOUNTS, true);
  }

  /** For tests: a smaller cluster size exercises geographic sub-partitions on small problems. */
  TerritoryOptimizer(int clusterAccounts) {
    this(clusterAccounts, true);
  }

  private TerritoryOptimizer(int clusterAccounts, boolean localSearch) {
    this.clusterAccounts = clusterAccounts;
    this.localSearch = localSearch;
  }

  /**
   * The greedy balancer alone, without the local-search polish: the same bands, budget and moves up
   * to local search's small reassignments of moved accounts, in a fraction of the time.
   */
  public TerritoryOptimizer withoutLocalSearch() {
    return new TerritoryOptimizer(clusterAccounts, false);
  }

  /**
   * The balance-versus-disruption curve: one plan per move budget (fractions of all accounts, 1.0 =
   * no limit), solved with the greedy balancer only so a curve of several points costs a few greedy
   * runs. A planner picks a point, then solves it in full with {@code
   * settings.withMaxMovedFraction(fraction)}.
   */
  public List<TradeOffPoint> tradeOffCurve(
      PlanningProblem problem,
      SolverSettings settings,
      List<Double> fractions,
      Consumer<String> progress) {
    List<TradeOffPoint> curve = new ArrayList<>();
    TerritoryOptimizer greedy = withoutLocalSearch();
    for (double fraction : fractions) {
      TerritoryPlan plan =
          greedy.solve(problem, settings.withMaxMovedFraction(fraction), line -> {});
      TradeOffPoint point = TradeOffPoint.of(fraction, plan);
      progress.accept(
          String.format(
              Locale.ROOT,
              "budget %.4f: %d moved (%d taken), worst balance %.4f, worst workload %.4f, %d"
                  + " rep(s) outside a band",
              fraction,
              point.movedAccounts(),
              point.takenFromCurrentRep(),
              point.worstBalanceDeviation(),
              point.worstWorkloadDeviation(),
              point.repsOutsideBands()));
      curve.add(point);
    }
    return curve;
  }

  public TerritoryPlan solve(
      PlanningProblem problem, SolverSettings settings, Consumer<String> progress) {
    long start = System.nanoTime();
    Consumer<String> out = synchronizedConsumer(progress);
    List<SegmentPartition> partitions = partitions(problem);
    out.accept(
        String.format(
            Locale.ROOT,
            "solving %d account(s), %d rep(s) in %d segment partition(s) on %d thread(s)",
            problem.accounts().size(),
            problem.reps().size(),
            partitions.size(),
            Math.max(1, Math.min(MAX_THREADS, partitions.size()))));
    List<SegmentSolution> solutions = new ArrayList<>();
    if (!partitions.isEmpty()) {
      ExecutorService pool = Executors.newFixedThreadPool(MAX_THREADS);
      try {
        // Biggest segment first, so the two threads finish close together.
        List<SegmentPartition> bySize = new ArrayList<>(partitions);
        bySize.sort((a, b) -> Integer.compare(b.accounts().size(), a.accounts().size()));
        Map<SegmentPartition, Future<SegmentSolution>> running = new HashMap<>();
        for (SegmentPartition p : bySize) {
          running.put(p, pool.submit(() -> solvePartition(p, settings, out)));
        }
        for (SegmentPartition p : partitions) {
          solutions.add(await(running.get(p)));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return assemble(problem, solutions, (System.nanoTime() - start) / 1_000_000, out);
  }

  /**
   * The independent sub-problems of a problem, one per segment in segment order: what a distributed
   * solve hands to its tasks. Solving each with {@link #solvePartition} (anywhere) and passing the
   * results to {@link #assemble} gives exactly the plan {@link #solve} gives.
   *
   * @throws PlanningException when the problem is invalid (same checks as {@link #solve})
   */
  public static List<SegmentPartition> partitions(PlanningProblem problem) {
    return List.copyOf(partition(problem).values());
  }

  /**
   * Solves one segment: the greedy balancer over the whole segment, local search on its geographic
   * clusters (on up to {@value #MAX_THREADS} threads), and one scoring of the segment. {@code
   * settings.timeLimit()} is the safety cap of this segment's local search.
   */
  public SegmentSolution solvePartition(
      SegmentPartition partition, SolverSettings settings, Consumer<String> progress) {
    long deadline = System.nanoTime() + settings.timeLimit().toNanos();
    List<String> log = new ArrayList<>();
    Consumer<String> out =
        synchronizedConsumer(
            line -> {
              log.add(line);
              progress.accept(line);
            });
    SegmentRun run = SegmentRun.greedy(partition, settings, out);
    List<Cluster> clusters = localSearch ? run.clusters(clusterAccounts) : List.of();
    if (clusters.size() == 1) {
      clusters.get(0).search(settings, deadline);
    } else if (!clusters.isEmpty()) {
      ExecutorService pool = Executors.newFixedThreadPool(MAX_THREADS);
      try {
        List<Future<?>> searches = new ArrayList<>();
        for (Cluster c : clusters) {
          searches.add(pool.submit(() -> c.search(settings, deadline)));
        }
        for (Future<?> f : searches) {
          await(f);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    PartitionResult result = run.finish(settings, deadline);
    List<String> accountIds = new ArrayList<>(result.solution().assignments().size());
    List<String> repIds = new ArrayList<>(accountIds.size());
    for (AccountAssignment a : result.solution().assignments()) {
      accountIds.add(a.id());
      repIds.add(a.territory().repId());
    }
    return new SegmentSolution(
        partition.segment(),
        accountIds,
        repIds,
        result.score().toString(),
        result.takenFromCurrentRep(),
        List.copyOf(result.outsideBands()),
        clusters.size(),
        List.copyOf(log));
  }

  /**
   * The plan from the solved segments of a problem (in any order), with the same figures and checks
   * whether the segments were solved here or elsewhere.
   *
   * @param solveMillis wall time the caller measured for the whole solve
   */
  public TerritoryPlan assemble(
      PlanningProblem problem,
      List<SegmentSolution> solutions,
      long solveMillis,
      Consumer<String> progress) {
    List<SegmentSolution> bySegment = new ArrayList<>(solutions);
    bySegment.sort(java.util.Comparator.comparing(SegmentSolution::segment));
    int partitions = 0;
    for (SegmentSolution s : bySegment) {
      partitions += 1 + s.clusters();
    }
    TerritoryPlan plan = PlanAssembler.assemble(problem, bySegment, partitions, solveMillis);
    SolverStatistics s = plan.statistics();
    progress.accept(
        String.format(
            Locale.ROOT,
            "done: score %s, %s, %d of %d account(s) moved (%d taken from a rep who could keep"
                + " them), %s, %d ms",
            s.score(),
            s.feasible()
                ? "feasible"
                : "INFEASIBLE (" + s.hardViolations().size() + " violation(s))",
            s.movedAccounts(),
            problem.accounts().size(),
            s.takenFromCurrentRep(),
            s.bandsReached()
                ? "every rep within both bands"
                : s.outsideBands().size() + " rep(s) outside a band",
            s.solveMillis()));
    return plan;
  }

  /** Validates, then groups accounts and reps by segment (sorted, so the order is stable). */
  static Map<String, SegmentPartition> partition(PlanningProblem problem) {
    ProblemValidator.validate(problem);
    Map<String, List<Account>> accounts = new TreeMap<>();
    Map<String, List<Rep>> reps = new HashMap<>();
    for (Account a : problem.accounts()) {
      accounts.computeIfAbsent(a.segment(), k -> new ArrayList<>()).add(a);
    }
    for (Rep r : problem.reps()) {
      reps.computeIfAbsent(r.segment(), k -> new ArrayList<>()).add(r);
    }
    Map<String, SegmentPartition> partitions = new LinkedHashMap<>();
    accounts.forEach(
        (segment, list) ->
            partitions.put(segment, new SegmentPartition(segment, list, reps.get(segment))));
    return partitions;
  }

  /**
   * Change and swap moves under first-improvement hill climbing: every step must not worsen the
   * score, so no account moves without paying for itself. (Late acceptance wandered: on 20k
   * accounts it moved ~900 more accounts for a smaller gain.) Ends on counts so reruns are
   * identical; the time budget is only a safety cap, and the construction before it always
   * completes.
   */
  static LocalSearchPhaseConfig localSearch(long movableAccounts, Duration budget) {
    long steps = Math.max(1_000, STEPS_PER_ACCOUNT * movableAccounts);
    long unimproved = Math.max(500, UNIMPROVED_STEPS_PER_ACCOUNT * movableAccounts);
    long evaluations = Math.max(20_000, EVALUATIONS_PER_ACCOUNT * movableAccounts);
    return new LocalSearchPhaseConfig()
        .withMoveSelectorConfig(
            new UnionMoveSelectorConfig()
                .withMoveSelectors(new ChangeMoveSelectorConfig(), new SwapMoveSelectorConfig()))
        .withAcceptorConfig(
            new LocalSearchAcceptorConfig()
                .withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING)))
        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
        .withTerminationConfig(
            new TerminationConfig()
                .withStepCountLimit((int) Math.min(Integer.MAX_VALUE, steps))
                .withUnimprovedStepCountLimit((int) Math.min(Integer.MAX_VALUE, unimproved))
                .withScoreCalculationCountLimit(evaluations)
                .withSpentLimit(budget));
  }

  static SolverConfig solverConfig(long seed, List<PhaseConfig> phases) {
    return new SolverConfig()
        .withSolutionClass(TerritorySolution.class)
        .withEntityClasses(AccountAssignment.class)
        .withScoreDirectorFactory(
            new ScoreDirectorFactoryConfig()
                .withConstraintProviderClass(TerritoryConstraintProvider.class)
                // Bavet: several times faster here than the Drools implementation.
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
        .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
        .withRandomSeed(seed)
        .withPhases(phases.toArray(PhaseConfig[]::new));
  }

  /** The task's result; its own RuntimeException rethrown as is, so callers see the real error. */
  private static <T> T await(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("territory solve interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Consumer<String> synchronizedConsumer(Consumer<String> progress) {
    Object lock = new Object();
    return line -> {
      synchronized (lock) {
        progress.accept(line);
      }
    };
  }

  record PartitionResult(
      SegmentPartition partition,
      TerritorySolution solution,
      HardMediumSoftLongScore score,
      long takenFromCurrentRep,
      List<String> outsideBands) {}
}
