package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.quotient.optimizer.domain.AccountAssignment;
import org.quotient.optimizer.domain.MoveBudget;
import org.quotient.optimizer.domain.Territory;
import org.quotient.optimizer.domain.TerritorySolution;
import org.quotient.optimizer.geo.GeoPoint;
import org.quotient.optimizer.solver.TerritoryOptimizer.PartitionResult;

/**
 * One segment through the three stages of a solve: the greedy {@link Rebalancer} over the whole
 * segment (which reconciles across regions, since it sees every rep), local search on geographic
 * clusters of reps ({@link Cluster}), and one scoring of the whole segment at the end.
 */
final class SegmentRun {
  private static final double KM_PER_DEGREE_LAT = 110.57;
  private static final double KM_PER_DEGREE_LON = 111.32;

  final SegmentPartition partition;
  final TerritorySolution solution;
  final Consumer<String> log;
  private final long budget;
  private final Map<String, String> reasons = new HashMap<>();
  private final List<Cluster> clusters = new ArrayList<>();
  private final double[] homeX;
  private final double[] homeY;

  /** Exact segment means per unit of capacity and the tolerances, for the published indices. */
  final double meanPotential;

  final double meanWorkload;
  final double tolerance;
  final double workloadTolerance;

  private SegmentRun(
      SegmentPartition partition,
      TerritorySolution solution,
      Consumer<String> log,
      long budget,
      double[] homeX,
      double[] homeY,
      SolverSettings settings) {
    this.partition = partition;
    this.solution = solution;
    this.log = log;
    this.budget = budget;
    this.homeX = homeX;
    this.homeY = homeY;
    double p = 0;
    double w = 0;
    double c = 0;
    for (AccountAssignment a : solution.assignments()) {
      p += a.account().potential();
      w += a.account().workload();
    }
    for (Territory t : solution.territories()) {
      c += t.rep().capacity();
    }
    this.meanPotential = p / c;
    this.meanWorkload = w / c;
    this.tolerance = settings.balanceTolerance();
    this.workloadTolerance = settings.workloadTolerance();
  }

  /** Reps outside a band by the exact (published) indices, given exact loads per rep. */
  int outsideExact(List<Territory> reps, Map<Territory, double[]> loads) {
    int outside = 0;
    for (Territory t : reps) {
      double[] l = loads.getOrDefault(t, new double[2]);
      double cap = t.rep().capacity();
      boolean p = meanPotential > 0 && Math.abs(l[0] / (cap * meanPotential) - 1) > tolerance;
      boolean w = meanWorkload > 0 && Math.abs(l[1] / (cap * meanWorkload) - 1) > workloadTolerance;
      outside += p || w ? 1 : 0;
    }
    return outside;
  }

  /** Builds the segment's solution from today's owners and balances it greedily. */
  static SegmentRun greedy(
      SegmentPartition partition, SolverSettings settings, Consumer<String> out) {
    Consumer<String> log = line -> out.accept("[" + partition.segment() + "] " + line);
    TerritorySolution solution =
        partition.toSolution(
            settings.weights(), settings.balanceTolerance(), settings.workloadTolerance());
    List<Territory> territories = solution.territories();
    List<AccountAssignment> assignments = solution.assignments();
    int m = territories.size();
    int n = assignments.size();
    long locked = assignments.stream().filter(AccountAssignment::locked).count();
    log.accept(String.format(Locale.ROOT, "%d account(s) (%d locked), %d rep(s)", n, locked, m));

    Map<String, Integer> index = new HashMap<>();
    double latSum = 0;
    int latCount = 0;
    for (int r = 0; r < m; r++) {
      index.put(territories.get(r).repId(), r);
      GeoPoint home = territories.get(r).rep().home();
      if (home != null) {
        latSum += home.lat();
        latCount++;
      }
    }
    double cosLat = Math.cos(Math.toRadians(latCount == 0 ? 0 : latSum / latCount));
    double[] capacity = new double[m];
    double[] hx = new double[m];
    double[] hy = new double[m];
    long[] maxWork = new long[m];
    for (int r = 0; r < m; r++) {
      Territory t = territories.get(r);
      capacity[r] = t.rep().capacity();
      maxWork[r] = t.maxWorkloadMilliHours();
      GeoPoint home = t.rep().home();
      hx[r] = home == null ? Double.NaN : home.lon() * cosLat * KM_PER_DEGREE_LON;
      hy[r] = home == null ? Double.NaN : home.lat() * KM_PER_DEGREE_LAT;
    }
    long[] points = new long[n];
    long[] milli = new long[n];
    double[] x = new double[n];
    double[] y = new double[n];
    int[] owner = new int[n];
    int[] incumbent = new int[n];
    boolean[] pinned = new boolean[n];
    // The greedy balances exact potentials (a mean account is a million units, not the score's
    // thousand points), so rounding never tips a rep with few big accounts out of the band.
    double totalPotential = 0;
    for (AccountAssignment a : assignments) {
      totalPotential += a.account().potential();
    }
    double units = totalPotential > 0 ? 1e6 * n / totalPotential : 0;
    for (int i = 0; i < n; i++) {
      AccountAssignment a = assignments.get(i);
      points[i] = Math.round(a.account().potential() * units);
      milli[i] = a.workloadMilliHours();
      GeoPoint loc = a.account().location();
      x[i] = loc == null ? Double.NaN : loc.lon() * cosLat * KM_PER_DEGREE_LON;
      y[i] = loc == null ? Double.NaN : loc.lat() * KM_PER_DEGREE_LAT;
      owner[i] = a.territory() == null ? -1 : index.get(a.territory().repId());
      incumbent[i] = a.incumbentRepId() == null ? -1 : index.get(a.incumbentRepId());
      pinned[i] = a.locked();
    }
    long budget =
        settings.maxMovedFraction() >= 1.0
            ? Long.MAX_VALUE
            : (long) Math.floor(settings.maxMovedFraction() * n);
    Rebalancer rebalancer =
        new Rebalancer(
            points,
            milli,
            x,
            y,
            owner,
            incumbent,
            pinned,
            capacity,
            hx,
            hy,
            maxWork,
            settings.balanceTolerance(),
            settings.workloadTolerance(),
            settings.weights().disruption(),
            settings.weights().travel(),
            budget);
    log.accept(rebalancer.run());
    for (int i = 0; i < n; i++) {
      AccountAssignment a = assignments.get(i);
      Territory t = territories.get(owner[i]);
      if (a.territory() != t) {
        a.setTerritory(t);
      }
    }
    SegmentRun run = new SegmentRun(partition, solution, log, budget, hx, hy, settings);
    for (String line : rebalancer.unreached()) {
      int bar = line.indexOf('|');
      run.reasons.put(
          territories.get(Integer.parseInt(line.substring(0, bar))).repId(),
          line.substring(bar + 1));
    }
    return run;
  }

  /**
   * Geographic clusters for local search: reps in Hilbert-curve order of their homes, cut into runs
   * whose free accounts (moved, new or orphaned: local search never takes an account from a rep who
   * keeps it today) number at most {@code maxAccounts}. Each rep's kept accounts enter its cluster
   * as one pinned aggregate, so a cluster has few entities and clones cheaply.
   */
  List<Cluster> clusters(int maxAccounts) {
    List<Territory> territories = solution.territories();
    int m = territories.size();
    Map<Territory, Integer> index = new HashMap<>();
    for (int r = 0; r < m; r++) {
      index.put(territories.get(r), r);
    }
    List<List<AccountAssignment>> free = new ArrayList<>(m);
    List<List<AccountAssignment>> kept = new ArrayList<>(m);
    for (int r = 0; r < m; r++) {
      free.add(new ArrayList<>());
      kept.add(new ArrayList<>());
    }
    for (AccountAssignment a : solution.assignments()) {
      int r = index.get(a.territory());
      boolean keep = a.locked() || (a.incumbentRepId() != null && !a.isTakenFromIncumbent());
      (keep ? kept : free).get(r).add(a);
    }
    Integer[] order = hilbertOrder();
    List<Integer> current = new ArrayList<>();
    int currentFree = 0;
    for (int k = 0; k <= m; k++) {
      int r = k < m ? order[k] : -1;
      boolean close =
          r < 0 || (current.size() >= 2 && currentFree + free.get(r).size() > maxAccounts);
      if (close && !current.isEmpty()) {
        if (currentFree > 0 && current.size() >= 2) {
          clusters.add(Cluster.of(this, clusters.size(), current, free, kept));
        }
        current = new ArrayList<>();
        currentFree = 0;
      }
      if (r >= 0) {
        current.add(r);
        currentFree += free.get(r).size();
      }
    }
    return clusters;
  }

  private Integer[] hilbertOrder() {
    int m = homeX.length;
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < m; r++) {
      if (!Double.isNaN(homeX[r])) {
        minX = Math.min(minX, homeX[r]);
        maxX = Math.max(maxX, homeX[r]);
        minY = Math.min(minY, homeY[r]);
        maxY = Math.max(maxY, homeY[r]);
      }
    }
    long[] key = new long[m];
    double span = Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
    for (int r = 0; r < m; r++) {
      key[r] =
          Double.isNaN(homeX[r])
              ? Long.MAX_VALUE
              : hilbert(
                  (int) ((homeX[r] - minX) / span * 65535),
                  (int) ((homeY[r] - minY) / span * 65535));
    }
    Integer[] order = new Integer[m];
    Arrays.setAll(order, r -> r);
    Arrays.sort(order, (a, b) -> key[a] != key[b] ? Long.compare(key[a], key[b]) : a - b);
    return order;
  }

  /** Position of (x, y) on the Hilbert curve filling a 65536 x 65536 grid. */
  static long hilbert(int x, int y) {
    long d = 0;
    for (int s = 1 << 15; s > 0; s >>= 1) {
      int rx = (x & s) > 0 ? 1 : 0;
      int ry = (y & s) > 0 ? 1 : 0;
      d += (long) s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        int t = x;
        x = y;
        y = t;
      }
    }
    return d;
  }

  /** Scores the whole segment once and lists reps outside a band with the reason. */
  PartitionResult finish(SolverSettings settings, long deadline) {
    int improvements = 0;
    int searched = 0;
    int reverted = 0;
    boolean cut = false;
    long searchMillis = 0;
    for (Cluster c : clusters) {
      improvements += c.improvements;
      searched += c.searched ? 1 : 0;
      reverted += c.reverted ? 1 : 0;
      cut |= c.timeLimitHit;
      searchMillis += c.millis;
    }
    if (!clusters.isEmpty()) {
      log.accept(
          String.format(
              Locale.ROOT,
              "local search on %d geographic cluster(s) (%d searched, %d kept the greedy's plan"
                  + " as the search left a rep outside a band): %d improvement(s), %d ms of search%s",
              clusters.size(),
              searched,
              reverted,
              improvements,
              searchMillis,
              cut
                  ? " - stopped by the time limit of "
                      + settings.timeLimit().toMillis()
                      + " ms, so reruns may differ; raise timeLimit for a reproducible plan"
                  : ""));
    }
    for (AccountAssignment a : solution.assignments()) {
      a.setPinned(false);
    }
    TerritorySolution scored =
        new TerritorySolution(
            solution.territories(),
            solution.assignments(),
            budget == Long.MAX_VALUE ? null : new MoveBudget(budget));
    SolverFactory<TerritorySolution> factory =
        SolverFactory.create(TerritoryOptimizer.solverConfig(settings.seed(), List.of()));
    HardMediumSoftLongScore score =
        SolutionManager.<TerritorySolution, HardMediumSoftLongScore>create(factory).update(scored);

    // Bands are judged on the exact indices the plan publishes (the score's medium level counts in
    // rounded points and may differ by a few points).
    Map<Territory, double[]> loads = new HashMap<>();
    long taken = 0;
    for (AccountAssignment a : solution.assignments()) {
      double[] l = loads.computeIfAbsent(a.territory(), t -> new double[2]);
      l[0] += a.account().potential();
      l[1] += a.account().workload();
      taken += a.isTakenFromIncumbent() ? 1 : 0;
    }
    List<String> outside = new ArrayList<>();
    for (Territory t : solution.territories()) {
      if (outsideExact(List.of(t), loads) > 0) {
        String why = reasons.get(t.repId());
        outside.add(
            "rep "
                + t.repId()
                + " ("
                + partition.segment()
                + "): "
                + (why != null ? why : "left outside a band by local search"));
      }
    }
    log.accept(
        String.format(
            Locale.ROOT,
            "score %s, %d account(s) taken from a rep who could keep them%s, %d rep(s) outside a"
                + " band",
            score,
            taken,
            budget == Long.MAX_VALUE ? "" : " (budget " + budget + ")",
            outside.size()));
    return new PartitionResult(partition, solution, score, taken, outside);
  }
}
