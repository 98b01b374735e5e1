package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Stability-first greedy balancer of one segment, on primitive arrays so it scales to a million
 * accounts.
 *
 * <p>Starts from today's owners (locked accounts on their rep). It (1) places every account without
 * an eligible owner, biggest first, on one of the reps nearest to it, preferring reps below their
 * band; (2) sheds accounts of reps above their maxWorkload; (3) repeatedly takes the rep furthest
 * outside its bands (potential per capacity within +-tolP and workload per capacity within +-tolW
 * of the segment means) and applies the single change or swap with a nearby rep that best reduces
 * the total distance outside the bands per unit of cost (one moved account, plus travel added),
 * until every rep is within both bands, the move budget is spent, or no move helps. Big accounts
 * near the receiver go first, so few accounts move and territories stay compact.
 *
 * <p>Candidate reps are the {@value #NEIGHBOURS} reps whose homes are nearest (all reps when a rep
 * is stuck), so a step costs O(accounts of a rep x neighbours), never a scan of the segment.
 * Deterministic: no randomness, ties broken by index.
 */
final class Rebalancer {
  static final int NEIGHBOURS = 16;

  /** Changes evaluated per step, roughly, when choosing how many nearby reps to consider. */
  static final int EVALUATIONS_PER_STEP = 6_000;

  /** A rep stuck among its nearest reps looks this far next, then (once) at every rep. */
  static final int WIDE_NEIGHBOURS = 64;

  /** Internal margin so rounding never puts a rep a hair outside the published band. */
  private static final double MARGIN = 0.999;

  private static final int SWAP_CANDIDATES = 32;

  /**
   * Cost of taking one account from its rep, against travel added in units of today's mean
   * distance: moving few accounts comes first, compact territories second.
   */
  static final double MOVE_COST = 1.0;

  private static final int ALL_BELOW = 160;
  private static final int LIST = 40;
  private static final int REFRESH = 16;

  // accounts
  final int n;
  final long[] p;
  final long[] w;
  final double[] ax;
  final double[] ay;
  final int[] owner;
  final int[] incumbent;
  final boolean[] pinned;
  // reps
  final int m;
  final double[] hx;
  final double[] hy;
  final long[] maxWork;
  private final double[] tP;
  private final double[] tW;
  private final double tolP;
  private final double tolW;
  // band edges and 1 / band width per rep
  private final double[] hiP;
  private final double[] loP;
  private final double[] invP;
  private final double[] hiW;
  private final double[] loW;
  private final double[] invW;
  // cached swap candidates per rep and direction, rebuilt when the rep's accounts change
  private final int[][][] lists = new int[4][][];
  private final int[][] listVersion = new int[4][];
  private int[] version;
  private int[] buffer = new int[4 * 40 + 160];
  // costs
  final double disruptionWeight;
  final double travelWeight;
  double typicalKm = 1;
  // budget
  private final long budget;
  private long moved;
  // state
  final long[] loadP;
  final long[] loadW;
  private int[][] acc;
  private int[] cnt;
  private int[] pos;
  private int[][] nbr;
  private int[][] wideNbr;
  private int[][] reverseNbr;
  private int widenedSearches;
  private int globalSearches;
  private int[] allReps;
  private final List<String> unreached = new ArrayList<>();
  private int placed;
  private int relieved;
  private int steps;

  /**
   * @param x account x in km (an equirectangular projection), NaN when unknown
   * @param owner start owner per account (rep index) or -1 to place; updated in place
   * @param incumbent rep index the account may stay with at no cost, or -1
   * @param homeX rep home x in km, NaN when unknown
   * @param budget most accounts that may leave their incumbent (Long.MAX_VALUE for none)
   */
  Rebalancer(
      long[] points,
      long[] milliHours,
      double[] x,
      double[] y,
      int[] owner,
      int[] incumbent,
      boolean[] pinned,
      double[] capacity,
      double[] homeX,
      double[] homeY,
      long[] maxWork,
      double tolP,
      double tolW,
      double disruptionWeight,
      double travelWeight,
      long budget) {
    this.n = points.length;
    this.p = points;
    this.w = milliHours;
    this.ax = x;
    this.ay = y;
    this.owner = owner;
    this.incumbent = incumbent;
    this.pinned = pinned;
    this.m = capacity.length;
    this.hx = homeX;
    this.hy = homeY;
    this.maxWork = maxWork;
    this.tolP = tolP * MARGIN;
    this.tolW = tolW * MARGIN;
    this.disruptionWeight = disruptionWeight;
    this.travelWeight = travelWeight;
    this.budget = budget;
    this.loadP = new long[m];
    this.loadW = new long[m];
    double totalCap = 0;
    double totalP = 0;
    double totalW = 0;
    for (double c : capacity) {
      totalCap += c;
    }
    for (int i = 0; i < n; i++) {
      totalP += p[i];
      totalW += w[i];
    }
    this.tP = new double[m];
    this.tW = new double[m];
    this.hiP = new double[m];
    this.loP = new double[m];
    this.invP = new double[m];
    this.hiW = new double[m];
    this.loW = new double[m];
    this.invW = new double[m];
    for (int r = 0; r < m; r++) {
      tP[r] = totalP / totalCap * capacity[r];
      tW[r] = totalW / totalCap * capacity[r];
      hiP[r] = (1 + this.tolP) * tP[r];
      loP[r] = (1 - this.tolP) * tP[r];
      invP[r] = tP[r] > 0 ? 1 / (this.tolP * tP[r]) : 0;
      hiW[r] = (1 + this.tolW) * tW[r];
      loW[r] = (1 - this.tolW) * tW[r];
      invW[r] = tW[r] > 0 && this.tolW > 0 ? 1 / (this.tolW * tW[r]) : 0;
      if (invW[r] == 0) {
        hiW[r] = Double.POSITIVE_INFINITY;
        loW[r] = Double.NEGATIVE_INFINITY;
      }
      if (invP[r] == 0) {
        hiP[r] = Double.POSITIVE_INFINITY;
        loP[r] = Double.NEGATIVE_INFINITY;
      }
    }
  }

  /** Runs all passes; returns a one-line summary for the progress output. */
  String run() {
    long start = System.currentTimeMillis();
    buildNeighbours();
    buildOwnership();
    place();
    relieveOverworked();
    balance();
    String travel = new TravelPolish(this).run();
    explainUnreached();
    return String.format(
        Locale.ROOT,
        "greedy: placed %d new/orphaned account(s), moved %d off overworked reps, %d balancing"
            + " step(s) (%d wider and %d segment-wide searches), %d account(s) away from their"
            + " rep%s; %s; %d rep(s) outside a band; %d ms",
        placed,
        relieved,
        steps,
        widenedSearches,
        globalSearches,
        moved,
        budget == Long.MAX_VALUE ? "" : " (budget " + budget + ")",
        travel,
        unreached.size(),
        System.currentTimeMillis() - start);
  }

  /** The reps whose homes are nearest to rep r's, nearest first. */
  int[] neighbours(int r) {
    return nbr[r];
  }

  /** Whether {@code added} more accounts may leave their rep within the move budget. */
  boolean canMove(int added) {
    return added <= 0 || moved + added <= budget;
  }

  long moved() {
    return moved;
  }

  /** One line per rep still outside a band, saying why. */
  List<String> unreached() {
    return unreached;
  }

  boolean outside(int r) {
    return violation(r, loadP[r], loadW[r]) > 0;
  }

  // ---------------------------------------------------------------- setup

  private void buildNeighbours() {
    allReps = new int[m];
    for (int r = 0; r < m; r++) {
      allReps[r] = r;
    }
    // Candidate reps per step scale inversely with accounts per rep, so a step evaluates about
    // EVALUATIONS_PER_STEP changes whatever the segment's shape (few big enterprise books, many
    // small SMB ones).
    int perRep = Math.max(1, Math.min(4 * LIST, n / Math.max(1, m)));
    int k = Math.min(m - 1, Math.max(NEIGHBOURS, EVALUATIONS_PER_STEP / perRep));
    int wide = Math.min(m - 1, Math.max(WIDE_NEIGHBOURS, 4 * k));
    nbr = new int[m][];
    wideNbr = new int[m][];
    List<List<Integer>> reverse = new ArrayList<>(m);
    for (int r = 0; r < m; r++) {
      reverse.add(new ArrayList<>());
    }
    Integer[] order = new Integer[m];
    double[] d = new double[m];
    for (int r = 0; r < m; r++) {
      for (int s = 0; s < m; s++) {
        order[s] = s;
        d[s] = Double.isNaN(hx[r]) || Double.isNaN(hx[s]) ? Math.abs(r - s) * 1e9 : dist(r, s);
      }
      Arrays.sort(
          order,
          (a, b) ->
              a.equals(b)
                  ? 0
                  : Double.compare(d[a], d[b]) != 0
                      ? Double.compare(d[a], d[b])
                      : Integer.compare(a, b));
      int[] list = new int[wide];
      int j = 0;
      for (int s = 0; s < m && j < wide; s++) {
        if (order[s] != r) {
          list[j++] = order[s];
        }
      }
      wideNbr[r] = list;
      list = Arrays.copyOf(list, k);
      nbr[r] = list;
      // A move wakes up the stuck reps that have its reps among their 16 nearest (not every rep
      // whose candidate list holds them: with wide lists that would re-examine the whole segment
      // after every move).
      for (int j2 = 0; j2 < Math.min(NEIGHBOURS, list.length); j2++) {
        int s = list[j2];
        reverse.get(s).add(r);
      }
    }
    reverseNbr = new int[m][];
    for (int r = 0; r < m; r++) {
      reverseNbr[r] = reverse.get(r).stream().mapToInt(Integer::intValue).toArray();
    }
    double sum = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (incumbent[i] >= 0 && !Double.isNaN(ax[i]) && !Double.isNaN(hx[incumbent[i]])) {
        sum += dist(i, incumbent[i], true);
        count++;
      }
    }
    if (count > 0 && sum > 0) {
      typicalKm = sum / count;
    }
  }

  private void buildOwnership() {
    version = new int[m];
    for (int kind = 0; kind < 4; kind++) {
      lists[kind] = new int[m][];
      listVersion[kind] = new int[m];
    }
    cnt = new int[m];
    pos = new int[n];
    for (int i = 0; i < n; i++) {
      if (owner[i] >= 0) {
        cnt[owner[i]]++;
      }
    }
    acc = new int[m][];
    for (int r = 0; r < m; r++) {
      acc[r] = new int[Math.max(8, cnt[r] + cnt[r] / 4)];
      cnt[r] = 0;
    }
    for (int i = 0; i < n; i++) {
      if (owner[i] >= 0) {
        add(i, owner[i]);
        if (incumbent[i] >= 0 && owner[i] != incumbent[i]) {
          moved++;
        }
      }
    }
  }

  // ---------------------------------------------------------------- passes

  /** New and orphaned accounts, biggest first, to a near rep, preferring reps below the band. */
  private void place() {
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (owner[i] < 0) {
        todo.add(i);
      }
    }
    todo.sort((a, b) -> p[a] != p[b] ? Long.compare(p[b], p[a]) : Integer.compare(a, b));
    int[] sortedByX = repsSortedByX();
    for (int i : todo) {
      int[] cands;
      if (Double.isNaN(ax[i]) || sortedByX.length == 0) {
        cands = allReps;
      } else {
        int near = nearestRep(i, sortedByX);
        cands = new int[nbr[near].length + 1];
        cands[0] = near;
        System.arraycopy(nbr[near], 0, cands, 1, nbr[near].length);
      }
      int best = -1;
      double bestScore = 0;
      for (int pass = 0; pass < 2 && best < 0; pass++) {
        for (int r : pass == 0 ? cands : allReps) {
          if (loadW[r] + w[i] > maxWork[r]) {
            continue;
          }
          double score =
              100 * (violation(r, loadP[r] + p[i], loadW[r] + w[i]) - violation(r))
                  + travelKm(i, r) / typicalKm
                  + 2 * Math.max(0, ((loadP[r] + p[i]) / tP[r] - 1) / tolP);
          if (best < 0 || score < bestScore) {
            best = r;
            bestScore = score;
          }
        }
      }
      if (best < 0) { // no rep has room: least relative workload; the hard constraint reports it
        for (int r = 0; r < m; r++) {
          if (best < 0 || (double) loadW[r] / maxWork[r] < (double) loadW[best] / maxWork[best]) {
            best = r;
          }
        }
      }
      add(i, best);
      owner[i] = best;
      placed++;
    }
  }

  private void relieveOverworked() {
    for (int from = 0; from < m; from++) {
      if (loadW[from] <= maxWork[from]) {
        continue;
      }
      int[] own = Arrays.copyOf(acc[from], cnt[from]);
      Integer[] order = Arrays.stream(own).boxed().toArray(Integer[]::new);
      Arrays.sort(order, (a, b) -> w[a] != w[b] ? Long.compare(w[b], w[a]) : Integer.compare(a, b));
      for (int i : order) {
        if (loadW[from] <= maxWork[from]) {
          break;
        }
        if (pinned[i] || (leaves(i, from) && moved >= budget)) {
          continue;
        }
        int to = -1;
        for (int pass = 0; pass < 2 && to < 0; pass++) {
          for (int r : pass == 0 ? nbr[from] : allReps) {
            if (r != from
                && loadW[r] + w[i] <= maxWork[r]
                && (to < 0 || loadP[r] / tP[r] < loadP[to] / tP[to])) {
              to = r;
            }
          }
        }
        if (to >= 0) {
          transfer(i, from, to);
          relieved++;
        }
      }
    }
  }

  private void balance() {
    boolean[] stuck = new boolean[m];
    boolean[] widened = new boolean[m];
    boolean[] global = new boolean[m];
    long maxSteps = 4L * n + 100;
    for (; steps < maxSteps; ) {
      int x = -1;
      double worst = 0;
      for (int r = 0; r < m; r++) {
        if (!stuck[r]) {
          double v = violation(r);
          if (v > worst) {
            worst = v;
            x = r;
          }
        }
      }
      if (x < 0) {
        return;
      }
      Move move = bestMove(x, nbr[x]);
      // With the budget spent only already-moved or new accounts can go: no wider searches.
      boolean spent = moved >= budget;
      if (move == null && !spent && wideNbr[x].length > nbr[x].length && !widened[x]) {
        widened[x] = true;
        widenedSearches++;
        move = bestMove(x, wideNbr[x]);
      }
      if (move == null && !spent && m - 1 > wideNbr[x].length && !global[x]) {
        global[x] = true; // at most once per rep: a scan of the whole segment
        globalSearches++;
        move = bestMove(x, allReps);
      }
      if (move == null) {
        stuck[x] = true;
        continue;
      }
      apply(move);
      steps++;
      for (int r : new int[] {move.x, move.y}) {
        stuck[r] = false;
        widened[r] = false;
        for (int s : reverseNbr[r]) {
          stuck[s] = false;
        }
      }
    }
  }

  private void explainUnreached() {
    for (int r = 0; r < m; r++) {
      double ip = loadP[r] / tP[r];
      double iw = tW[r] == 0 ? 1 : loadW[r] / tW[r];
      boolean outP = Math.abs(ip - 1) > tolP / MARGIN;
      boolean outW = tW[r] > 0 && Math.abs(iw - 1) > tolW / MARGIN;
      if (!outP && !outW) {
        continue;
      }
      long biggest = 0;
      long pinnedP = 0;
      for (int j = 0; j < cnt[r]; j++) {
        int i = acc[r][j];
        biggest = Math.max(biggest, p[i]);
        if (pinned[i]) {
          pinnedP += p[i];
        }
      }
      String why;
      if (outP && ip > 1 && pinnedP > (1 + tolP / MARGIN) * tP[r]) {
        why = "its locked accounts alone are above the potential band";
      } else if (outP && biggest > 2 * tolP / MARGIN * tP[r] && ip > 1) {
        why =
            String.format(
                Locale.ROOT,
                "one account holds %.0f%% of its target potential, wider than the band, and no"
                    + " mix of accounts fits",
                100.0 * biggest / tP[r]);
      } else if (moved >= budget) {
        why = "the move budget of " + budget + " account(s) was used up";
      } else if (outW && !outP) {
        why = "no change or swap with a nearby rep brings workload in without breaking potential";
      } else {
        why = "no change or swap with a rep could bring it closer without pushing another out";
      }
      unreached.add(
          String.format(
              Locale.ROOT, "%d|potential %.3f, workload %.3f of the mean: %s", r, ip, iw, why));
    }
  }

  // ---------------------------------------------------------------- moves

  private record Move(int x, int y, int a, int b, double rank) {}

  /**
   * Best change (an account of x to y or of y to x) or, when no change helps, best swap between x
   * and a rep of {@code cands}; null when nothing reduces the distance outside the bands.
   */
  private Move bestMove(int x, int[] cands) {
    double vx = violation(x);
    boolean give = loadP[x] > tP[x] || loadW[x] > tW[x];
    boolean take = loadP[x] < tP[x] || loadW[x] < tW[x];
    Move best = null;
    int[] giveBuffer = new int[Math.max(cnt[x], 4 * LIST)];
    int giveCount = -1;
    for (int y : cands) {
      if (y == x) {
        continue;
      }
      if (buffer.length < Math.max(cnt[y], 4 * LIST)) {
        buffer = new int[Math.max(Math.max(cnt[y], 4 * LIST), 2 * buffer.length)];
      }
      double vy = violation(y);
      double before = vx + vy;
      boolean yFullP = loadP[y] >= hiP[y];
      boolean yFullW = loadW[y] >= hiW[y];
      boolean yLowP = loadP[y] <= loP[y];
      boolean yLowW = loadW[y] <= loW[y];
      if (give && !(yFullP && yFullW)) {
        if (giveCount < 0) {
          giveCount = candidates(x, giveBuffer);
        }
        for (int j = 0; j < giveCount; j++) {
          int i = giveBuffer[j];
          best = better(best, change(i, x, y, before), x, y, i, -1);
        }
      }
      if (take && !(yLowP && yLowW)) {
        int c = candidates(y, buffer);
        for (int j = 0; j < c; j++) {
          int i = buffer[j];
          best = better(best, change(i, y, x, before), x, y, i, -1);
        }
      }
    }
    if (best != null) {
      return best;
    }
    for (int y : cands) {
      if (y == x) {
        continue;
      }
      double before = vx + violation(y);
      boolean moreWork = loadW[x] < tW[x];
      int[] fromX = extremes(x, !moreWork);
      int[] fromY = extremes(y, moreWork);
      for (int a : fromX) {
        for (int b : fromY) {
          best = better(best, swap(a, b, x, y, before), x, y, a, b);
        }
      }
    }
    return best;
  }

  private Move better(Move best, double rank, int x, int y, int a, int b) {
    if (rank > 0 && (best == null || rank > best.rank)) {
      return new Move(x, y, a, b, rank);
    }
    return best;
  }

  /** Rank of moving account i from rep `from` to rep `to` (0 when not allowed or no gain). */
  private double change(int i, int from, int to, double before) {
    if (pinned[i] || loadW[to] + w[i] > maxWork[to]) {
      return 0;
    }
    int newMoves = (leaves(i, from) ? 1 : 0) - (incumbent[i] == to ? 1 : 0);
    if (newMoves > 0 && moved + newMoves > budget) {
      return 0;
    }
    double after =
        violation(from, loadP[from] - p[i], loadW[from] - w[i])
            + violation(to, loadP[to] + p[i], loadW[to] + w[i]);
    double gain = before - after;
    if (gain <= 1e-12) {
      return 0;
    }
    return rank(gain, newMoves * MOVE_COST * disruptionWeight + travelDelta(i, from, to));
  }

  private double swap(int a, int b, int x, int y, double before) {
    if (pinned[a] || pinned[b]) {
      return 0;
    }
    long nx = loadW[x] - w[a] + w[b];
    long ny = loadW[y] - w[b] + w[a];
    if ((nx > maxWork[x] && nx > loadW[x]) || (ny > maxWork[y] && ny > loadW[y])) {
      return 0;
    }
    int newMoves =
        (leaves(a, x) ? 1 : 0)
            - (incumbent[a] == y ? 1 : 0)
            + (leaves(b, y) ? 1 : 0)
            - (incumbent[b] == x ? 1 : 0);
    if (newMoves > 0 && moved + newMoves > budget) {
      return 0;
    }
    double after =
        violation(x, loadP[x] - p[a] + p[b], nx) + violation(y, loadP[y] - p[b] + p[a], ny);
    double gain = before - after;
    if (gain <= 1e-12) {
      return 0;
    }
    return rank(
        gain,
        newMoves * MOVE_COST * disruptionWeight + travelDelta(a, x, y) + travelDelta(b, y, x));
  }

  /**
   * Gain per unit of cost; a move that also saves cost (back home, shorter travel) ranks higher.
   */
  private static double rank(double gain, double cost) {
    return cost >= 0 ? gain / (1 + cost) : gain * (1 - cost);
  }

  private static final int BIGGEST = 0;
  private static final int HIGH_WORK_PER_POTENTIAL = 1;
  private static final int LOW_WORK_PER_POTENTIAL = 2;
  private static final int FARTHEST = 3;

  /**
   * Accounts of rep r considered for a change: all of them for a small book; for a big one the
   * {@value #LIST} biggest, the {@value #LIST} with the most and the fewest workload hours per unit
   * of potential, and the {@value #LIST} farthest from home (the border ones a neighbour may be
   * nearer to). The lists are refreshed every {@value #REFRESH} changes of the book; entries that
   * left are skipped at use.
   */
  private int candidates(int r, int[] into) {
    if (cnt[r] <= ALL_BELOW) {
      System.arraycopy(acc[r], 0, into, 0, cnt[r]);
      return cnt[r];
    }
    int k = 0;
    for (int kind = 0; kind < 4; kind++) {
      for (int i : top(r, kind)) {
        if (owner[i] == r) {
          into[k++] = i;
        }
      }
    }
    return k;
  }

  /** Up to SWAP_CANDIDATES movable accounts of r with the highest (or lowest) w/p. */
  private int[] extremes(int r, boolean highWorkPerPotential) {
    int[] list = top(r, highWorkPerPotential ? HIGH_WORK_PER_POTENTIAL : LOW_WORK_PER_POTENTIAL);
    int k = 0;
    int[] out = new int[Math.min(SWAP_CANDIDATES, list.length)];
    for (int i : list) {
      if (k < out.length && owner[i] == r) {
        out[k++] = i;
      }
    }
    return k == out.length ? out : Arrays.copyOf(out, k);
  }

  private int[] top(int r, int kind) {
    int[] cached = lists[kind][r];
    int age = version[r] - listVersion[kind][r];
    if (cached == null || (cnt[r] <= ALL_BELOW ? age != 0 : age >= REFRESH)) {
      cached = computeTop(r, kind);
      lists[kind][r] = cached;
      listVersion[kind][r] = version[r];
    }
    return cached;
  }

  private int[] computeTop(int r, int kind) {
    int c = cnt[r];
    long[] keys = new long[c];
    int k = 0;
    for (int j = 0; j < c; j++) {
      int i = acc[r][j];
      if (pinned[i]) {
        continue;
      }
      double value =
          switch (kind) {
            case BIGGEST -> p[i];
            case FARTHEST -> travelKm(i, r);
            default -> (w[i] + 1.0) / (p[i] + 1.0);
          };
      // Non-negative floats sort like their bits; flip for "highest first".
      long bits = Float.floatToIntBits((float) Math.max(0, value));
      long key = kind == LOW_WORK_PER_POTENTIAL ? bits : 0x7fffffffL - bits;
      keys[k++] = key << 32 | j;
    }
    Arrays.sort(keys, 0, k);
    int take = Math.min(LIST, k);
    int[] out = new int[take];
    for (int t = 0; t < take; t++) {
      out[t] = acc[r][(int) (keys[t] & 0xffffffffL)];
    }
    return out;
  }

  private void apply(Move mv) {
    if (mv.b < 0) {
      int from = owner[mv.a];
      transfer(mv.a, from, from == mv.x ? mv.y : mv.x);
    } else {
      transfer(mv.a, mv.x, mv.y);
      transfer(mv.b, mv.y, mv.x);
    }
  }

  void transfer(int i, int from, int to) {
    if (leaves(i, from)) {
      moved++;
    }
    if (incumbent[i] == to) {
      moved--;
    }
    remove(i, from);
    add(i, to);
    owner[i] = to;
  }

  private boolean leaves(int i, int from) {
    return incumbent[i] >= 0 && incumbent[i] == from;
  }

  private void add(int i, int r) {
    if (cnt[r] == acc[r].length) {
      acc[r] = Arrays.copyOf(acc[r], acc[r].length * 2);
    }
    pos[i] = cnt[r];
    acc[r][cnt[r]++] = i;
    version[r]++;
    loadP[r] += p[i];
    loadW[r] += w[i];
  }

  private void remove(int i, int r) {
    version[r]++;
    int last = acc[r][--cnt[r]];
    acc[r][pos[i]] = last;
    pos[last] = pos[i];
    loadP[r] -= p[i];
    loadW[r] -= w[i];
  }

  // ---------------------------------------------------------------- measures

  double violation(int r) {
    return violation(r, loadP[r], loadW[r]);
  }

  /** Distance outside both bands, in band widths (0 inside both). */
  double violation(int r, long lp, long lw) {
    double v = 0;
    if (lp > hiP[r]) {
      v = (lp - hiP[r]) * invP[r];
    } else if (lp < loP[r]) {
      v = (loP[r] - lp) * invP[r];
    }
    if (lw > hiW[r]) {
      v += (lw - hiW[r]) * invW[r];
    } else if (lw < loW[r]) {
      v += (loW[r] - lw) * invW[r];
    }
    return v;
  }

  private double travelDelta(int i, int from, int to) {
    if (travelWeight == 0) {
      return 0;
    }
    return travelWeight * (travelKm(i, to) - travelKm(i, from)) / typicalKm;
  }

  double travelKm(int i, int r) {
    if (Double.isNaN(ax[i]) || Double.isNaN(hx[r])) {
      return 0;
    }
    return dist(i, r, true);
  }

  private double dist(int i, int r, boolean account) {
    double dx = ax[i] - hx[r];
    double dy = ay[i] - hy[r];
    return Math.sqrt(dx * dx + dy * dy);
  }

  private double dist(int r, int s) {
    double dx = hx[r] - hx[s];
    double dy = hy[r] - hy[s];
    return Math.sqrt(dx * dx + dy * dy);
  }

  int[] repsSortedByX() {
    return Arrays.stream(allReps)
        .filter(r -> !Double.isNaN(hx[r]))
        .boxed()
        .sorted((a, b) -> hx[a] != hx[b] ? Double.compare(hx[a], hx[b]) : Integer.compare(a, b))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Nearest rep home by scanning outward in x from the account, pruned by the x gap. */
  int nearestRep(int i, int[] sortedByX) {
    int lo = 0;
    int hi = sortedByX.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (hx[sortedByX[mid]] < ax[i]) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int j = lo; j < sortedByX.length; j++) {
      int r = sortedByX[j];
      if (hx[r] - ax[i] > bestD) {
        break;
      }
      double d = dist(i, r, true);
      if (d < bestD || (d == bestD && r < best)) {
        best = r;
        bestD = d;
      }
    }
    for (int j = lo - 1; j >= 0; j--) {
      int r = sortedByX[j];
      if (ax[i] - hx[r] > bestD) {
        break;
      }
      double d = dist(i, r, true);
      if (d < bestD || (d == bestD && r < best)) {
        best = r;
        bestD = d;
      }
    }
    return best;
  }
}
