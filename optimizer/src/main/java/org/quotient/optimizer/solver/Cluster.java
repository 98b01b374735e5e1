package org.quotient.optimizer.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.AccountAssignment;
import org.quotient.optimizer.domain.MoveBudget;
import org.quotient.optimizer.domain.Territory;
import org.quotient.optimizer.domain.TerritorySolution;

/**
 * A geographic cluster of reps of one segment for local search: the free accounts (moved, new or
 * orphaned) owned by these reps as planning entities, and each rep's kept accounts as one pinned
 * aggregate entity carrying their potential and workload, so the bands and balance are exact while
 * the solution stays small (cheap clones, little memory). Its move budget is the moves it holds, so
 * local search can redistribute moved accounts but never take one more from a rep who keeps it.
 */
final class Cluster {
  private final SegmentRun run;
  private final int number;
  private final List<AccountAssignment> free;
  private final TerritorySolution solution;
  int improvements;
  boolean reverted;
  boolean searched;
  boolean timeLimitHit;
  long millis;

  private Cluster(
      SegmentRun run, int number, List<AccountAssignment> free, TerritorySolution solution) {
    this.run = run;
    this.number = number;
    this.free = free;
    this.solution = solution;
  }

  static Cluster of(
      SegmentRun run,
      int number,
      List<Integer> reps,
      List<List<AccountAssignment>> free,
      List<List<AccountAssignment>> kept) {
    List<Territory> territories = new ArrayList<>();
    List<AccountAssignment> entities = new ArrayList<>();
    List<AccountAssignment> freeHere = new ArrayList<>();
    long moved = 0;
    for (int r : reps) {
      Territory t = run.solution.territories().get(r);
      territories.add(t);
      double potential = 0;
      double workload = 0;
      long points = 0;
      long milli = 0;
      for (AccountAssignment a : kept.get(r)) {
        potential += a.account().potential();
        workload += a.account().workload();
        points += a.potentialPoints();
        milli += a.workloadMilliHours();
      }
      Account aggregate =
          new Account(
              "kept-by-" + t.repId(), t.segment(), potential, workload, null, t.repId(), t.repId());
      entities.add(new AccountAssignment(aggregate, points, milli, t.repId(), 0, t));
      for (AccountAssignment a : free.get(r)) {
        freeHere.add(a);
        moved += a.isTakenFromIncumbent() ? 1 : 0;
      }
    }
    // Copies, so the pinned aggregates and the solver's clones never touch the segment's entities.
    List<AccountAssignment> copies = new ArrayList<>(freeHere.size());
    for (AccountAssignment a : freeHere) {
      copies.add(
          new AccountAssignment(
              a.account(),
              a.potentialPoints(),
              a.workloadMilliHours(),
              a.incumbentRepId(),
              a.disruptionPoints(),
              a.territory()));
    }
    entities.addAll(copies);
    return new Cluster(
        run, number, freeHere, new TerritorySolution(territories, entities, new MoveBudget(moved)));
  }

  private static Map<Territory, double[]> exactLoads(List<AccountAssignment> entities) {
    Map<Territory, double[]> loads = new HashMap<>();
    for (AccountAssignment a : entities) {
      double[] l = loads.computeIfAbsent(a.territory(), t -> new double[2]);
      l[0] += a.account().potential();
      l[1] += a.account().workload();
    }
    return loads;
  }

  /** Hill climbing on counts scaled to the free accounts; writes the best owners back. */
  void search(SolverSettings settings, long deadline) {
    long start = System.nanoTime();
    long movable = free.stream().filter(a -> !a.locked()).count();
    Duration budget = Duration.ofMillis((deadline - System.nanoTime()) / 1_000_000);
    if (budget.isNegative() || budget.isZero()) {
      timeLimitHit = true;
      return;
    }
    if (movable == 0 || solution.territories().size() < 2) {
      return;
    }
    List<PhaseConfig> phases = new ArrayList<>();
    phases.add(TerritoryOptimizer.localSearch(movable, budget));
    long seed = settings.seed() ^ (run.partition.segment().hashCode() * 31L + number);
    Solver<TerritorySolution> solver =
        SolverFactory.<TerritorySolution>create(TerritoryOptimizer.solverConfig(seed, phases))
            .buildSolver();
    solver.addEventListener(event -> improvements++);
    TerritorySolution best = solver.solve(solution);
    searched = true;
    timeLimitHit = System.nanoTime() >= deadline;
    List<AccountAssignment> solved = best.assignments();
    int offset = solved.size() - free.size();
    // The score sees potential in rounded points; never publish a search that, by the exact
    // indices, puts more reps outside a band than the greedy left (keep the greedy's then).
    if (run.outsideExact(solution.territories(), exactLoads(solved))
        > run.outsideExact(solution.territories(), exactLoads(solution.assignments()))) {
      reverted = true;
      millis = (System.nanoTime() - start) / 1_000_000;
      return;
    }
    for (int k = 0; k < free.size(); k++) {
      Territory t = solved.get(offset + k).territory();
      if (free.get(k).territory() != t) {
        free.get(k).setTerritory(t);
      }
    }
    searched = true;
    timeLimitHit = System.nanoTime() >= deadline;
    millis = (System.nanoTime() - start) / 1_000_000;
  }
}
