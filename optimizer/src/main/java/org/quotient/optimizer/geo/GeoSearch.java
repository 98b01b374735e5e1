package org.quotient.optimizer.geo;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The search behind the geographic mode, on plain arrays (hundreds of thousands of moves per
 * second). Construction grows K territories from spread-out seeds, smallest first, which makes
 * every territory connected. Then simulated annealing with three moves that keep every territory
 * connected: a boundary unit flips to an adjacent territory (if its own territory stays connected
 * without it, checked by breadth-first search around it); two units exchange territories across a
 * border (both territories checked); recombination redraws the border of two adjacent territories
 * along a random spanning tree of their union (balance phase only). The phases:
 *
 * <ol>
 *   <li>(only for tolerances below ±5%) both phases below at a ±5% band first, so that the shape is
 *       optimized while units can still move freely, then tightened to the asked tolerance;
 *   <li>balance: minimizes the excess beyond the band plus the squared deviations (in units of the
 *       tolerance), with a little of the objective so borders stay tidy; ends once feasible;
 *   <li>objective: minimizes cut edges or compactness, accepting only moves that keep every measure
 *       of both territories inside its band.
 * </ol>
 *
 * Phases end on move counts (movesPerUnit × units; ten times that for balance), so the same seed
 * gives the same plan; the time limit is only a cap. The score of the result is computed by {@link
 * GeoConstraintProvider}, which stays the single definition of a good plan.
 */
final class GeoSearch {
  private static final double EXCESS_WEIGHT = 20;
  private static final double BALANCE_PHASE_OBJECTIVE_WEIGHT = 0.05;
  private static final double OBJECTIVE_PHASE_SPREAD_WEIGHT = 0.02;
  private static final double SWAP_SHARE = 0.3;
  private static final double RECOMBINATION_SHARE = 0.05;
  private static final int BALANCE_BUDGET_FACTOR = 10;
  private static final double WIDE_BAND = 0.05;

  private final GeoGraph g;
  private final int k;
  private final int mCount;
  private final double target;
  private double tolerance;
  private final boolean compactness;
  private final SplittableRandom random;
  private final long deadline;
  private final long movesPerPhase;

  private final int[] assign;
  private final int[] size;
  private final double[][] sum;
  private final double[] sumX;
  private final double[] sumY;
  private final double[] sumSquares;
  private final double[] mean;
  private double objectiveScale = 1;

  private final int[][] members;
  private final int[] position;
  private final int[] stamp;
  private int stampValue;
  private final ArrayDeque<Integer> queue = new ArrayDeque<>();

  boolean timeLimitHit;
  long movesTried;
  long movesAccepted;
  boolean feasibleFound;

  private final java.util.function.Consumer<String> log;

  GeoSearch(
      GeoGraph graph,
      long seed,
      long deadlineNanos,
      int movesPerUnit,
      java.util.function.Consumer<String> log) {
    this.log = log;
    this.g = graph;
    this.k = graph.territories();
    this.mCount = graph.measureCount;
    this.target = graph.problem.tolerance();
    this.tolerance = target;
    this.compactness = graph.problem.objective() == GeoObjective.COMPACTNESS;
    this.random = new SplittableRandom(seed);
    this.deadline = deadlineNanos;
    this.movesPerPhase = (long) movesPerUnit * graph.n;
    assign = new int[graph.n];
    size = new int[k];
    sum = new double[k][mCount];
    sumX = new double[k];
    sumY = new double[k];
    sumSquares = new double[k];
    mean = new double[mCount];
    for (int m = 0; m < mCount; m++) {
      mean[m] = graph.mean(m);
    }
    members = new int[k][graph.n];
    position = new int[graph.n];
    stamp = new int[graph.n];
  }

  /** Runs construction and both phases; returns the territory of every unit. */
  int[] run() {
    long start = System.nanoTime();
    construct();
    objectiveScale = Math.max(1e-9, objective() / g.n);
    report("construction", start);
    if (k > 1) {
      if (target < WIDE_BAND) {
        // Shape first: a good plan at a wide band, then tightened to the asked tolerance, keeps
        // far better borders than optimizing inside a tight band, where few units can move.
        tolerance = WIDE_BAND;
        boolean wideFeasible = timed("balance", this::balancePhase);
        if (wideFeasible) {
          timed(
              "objective",
              () -> {
                objectivePhase();
                return true;
              });
        }
        tolerance = target;
      }
      feasibleFound = timed("balance", this::balancePhase);
      if (feasibleFound) {
        timed(
            "objective",
            () -> {
              objectivePhase();
              return true;
            });
      }
    } else {
      feasibleFound = excessTotal() == 0;
    }
    return assign.clone();
  }

  private boolean timed(String phase, java.util.function.BooleanSupplier body) {
    long start = System.nanoTime();
    long moves = movesTried;
    boolean result = body.getAsBoolean();
    report(
        phase
            + " phase at ±"
            + GeoPlanner.percent(tolerance)
            + ": "
            + (movesTried - moves)
            + " moves"
            + (phase.equals("balance") ? (result ? ", in band" : ", not in band") : ""),
        start);
    return result;
  }

  private void report(String what, long start) {
    log.accept(
        String.format(
            java.util.Locale.ROOT,
            "geo: %s, %d ms, objective %.0f",
            what,
            (System.nanoTime() - start) / 1_000_000,
            objective()));
  }

  // ---------------------------------------------------------------- construction

  private void construct() {
    Arrays.fill(assign, -1);
    int[] seeds = seeds();
    @SuppressWarnings("unchecked")
    PriorityQueue<long[]>[] frontier = new PriorityQueue[k];
    long[] counter = {0};
    for (int t = 0; t < k; t++) {
      frontier[t] = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
      add(seeds[t], t);
      pushNeighbours(seeds[t], t, seeds[t], frontier, counter);
    }
    int assigned = k;
    while (assigned < g.n) {
      int best = -1;
      double bestLoad = Double.MAX_VALUE;
      for (int t = 0; t < k; t++) {
        while (!frontier[t].isEmpty() && assign[(int) frontier[t].peek()[1]] >= 0) {
          frontier[t].poll();
        }
        if (!frontier[t].isEmpty() && load(t) < bestLoad) {
          bestLoad = load(t);
          best = t;
        }
      }
      if (best < 0) {
        throw new IllegalStateException("region growing stalled: a part of the graph has no seed");
      }
      long[] next = frontier[best].poll();
      int u = (int) next[1];
      add(u, best);
      assigned++;
      pushNeighbours(u, best, seeds[best], frontier, counter);
    }
  }

  private void pushNeighbours(
      int u, int t, int seed, PriorityQueue<long[]>[] frontier, long[] counter) {
    for (int v : g.neighbours[u]) {
      if (assign[v] < 0) {
        long key;
        if (g.located[v] && g.located[seed]) {
          double dx = g.x[v] - g.x[seed];
          double dy = g.y[v] - g.y[seed];
          key = Math.round((dx * dx + dy * dy) * 1000);
        } else {
          key = counter[0]++;
        }
        frontier[t].add(new long[] {key, v});
      }
    }
  }

  private double load(int t) {
    double load = 0;
    for (int m = 0; m < mCount; m++) {
      load += sum[t][m] / mean[m];
    }
    return load / mCount;
  }

  /**
   * K seeds: each part of the graph gets territories by its share of the measures (at least one),
   * spread within the part by farthest-point sampling on hop distance.
   */
  private int[] seeds() {
    int parts = g.parts;
    double[] share = new double[parts];
    int[] partSize = new int[parts];
    for (int i = 0; i < g.n; i++) {
      partSize[g.part[i]]++;
      for (int m = 0; m < mCount; m++) {
        share[g.part[i]] += g.measures[i][m] / g.totals[m] / mCount;
      }
    }
    int[] count = new int[parts];
    Arrays.fill(count, 1);
    for (int extra = parts; extra < k; extra++) {
      int best = -1;
      double bestGap = -Double.MAX_VALUE;
      for (int p = 0; p < parts; p++) {
        double gap = share[p] * k - count[p];
        if (count[p] < partSize[p] && gap > bestGap) {
          bestGap = gap;
          best = p;
        }
      }
      count[best]++;
    }
    int[] seeds = new int[k];
    int next = 0;
    int[] distance = new int[g.n];
    for (int p = 0; p < parts; p++) {
      int start = -1;
      int members = 0;
      for (int i = 0; i < g.n; i++) {
        if (g.part[i] == p && random.nextInt(++members) == 0) {
          start = i;
        }
      }
      Arrays.fill(distance, Integer.MAX_VALUE);
      bfs(start, distance);
      int first = farthest(p, distance);
      first = first < 0 ? start : first;
      Arrays.fill(distance, Integer.MAX_VALUE);
      seeds[next++] = first;
      bfs(first, distance);
      for (int s = 1; s < count[p]; s++) {
        int seed = farthest(p, distance);
        seeds[next++] = seed;
        bfs(seed, distance);
      }
    }
    return seeds;
  }

  /** Lowers distance[] to the hop distance from source where that is smaller. */
  private void bfs(int source, int[] distance) {
    distance[source] = 0;
    queue.clear();
    queue.add(source);
    while (!queue.isEmpty()) {
      int u = queue.poll();
      for (int v : g.neighbours[u]) {
        if (distance[v] > distance[u] + 1) {
          distance[v] = distance[u] + 1;
          queue.add(v);
        }
      }
    }
  }

  private int farthest(int p, int[] distance) {
    int best = -1;
    int bestDistance = -1;
    for (int i = 0; i < g.n; i++) {
      if (g.part[i] == p && distance[i] > bestDistance && distance[i] > 0) {
        bestDistance = distance[i];
        best = i;
      }
    }
    if (best < 0) {
      for (int i = 0; i < g.n; i++) {
        if (g.part[i] == p && distance[i] > 0) {
          return i;
        }
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- state

  private void add(int u, int t) {
    assign[u] = t;
    members[t][size[t]] = u;
    position[u] = size[t];
    size[t]++;
    for (int m = 0; m < mCount; m++) {
      sum[t][m] += g.measures[u][m];
    }
    sumX[t] += g.x[u];
    sumY[t] += g.y[u];
    sumSquares[t] += g.x[u] * g.x[u] + g.y[u] * g.y[u];
  }

  private void remove(int u) {
    int t = assign[u];
    size[t]--;
    int last = members[t][size[t]];
    members[t][position[u]] = last;
    position[last] = position[u];
    for (int m = 0; m < mCount; m++) {
      sum[t][m] -= g.measures[u][m];
    }
    sumX[t] -= g.x[u];
    sumY[t] -= g.y[u];
    sumSquares[t] -= g.x[u] * g.x[u] + g.y[u] * g.y[u];
    assign[u] = -1;
  }

  private double squaredKm(int count, double sx, double sy, double sq) {
    return count == 0 ? 0 : Math.max(0, sq - (sx * sx + sy * sy) / count);
  }

  private double objective() {
    if (compactness) {
      double total = 0;
      for (int t = 0; t < k; t++) {
        total += squaredKm(size[t], sumX[t], sumY[t], sumSquares[t]);
      }
      return total;
    }
    long cut = 0;
    for (int u = 0; u < g.n; u++) {
      for (int v : g.neighbours[u]) {
        if (u < v && assign[u] != assign[v]) {
          cut++;
        }
      }
    }
    return cut;
  }

  /** Deviation from the mean in units of the tolerance: ±1 is the band's edge. */
  private double q(double total, int m) {
    return (total - mean[m]) / mean[m] / tolerance;
  }

  private static double excess(double q) {
    return Math.max(0, Math.abs(q) - 1);
  }

  private double excessTotal() {
    double total = 0;
    for (int t = 0; t < k; t++) {
      for (int m = 0; m < mCount; m++) {
        total += outside(sum[t][m], m) ? excess(q(sum[t][m], m)) : 0;
      }
    }
    return total;
  }

  /** Outside the band exactly as the constraint sees it (rounded parts per million). */
  private boolean outside(double total, int m) {
    double excess = Math.abs((total - mean[m]) / mean[m]) - tolerance;
    return excess > 0 && Math.round(excess * GeoMeasure.PPM) > 0;
  }

  private double balanceCost(double total, int m) {
    return EXCESS_WEIGHT * excessCost(total, m) + spread(total, m);
  }

  private double excessCost(double total, int m) {
    return outside(total, m) ? excess(q(total, m)) : 0;
  }

  private double spread(double total, int m) {
    double q = q(total, m);
    return q * q;
  }

  // ---------------------------------------------------------------- moves

  /** A random unit on a border and a neighbour across it; null-equivalent (-1) if none. */
  private int pickAcross(int u) {
    int chosen = -1;
    int seen = 0;
    for (int v : g.neighbours[u]) {
      if (assign[v] != assign[u] && random.nextInt(++seen) == 0) {
        chosen = v;
      }
    }
    return chosen;
  }

  /**
   * A partner for an exchange with u (territory a) across the border with v's territory b: v
   * itself, or a random unit of b that borders a elsewhere, so that the exchange can fine-tune the
   * balance with units of similar size.
   */
  private int partner(int u, int v) {
    if (random.nextBoolean()) {
      return v;
    }
    int a = assign[u];
    int b = assign[v];
    for (int attempt = 0; attempt < 4; attempt++) {
      int x = members[a][random.nextInt(size[a])];
      int chosen = -1;
      int seen = 0;
      for (int w : g.neighbours[x]) {
        if (assign[w] == b && random.nextInt(++seen) == 0) {
          chosen = w;
        }
      }
      if (chosen >= 0) {
        return chosen;
      }
    }
    return v;
  }

  /**
   * Would territory assign[u] stay connected without u? Searches until all u's same-territory
   * neighbours are reached.
   */
  private boolean staysConnectedWithout(int u) {
    int t = assign[u];
    int first = -1;
    int targets = 0;
    for (int v : g.neighbours[u]) {
      if (assign[v] == t) {
        targets++;
        if (first < 0) {
          first = v;
        }
      }
    }
    if (targets <= 1) {
      return true;
    }
    stampValue++;
    stamp[u] = stampValue;
    stamp[first] = stampValue;
    int found = 1;
    queue.clear();
    queue.add(first);
    while (!queue.isEmpty()) {
      int w = queue.poll();
      for (int v : g.neighbours[w]) {
        if (assign[v] == t && stamp[v] != stampValue) {
          stamp[v] = stampValue;
          if (isNeighbour(u, v) && ++found == targets) {
            return true;
          }
          queue.add(v);
        }
      }
    }
    return false;
  }

  private boolean isNeighbour(int u, int v) {
    return Arrays.binarySearch(g.neighbours[u], v) >= 0;
  }

  /** Is territory t connected once unit out leaves and unit in joins (a swap)? */
  private boolean connectedAfterSwap(int t, int out, int in) {
    int expected = size[t];
    stampValue++;
    stamp[out] = stampValue;
    stamp[in] = stampValue;
    queue.clear();
    queue.add(in);
    int found = 1;
    while (!queue.isEmpty()) {
      int w = queue.poll();
      for (int v : g.neighbours[w]) {
        if (stamp[v] != stampValue && assign[v] == t) {
          stamp[v] = stampValue;
          found++;
          queue.add(v);
        }
      }
    }
    return found == expected;
  }

  // ---------------------------------------------------------------- recombination

  private int[] local = new int[0];
  private int[] treeParent = new int[0];
  private int[] unionFind = new int[0];
  private int[] order = new int[0];
  private double[][] subtree = new double[0][];
  private int[] degree = new int[0];
  private int[] offset = new int[0];
  private int[] treeFrom = new int[0];
  private int[] treeTo = new int[0];
  private int[] treeAdjacency = new int[0];
  private int[] edgeFrom = new int[0];
  private int[] edgeTo = new int[0];
  private long[] edgeKey = new long[0];

  /**
   * Recombination (ReCom, DeFord, Duchin and Solomon 2021): merges adjacent territories a and b,
   * draws a random spanning tree of the merged region, and cuts the tree edge that best balances
   * the two halves. Both halves are connected by construction. Returns 0 when applied (the
   * objective is not tracked in the balance phase), NaN when rejected.
   */
  private double tryRecombination(int a, int b, double temperature) {
    int count = size[a] + size[b];
    if (local.length < g.n) {
      local = new int[g.n];
    }
    if (treeParent.length < count) {
      treeParent = new int[count];
      unionFind = new int[count];
      order = new int[count];
      degree = new int[count];
      offset = new int[count + 1];
      treeFrom = new int[count];
      treeTo = new int[count];
      treeAdjacency = new int[2 * count];
      subtree = new double[count][mCount];
    }
    int[] nodes = new int[count];
    System.arraycopy(members[a], 0, nodes, 0, size[a]);
    System.arraycopy(members[b], 0, nodes, size[a], size[b]);
    for (int i = 0; i < count; i++) {
      local[nodes[i]] = i;
    }
    // Random spanning tree: Kruskal over the region's edges in random order (random keys in the
    // high bits, the edge's position in the low 24 bits, sorted as primitives).
    int edgeCount = 0;
    for (int i = 0; i < count; i++) {
      for (int v : g.neighbours[nodes[i]]) {
        if (nodes[i] < v && (assign[v] == a || assign[v] == b)) {
          edgeCount++;
        }
      }
    }
    if (edgeFrom.length < edgeCount) {
      edgeFrom = new int[edgeCount * 2];
      edgeTo = new int[edgeCount * 2];
      edgeKey = new long[edgeCount * 2];
    }
    int e = 0;
    for (int i = 0; i < count; i++) {
      int u = nodes[i];
      for (int v : g.neighbours[u]) {
        if (u < v && (assign[v] == a || assign[v] == b)) {
          edgeFrom[e] = i;
          edgeTo[e] = local[v];
          edgeKey[e] = (random.nextLong() >>> 24 << 24) | e;
          e++;
        }
      }
    }
    Arrays.sort(edgeKey, 0, edgeCount);
    for (int i = 0; i < count; i++) {
      unionFind[i] = i;
      degree[i] = 0;
    }
    int treeEdges = 0;
    for (int j = 0; j < edgeCount && treeEdges < count - 1; j++) {
      int edge = (int) (edgeKey[j] & 0xFFFFFF);
      int x = find(edgeFrom[edge]);
      int y = find(edgeTo[edge]);
      if (x != y) {
        unionFind[x] = y;
        treeFrom[treeEdges] = edgeFrom[edge];
        treeTo[treeEdges] = edgeTo[edge];
        treeEdges++;
        degree[edgeFrom[edge]]++;
        degree[edgeTo[edge]]++;
      }
    }
    if (treeEdges != count - 1) {
      return Double.NaN;
    }
    // Tree adjacency in compressed rows: the neighbours of i are adjacency[offset[i]..offset[i+1]).
    offset[0] = 0;
    for (int i = 0; i < count; i++) {
      offset[i + 1] = offset[i] + degree[i];
      degree[i] = 0;
    }
    for (int j = 0; j < treeEdges; j++) {
      int x = treeFrom[j];
      int y = treeTo[j];
      treeAdjacency[offset[x] + degree[x]++] = y;
      treeAdjacency[offset[y] + degree[y]++] = x;
    }
    // Root at 0; breadth-first order, then subtree sums bottom-up.
    java.util.Arrays.fill(treeParent, 0, count, -1);
    order[0] = 0;
    treeParent[0] = 0;
    int head = 0;
    int tail = 1;
    while (head < tail) {
      int x = order[head++];
      for (int j = offset[x]; j < offset[x + 1]; j++) {
        int y = treeAdjacency[j];
        if (treeParent[y] < 0) {
          treeParent[y] = x;
          order[tail++] = y;
        }
      }
    }
    for (int i = 0; i < count; i++) {
      System.arraycopy(g.measures[nodes[i]], 0, subtree[i], 0, mCount);
    }
    for (int i = count - 1; i > 0; i--) {
      int x = order[i];
      for (int m = 0; m < mCount; m++) {
        subtree[treeParent[x]][m] += subtree[x][m];
      }
    }
    double before = 0;
    for (int m = 0; m < mCount; m++) {
      before += balanceCost(sum[a][m], m) + balanceCost(sum[b][m], m);
    }
    int bestCut = -1;
    double bestCost = Double.MAX_VALUE;
    for (int i = 1; i < count; i++) {
      double cost = 0;
      for (int m = 0; m < mCount; m++) {
        double part = subtree[i][m];
        cost += balanceCost(part, m) + balanceCost(subtree[0][m] - part, m);
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestCut = i;
      }
    }
    double energy = bestCost - before;
    if (bestCut < 0 || (energy > 0 && random.nextDouble() >= Math.exp(-energy / temperature))) {
      return Double.NaN;
    }
    boolean[] inCut = new boolean[count];
    inCut[bestCut] = true;
    int keep = 0;
    for (int i = 1; i < count; i++) {
      int x = order[i];
      if (x != bestCut && inCut[treeParent[x]]) {
        inCut[x] = true;
      }
    }
    for (int i = 0; i < count; i++) {
      if (inCut[i] == (assign[nodes[i]] == a)) {
        keep++;
      }
    }
    // Label the halves so that most units keep their territory.
    int cutLabel = keep * 2 >= count ? a : b;
    int restLabel = cutLabel == a ? b : a;
    for (int i = 0; i < count; i++) {
      int target = inCut[i] ? cutLabel : restLabel;
      if (assign[nodes[i]] != target) {
        remove(nodes[i]);
        add(nodes[i], target);
      }
    }
    movesAccepted++;
    return 0;
  }

  private int find(int x) {
    while (unionFind[x] != x) {
      unionFind[x] = unionFind[unionFind[x]];
      x = unionFind[x];
    }
    return x;
  }

  private boolean timeUp() {
    if ((movesTried & 255) == 0 && System.nanoTime() >= deadline) {
      timeLimitHit = true;
    }
    return timeLimitHit;
  }

  // ---------------------------------------------------------------- phases

  /** Phase 1: reach the band. Returns true once every measure of every territory is inside. */
  private boolean balancePhase() {
    double excess = excessTotal();
    if (excess == 0) {
      return true;
    }
    int[] best = assign.clone();
    double bestExcess = excess;
    double start = 1.0;
    double end = 0.0005;
    long budget = movesPerPhase * BALANCE_BUDGET_FACTOR;
    for (long i = 0; i < budget && !timeUp(); i++) {
      movesTried++;
      double temperature = start * Math.pow(end / start, (double) i / budget);
      int u = random.nextInt(g.n);
      int v = pickAcross(u);
      if (v < 0) {
        continue;
      }
      double kind = random.nextDouble();
      double delta;
      if (kind < RECOMBINATION_SHARE) {
        delta = tryRecombination(assign[u], assign[v], temperature);
      } else if (kind < RECOMBINATION_SHARE + SWAP_SHARE) {
        delta = trySwap(u, partner(u, v), temperature, true);
      } else {
        delta = tryFlip(u, v, temperature, true);
      }
      if (!Double.isNaN(delta)) {
        excess = excessTotal();
        if (excess < bestExcess - 1e-12) {
          bestExcess = excess;
          System.arraycopy(assign, 0, best, 0, g.n);
          if (excess == 0) {
            return true;
          }
        }
      }
    }
    restore(best);
    return excessTotal() == 0;
  }

  /** Phase 2: improve the objective, every measure staying inside its band. */
  private void objectivePhase() {
    int[] best = assign.clone();
    double current = objective();
    double bestValue = current;
    double start = 1.0;
    double end = 0.01;
    for (long i = 0; i < movesPerPhase && !timeUp(); i++) {
      movesTried++;
      double temperature = start * Math.pow(end / start, (double) i / movesPerPhase);
      int u = random.nextInt(g.n);
      int v = pickAcross(u);
      if (v < 0) {
        continue;
      }
      boolean swap = random.nextDouble() < SWAP_SHARE;
      double delta =
          swap ? trySwap(u, partner(u, v), temperature, false) : tryFlip(u, v, temperature, false);
      if (!Double.isNaN(delta)) {
        current += delta * objectiveScale;
        if (current < bestValue - 1e-9) {
          bestValue = current;
          System.arraycopy(assign, 0, best, 0, g.n);
        }
      }
    }
    restore(best);
  }

  private void restore(int[] target) {
    for (int t = 0; t < k; t++) {
      size[t] = 0;
      Arrays.fill(sum[t], 0);
      sumX[t] = 0;
      sumY[t] = 0;
      sumSquares[t] = 0;
    }
    for (int u = 0; u < g.n; u++) {
      add(u, target[u]);
    }
  }

  /**
   * Tries moving u (territory a) to v's territory b. Returns the change of the objective (in
   * objective-scale units) when accepted, NaN when rejected.
   */
  private double tryFlip(int u, int v, double temperature, boolean balancing) {
    int a = assign[u];
    int b = assign[v];
    if (size[a] <= 1) {
      return Double.NaN;
    }
    double excessDelta = 0;
    double spreadDelta = 0;
    for (int m = 0; m < mCount; m++) {
      double value = g.measures[u][m];
      double newA = sum[a][m] - value;
      double newB = sum[b][m] + value;
      if (!balancing && (outside(newA, m) || outside(newB, m))) {
        return Double.NaN;
      }
      excessDelta +=
          excessCost(newA, m)
              + excessCost(newB, m)
              - excessCost(sum[a][m], m)
              - excessCost(sum[b][m], m);
      spreadDelta +=
          spread(newA, m) + spread(newB, m) - spread(sum[a][m], m) - spread(sum[b][m], m);
    }
    double objectiveDelta;
    if (compactness) {
      double x = g.x[u];
      double y = g.y[u];
      double sq = x * x + y * y;
      objectiveDelta =
          squaredKm(size[a] - 1, sumX[a] - x, sumY[a] - y, sumSquares[a] - sq)
              + squaredKm(size[b] + 1, sumX[b] + x, sumY[b] + y, sumSquares[b] + sq)
              - squaredKm(size[a], sumX[a], sumY[a], sumSquares[a])
              - squaredKm(size[b], sumX[b], sumY[b], sumSquares[b]);
    } else {
      objectiveDelta = 0;
      for (int w : g.neighbours[u]) {
        if (assign[w] == a) {
          objectiveDelta++;
        } else if (assign[w] == b) {
          objectiveDelta--;
        }
      }
    }
    double scaled = objectiveDelta / objectiveScale;
    double energy =
        balancing
            ? EXCESS_WEIGHT * excessDelta + spreadDelta + BALANCE_PHASE_OBJECTIVE_WEIGHT * scaled
            : scaled + OBJECTIVE_PHASE_SPREAD_WEIGHT * spreadDelta;
    if (energy > 0 && random.nextDouble() >= Math.exp(-energy / temperature)) {
      return Double.NaN;
    }
    if (!staysConnectedWithout(u)) {
      return Double.NaN;
    }
    remove(u);
    add(u, b);
    movesAccepted++;
    return scaled;
  }

  /** Tries exchanging u (territory a) and v (territory b, bordering a); as {@link #tryFlip}. */
  private double trySwap(int u, int v, double temperature, boolean balancing) {
    int a = assign[u];
    int b = assign[v];
    double excessDelta = 0;
    double spreadDelta = 0;
    for (int m = 0; m < mCount; m++) {
      double change = g.measures[v][m] - g.measures[u][m];
      double newA = sum[a][m] + change;
      double newB = sum[b][m] - change;
      if (!balancing && (outside(newA, m) || outside(newB, m))) {
        return Double.NaN;
      }
      excessDelta +=
          excessCost(newA, m)
              + excessCost(newB, m)
              - excessCost(sum[a][m], m)
              - excessCost(sum[b][m], m);
      spreadDelta +=
          spread(newA, m) + spread(newB, m) - spread(sum[a][m], m) - spread(sum[b][m], m);
    }
    double before = compactness ? objectivePair(a, b) : cutAround(u) + cutAround(v);
    remove(u);
    remove(v);
    add(u, b);
    add(v, a);
    // Cut edges: an edge u-v is cut before and after and cancels out; every other edge touching
    // u or v is counted once on each side.
    double objectiveDelta =
        (compactness ? objectivePair(a, b) : cutAround(u) + cutAround(v)) - before;
    double scaled = objectiveDelta / objectiveScale;
    double energy =
        balancing
            ? EXCESS_WEIGHT * excessDelta + spreadDelta + BALANCE_PHASE_OBJECTIVE_WEIGHT * scaled
            : scaled + OBJECTIVE_PHASE_SPREAD_WEIGHT * spreadDelta;
    boolean accept =
        (energy <= 0 || random.nextDouble() < Math.exp(-energy / temperature))
            && connectedAfterSwap(a, u, v)
            && connectedAfterSwap(b, v, u);
    if (!accept) {
      remove(u);
      remove(v);
      add(u, a);
      add(v, b);
      return Double.NaN;
    }
    movesAccepted++;
    return scaled;
  }

  private double objectivePair(int a, int b) {
    return squaredKm(size[a], sumX[a], sumY[a], sumSquares[a])
        + squaredKm(size[b], sumX[b], sumY[b], sumSquares[b]);
  }

  private int cutAround(int u) {
    int cut = 0;
    for (int w : g.neighbours[u]) {
      if (assign[w] != assign[u]) {
        cut++;
      }
    }
    return cut;
  }
}
