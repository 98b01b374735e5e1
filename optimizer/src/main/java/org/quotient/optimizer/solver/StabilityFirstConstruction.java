package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.quotient.optimizer.domain.AccountAssignment;
import org.quotient.optimizer.domain.Territory;
import org.quotient.optimizer.domain.TerritorySolution;

/**
 * Construction that keeps today's territories and only moves what balance needs.
 *
 * <p>Expects locked accounts and accounts of an eligible current rep to be assigned already. It (1)
 * places every unassigned (new or orphaned) account on the nearest rep below the segment's mean
 * potential per capacity, then (2) repeatedly takes the rep furthest outside the tolerance band and
 * moves one account to (or from) a rep on the other side of the mean, choosing the move with the
 * lowest disruption-plus-travel cost per point of potential moved, so big accounts close to the
 * receiver go first and few accounts move. Every move keeps both reps inside the band's outer edges
 * and the receiver within its maxWorkload. Deterministic: no randomness, ties broken by order.
 */
final class StabilityFirstConstruction implements CustomPhaseCommand<TerritorySolution> {
  private static final String VARIABLE = "territory";

  private final double tolerance;
  private final Consumer<String> progress;

  StabilityFirstConstruction(double tolerance, Consumer<String> progress) {
    this.tolerance = tolerance;
    this.progress = progress;
  }

  @Override
  public void changeWorkingSolution(ScoreDirector<TerritorySolution> scoreDirector) {
    new Run(scoreDirector).execute();
  }

  private final class Run {
    private final ScoreDirector<TerritorySolution> scoreDirector;
    private final List<Territory> territories;
    private final List<AccountAssignment> assignments;
    private final int reps;
    private final long[] load;
    private final long[] work;
    private final double[] capacity;
    private final List<List<AccountAssignment>> owned;
    private final Map<String, Integer> indexByRepId = new HashMap<>();
    private double meanPerCapacity;

    Run(ScoreDirector<TerritorySolution> scoreDirector) {
      this.scoreDirector = scoreDirector;
      TerritorySolution solution = scoreDirector.getWorkingSolution();
      this.territories = solution.territories();
      this.assignments = solution.assignments();
      this.reps = territories.size();
      this.load = new long[reps];
      this.work = new long[reps];
      this.capacity = new double[reps];
      this.owned = new ArrayList<>(reps);
      for (int r = 0; r < reps; r++) {
        indexByRepId.put(territories.get(r).repId(), r);
        capacity[r] = territories.get(r).rep().capacity();
        owned.add(new ArrayList<>());
      }
    }

    void execute() {
      long start = System.currentTimeMillis();
      long totalPoints = 0;
      double totalCapacity = 0;
      List<AccountAssignment> unplaced = new ArrayList<>();
      for (AccountAssignment a : assignments) {
        totalPoints += a.potentialPoints();
        if (a.territory() == null) {
          unplaced.add(a);
        } else {
          add(a, index(a.territory()));
        }
      }
      for (double c : capacity) {
        totalCapacity += c;
      }
      meanPerCapacity = totalPoints / totalCapacity;
      // Biggest first, so the small ones fill the gaps they leave.
      unplaced.sort(
          Comparator.comparingLong(AccountAssignment::potentialPoints)
              .reversed()
              .thenComparing(AccountAssignment::id));
      for (AccountAssignment a : unplaced) {
        int r = placementFor(a);
        assign(a, r);
        add(a, r);
      }
      int relieved = relieveOverworked();
      int moves = rebalance();
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < reps; r++) {
        min = Math.min(min, ratio(r));
        max = Math.max(max, ratio(r));
      }
      progress.accept(
          String.format(
              Locale.ROOT,
              "construction: placed %d new/orphaned account(s), moved %d off overworked reps and %d"
                  + " for balance; potential per capacity %.3f..%.3f of the mean (tolerance %.3f);"
                  + " score %s, %d ms",
              unplaced.size(),
              relieved,
              moves,
              min,
              max,
              tolerance,
              ((InnerScoreDirector<?, ?>) scoreDirector).calculateScore(),
              System.currentTimeMillis() - start));
    }

    /** Nearest rep below the mean with workload room; else the least loaded with room. */
    private int placementFor(AccountAssignment a) {
      int best = -1;
      double bestDistance = 0;
      for (int r = 0; r < reps; r++) {
        if (!hasWorkRoom(r, a) || ratio(r) >= 1.0) {
          continue;
        }
        double d = distance(a, r);
        if (best < 0 || d < bestDistance || (d == bestDistance && ratio(r) < ratio(best))) {
          best = r;
          bestDistance = d;
        }
      }
      if (best >= 0) {
        return best;
      }
      for (int r = 0; r < reps; r++) {
        if (hasWorkRoom(r, a) && (best < 0 || ratio(r) < ratio(best))) {
          best = r;
        }
      }
      if (best >= 0) {
        return best;
      }
      // No rep has room: least relative workload; the hard constraint will report it.
      for (int r = 0; r < reps; r++) {
        if (best < 0 || workShare(r) < workShare(best)) {
          best = r;
        }
      }
      return best;
    }

    /**
     * Reps kept above their maxWorkload (e.g. the limit was lowered) shed their biggest-workload
     * unpinned accounts to the least loaded reps with room, before balancing.
     */
    private int relieveOverworked() {
      int moves = 0;
      for (int from = 0; from < reps; from++) {
        long max = territories.get(from).maxWorkloadMilliHours();
        if (work[from] <= max) {
          continue;
        }
        List<AccountAssignment> candidates = new ArrayList<>(owned.get(from));
        candidates.sort(
            Comparator.comparingLong(AccountAssignment::workloadMilliHours)
                .reversed()
                .thenComparing(AccountAssignment::id));
        for (AccountAssignment a : candidates) {
          if (work[from] <= max) {
            break;
          }
          if (a.pinned()) {
            continue;
          }
          int to = -1;
          for (int r = 0; r < reps; r++) {
            if (r != from && hasWorkRoom(r, a) && (to < 0 || ratio(r) < ratio(to))) {
              to = r;
            }
          }
          if (to >= 0) {
            move(a, from, to);
            moves++;
          }
        }
      }
      return moves;
    }

    private void move(AccountAssignment a, int from, int to) {
      owned.get(from).remove(a);
      load[from] -= a.potentialPoints();
      work[from] -= a.workloadMilliHours();
      assign(a, to);
      add(a, to);
    }

    private int rebalance() {
      boolean[] stuck = new boolean[reps];
      int moves = 0;
      int maxSteps = 4 * assignments.size() + 100;
      for (int step = 0; step < maxSteps; step++) {
        int x = -1;
        for (int r = 0; r < reps; r++) {
          if (!stuck[r]
              && Math.abs(ratio(r) - 1.0) > tolerance
              && (x < 0 || Math.abs(ratio(r) - 1.0) > Math.abs(ratio(x) - 1.0))) {
            x = r;
          }
        }
        if (x < 0) {
          break;
        }
        Move move = ratio(x) > 1.0 ? bestPush(x) : bestPull(x);
        if (move == null) {
          stuck[x] = true;
          continue;
        }
        move(move.account, move.from, move.to);
        moves++;
      }
      return moves;
    }

    /** Best account of over-loaded rep {@code from} to any rep below the mean. */
    private Move bestPush(int from) {
      Move best = null;
      for (AccountAssignment a : owned.get(from)) {
        if (a.pinned() || a.potentialPoints() <= 0 || !donorStaysInBand(from, a)) {
          continue;
        }
        for (int to = 0; to < reps; to++) {
          if (to != from && ratio(to) < 1.0) {
            best = better(best, candidate(a, from, to));
          }
        }
      }
      return best;
    }

    /** Best account for under-loaded rep {@code to} from any rep above the mean. */
    private Move bestPull(int to) {
      Move best = null;
      for (int from = 0; from < reps; from++) {
        if (from == to || ratio(from) <= 1.0) {
          continue;
        }
        for (AccountAssignment a : owned.get(from)) {
          if (!a.pinned() && a.potentialPoints() > 0 && donorStaysInBand(from, a)) {
            best = better(best, candidate(a, from, to));
          }
        }
      }
      return best;
    }

    private Move candidate(AccountAssignment a, int from, int to) {
      if (!hasWorkRoom(to, a)
          || load[to] + a.potentialPoints() > (1.0 + tolerance) * meanPerCapacity * capacity[to]) {
        return null;
      }
      Territory source = territories.get(from);
      Territory target = territories.get(to);
      long cost =
          target.travelPenalty(a.account().location())
              - source.travelPenalty(a.account().location());
      if (a.incumbentRepId() != null) {
        if (a.incumbentRepId().equals(source.repId())) {
          cost += a.disruptionPoints();
        } else if (a.incumbentRepId().equals(target.repId())) {
          cost -= a.disruptionPoints();
        }
      }
      return new Move(a, from, to, (double) cost / a.potentialPoints());
    }

    private Move better(Move best, Move candidate) {
      if (candidate == null) {
        return best;
      }
      if (best == null
          || candidate.costPerPoint < best.costPerPoint
          || (candidate.costPerPoint == best.costPerPoint
              && candidate.account.potentialPoints() > best.account.potentialPoints())) {
        return candidate;
      }
      return best;
    }

    private boolean donorStaysInBand(int from, AccountAssignment a) {
      return load[from] - a.potentialPoints()
          >= (1.0 - tolerance) * meanPerCapacity * capacity[from];
    }

    private boolean hasWorkRoom(int r, AccountAssignment a) {
      return work[r] + a.workloadMilliHours() <= territories.get(r).maxWorkloadMilliHours();
    }

    private double workShare(int r) {
      return (double) work[r] / territories.get(r).maxWorkloadMilliHours();
    }

    private double ratio(int r) {
      return meanPerCapacity == 0 ? 1.0 : load[r] / (capacity[r] * meanPerCapacity);
    }

    /** Unknown distance sorts after every known one. */
    private double distance(AccountAssignment a, int r) {
      var home = territories.get(r).rep().home();
      var location = a.account().location();
      return home == null || location == null ? Double.MAX_VALUE : home.distanceKm(location);
    }

    private int index(Territory t) {
      return indexByRepId.get(t.repId());
    }

    private void add(AccountAssignment a, int r) {
      owned.get(r).add(a);
      load[r] += a.potentialPoints();
      work[r] += a.workloadMilliHours();
    }

    private void assign(AccountAssignment a, int r) {
      scoreDirector.beforeVariableChanged(a, VARIABLE);
      a.setTerritory(territories.get(r));
      scoreDirector.afterVariableChanged(a, VARIABLE);
      scoreDirector.triggerVariableListeners();
    }
  }

  private record Move(AccountAssignment account, int from, int to, double costPerPoint) {}
}
