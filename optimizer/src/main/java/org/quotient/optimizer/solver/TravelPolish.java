package org.quotient.optimizer.solver;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Shortens travel after balancing without moving one more account or pushing a rep out of a band.
 *
 * <p>Balancing with few moves sends some accounts far: a rep with a surplus on the west coast hands
 * accounts to a new hire in the midwest. Only <i>free</i> accounts are touched (moved away from
 * their rep, new, or orphaned; never one that stays with its rep), so the move count can only fall.
 * For each free account far from its rep, farthest beyond its nearest rep first, it tries
 *
 * <ul>
 *   <li>a relocation to a rep nearer to it, and
 *   <li>a swap of destinations with a free account that lives near its rep's home and belongs to a
 *       rep near it (west coast account to the west coast rep, midwest account to the midwest rep),
 * </ul>
 *
 * taking the one that saves the most km when both reps' distances outside the bands do not grow.
 * Passes repeat until a pass saves under {@value #MIN_PASS_SAVING} of the travel. Free accounts are
 * found near a rep's home through a grid of cells, so a search examines a bounded number of them.
 * Deterministic: accounts in a fixed order, ties broken by index.
 */
final class TravelPolish {
  private static final int MAX_PASSES = 8;
  private static final double MIN_PASS_SAVING = 0.002;

  /** Nearest reps to an account tried as a new home for it. */
  private static final int RELOCATION_REPS = 8;

  /** Accounts of other reps near a rep's home examined as swap or ejection partners. */
  private static final int SWAP_PARTNERS = 2048;

  /** Most accounts looked at per partner search, the rep's own included (they are skipped). */
  private static final int SCAN_LIMIT = 100_000;

  /** Grid rings searched around a rep's home, at most. */
  private static final int MAX_RING = 64;

  /** Average free accounts per grid cell. */
  private static final int PER_CELL = 12;

  private final Rebalancer b;
  private final boolean[] free;
  private final int[][] partnerCache;
  private final int[] partnerPass;
  private final Map<Long, int[]> cells = new HashMap<>();
  private double cell;
  private double minX;
  private double minY;
  private int[] sortedByX;
  private int swaps;
  private int relocations;
  private double savedKm;
  private int ejections;
  private int passes;
  private double kmPerMove;

  TravelPolish(Rebalancer balancer) {
    this.b = balancer;
    this.free = new boolean[b.n];
    this.partnerCache = new int[b.m][];
    this.partnerPass = new int[b.m];
  }

  /** Runs the passes; returns a short summary. */
  String run() {
    int freeCount = 0;
    int griddedCount = 0;
    double before = 0;
    for (int i = 0; i < b.n; i++) {
      boolean placedOrMoved = b.incumbent[i] < 0 || b.owner[i] != b.incumbent[i];
      free[i] = placedOrMoved && !b.pinned[i] && b.owner[i] >= 0 && !Double.isNaN(b.ax[i]);
      if (free[i]) {
        freeCount++;
      }
      if (gridded(i)) {
        griddedCount++;
      }
      if (b.owner[i] >= 0) {
        before += b.travelKm(i, b.owner[i]);
      }
    }
    if (freeCount == 0 || b.m < 2 || b.travelWeight == 0) {
      return "no travel to shorten";
    }
    buildGrid(griddedCount);
    kmPerMove = Rebalancer.MOVE_COST * b.disruptionWeight * b.typicalKm / b.travelWeight;
    sortedByX = b.repsSortedByX();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      passes++;
      double saved = pass();
      savedKm += saved;
      if (saved < MIN_PASS_SAVING * before) {
        break;
      }
    }
    return String.format(
        java.util.Locale.ROOT,
        "travel: %d swap(s), %d relocation(s) and %d ejection(s) in %d pass(es) saved %.1f%% of the"
            + " km",
        swaps,
        relocations,
        ejections,
        passes,
        before > 0 ? 100 * savedKm / before : 0.0);
  }

  /**
   * Up to {@value #SWAP_PARTNERS} accounts of other reps nearest to rep r's home (ring by ring of
   * the grid), found once per pass and shared by all of r's accounts; owners are re-read at use.
   */
  private int[] partners(int r) {
    if (partnerPass[r] == passes && partnerCache[r] != null) {
      return partnerCache[r];
    }
    int[] found = new int[SWAP_PARTNERS];
    int k = 0;
    int scanned = 0;
    if (!Double.isNaN(b.hx[r])) {
      search:
      for (int ring = 0; ring <= MAX_RING; ring++) {
        for (int[] bucket : ring(b.hx[r], b.hy[r], ring)) {
          for (int c : bucket) {
            if (k == found.length || ++scanned > SCAN_LIMIT) {
              break search;
            }
            if (b.owner[c] != r && !b.pinned[c]) {
              found[k++] = c;
            }
          }
        }
      }
    }
    partnerCache[r] = Arrays.copyOf(found, k);
    partnerPass[r] = passes;
    return partnerCache[r];
  }

  private double pass() {
    // farthest beyond their nearest rep first
    long[] order = new long[b.n];
    int k = 0;
    for (int i = 0; i < b.n; i++) {
      if (free[i]) {
        double excess = b.travelKm(i, b.owner[i]) - b.travelKm(i, b.nearestRep(i, sortedByX));
        if (excess > 1e-6) {
          long bits = Float.floatToIntBits((float) excess);
          order[k++] = (0x7fffffffL - bits) << 32 | i;
        }
      }
    }
    Arrays.sort(order, 0, k);
    double saved = 0;
    for (int t = 0; t < k; t++) {
      saved += improve((int) (order[t] & 0xffffffffL));
    }
    return saved;
  }

  /**
   * Applies the best relocation, swap or ejection for account a; returns the net saving in km
   * (moves added priced at {@link #kmPerMove}), 0 if nothing helps.
   */
  private double improve(int a) {
    int from = b.owner[a];
    double here = b.travelKm(a, from);
    double best = 1e-6;
    int bestTo = -1;
    int bestPartner = -1;
    int bestPartnerTo = -1;
    // a rep near a that can take it without leaving a band, nearest first: relocate, or eject
    int absorber = -1;
    for (int to : nearestReps(a)) {
      if (to == from || b.travelKm(a, to) >= here) {
        continue;
      }
      double saving = here - b.travelKm(a, to);
      if (saving > best && keepsBands(a, -1, from, to)) {
        best = saving;
        bestTo = to;
      }
      if (absorber < 0 && canTake(to, b.p[a], b.w[a])) {
        absorber = to;
      }
    }
    for (int c : partners(from)) {
      int y = b.owner[c];
      if (c == a || y == from) {
        continue;
      }
      double back = b.travelKm(c, y) - b.travelKm(c, from);
      if (free[c]) {
        // swap destinations: a to c's rep, c to a's
        double saving = here + back - b.travelKm(a, y);
        if (saving > best && keepsBands(a, c, from, y)) {
          best = saving;
          bestTo = y;
          bestPartner = c;
          bestPartnerTo = from;
        }
      }
      if (absorber >= 0 && y != absorber) {
        // ejection: a to the absorber near it, c from its rep near ours to ours
        int added = addedMoves(c, y, from);
        double saving = here - b.travelKm(a, absorber) + back - added * kmPerMove;
        if (saving > best && b.canMove(added) && keepsEjection(a, c, from, absorber, y)) {
          best = saving;
          bestTo = absorber;
          bestPartner = c;
          bestPartnerTo = -y - 2; // marks an ejection: c goes from y to from
        }
      }
    }
    if (bestTo < 0) {
      return 0;
    }
    b.transfer(a, from, bestTo);
    if (bestPartner < 0) {
      relocations++;
    } else if (bestPartnerTo >= 0) {
      b.transfer(bestPartner, bestTo, from);
      swaps++;
    } else {
      b.transfer(bestPartner, -bestPartnerTo - 2, from);
      ejections++;
    }
    free[a] = b.owner[a] != b.incumbent[a];
    if (bestPartner >= 0) {
      free[bestPartner] = b.owner[bestPartner] != b.incumbent[bestPartner];
    }
    return best;
  }

  /** Accounts newly taken from a rep who could keep them when c goes from y to x (-1, 0 or 1). */
  private int addedMoves(int c, int y, int x) {
    return (b.incumbent[c] == y ? 1 : 0) - (b.incumbent[c] == x ? 1 : 0);
  }

  /** Whether rep r can take the load without getting further outside a band. */
  private boolean canTake(int r, long dp, long dw) {
    long rw = b.loadW[r] + dw;
    if (rw > b.maxWork[r] && rw > b.loadW[r]) {
      return false;
    }
    return b.violation(r, b.loadP[r] + dp, rw) <= b.violation(r) + 1e-12;
  }

  /** a from x to n, c from y to x: no rep of the three further outside a band. */
  private boolean keepsEjection(int a, int c, int x, int n, int y) {
    long xw = b.loadW[x] - b.w[a] + b.w[c];
    if (xw > b.maxWork[x] && xw > b.loadW[x]) {
      return false;
    }
    return b.violation(x, b.loadP[x] - b.p[a] + b.p[c], xw) <= b.violation(x) + 1e-12
        && b.violation(y, b.loadP[y] - b.p[c], b.loadW[y] - b.w[c]) <= b.violation(y) + 1e-12
        && canTake(n, b.p[a], b.w[a]);
  }

  /**
   * Whether a goes from x to y (and partner, if >= 0, from y to x) without either rep getting
   * further outside a band or above its maxWorkload.
   */
  private boolean keepsBands(int a, int partner, int x, int y) {
    long dp = b.p[a] - (partner >= 0 ? b.p[partner] : 0);
    long dw = b.w[a] - (partner >= 0 ? b.w[partner] : 0);
    long xw = b.loadW[x] - dw;
    long yw = b.loadW[y] + dw;
    if ((xw > b.maxWork[x] && xw > b.loadW[x]) || (yw > b.maxWork[y] && yw > b.loadW[y])) {
      return false;
    }
    return b.violation(x, b.loadP[x] - dp, xw) <= b.violation(x) + 1e-12
        && b.violation(y, b.loadP[y] + dp, yw) <= b.violation(y) + 1e-12;
  }

  private int[] nearestReps(int a) {
    int near = b.nearestRep(a, sortedByX);
    int[] list = b.neighbours(near);
    int count = Math.min(RELOCATION_REPS, list.length + 1);
    int[] out = new int[count];
    out[0] = near;
    System.arraycopy(list, 0, out, 1, count - 1);
    return out;
  }

  // ---------------------------------------------------------------- grid of free accounts

  /** Accounts in the grid: any that may change rep. */
  private boolean gridded(int i) {
    return !b.pinned[i] && b.owner[i] >= 0 && !Double.isNaN(b.ax[i]);
  }

  private void buildGrid(int griddedCount) {
    minX = Double.POSITIVE_INFINITY;
    minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < b.n; i++) {
      if (gridded(i)) {
        minX = Math.min(minX, b.ax[i]);
        maxX = Math.max(maxX, b.ax[i]);
        minY = Math.min(minY, b.ay[i]);
        maxY = Math.max(maxY, b.ay[i]);
      }
    }
    double area = Math.max(1, (maxX - minX) * (maxY - minY));
    cell = Math.max(1, Math.sqrt(area * PER_CELL / griddedCount));
    Map<Long, int[]> counts = new HashMap<>();
    for (int i = 0; i < b.n; i++) {
      if (gridded(i)) {
        counts.computeIfAbsent(key(b.ax[i], b.ay[i]), c -> new int[1])[0]++;
      }
    }
    counts.forEach((c, count) -> cells.put(c, new int[count[0]]));
    Map<Long, int[]> fill = new HashMap<>();
    for (int i = 0; i < b.n; i++) {
      if (gridded(i)) {
        long c = key(b.ax[i], b.ay[i]);
        int at = fill.computeIfAbsent(c, x -> new int[1])[0]++;
        cells.get(c)[at] = i;
      }
    }
  }

  private long key(double x, double y) {
    return key((int) Math.floor((x - minX) / cell), (int) Math.floor((y - minY) / cell));
  }

  private static long key(int cx, int cy) {
    return ((long) cx << 32) ^ (cy & 0xffffffffL);
  }

  /** The non-empty cells at Chebyshev distance {@code ring} from the cell of (x, y). */
  private java.util.List<int[]> ring(double x, double y, int ring) {
    int cx = (int) Math.floor((x - minX) / cell);
    int cy = (int) Math.floor((y - minY) / cell);
    java.util.List<int[]> out = new java.util.ArrayList<>();
    if (ring == 0) {
      addCell(out, cx, cy);
      return out;
    }
    for (int d = -ring; d <= ring; d++) {
      addCell(out, cx + d, cy - ring);
      addCell(out, cx + d, cy + ring);
    }
    for (int d = -ring + 1; d <= ring - 1; d++) {
      addCell(out, cx - ring, cy + d);
      addCell(out, cx + ring, cy + d);
    }
    return out;
  }

  private void addCell(java.util.List<int[]> out, int cx, int cy) {
    int[] bucket = cells.get(key(cx, cy));
    if (bucket != null) {
      out.add(bucket);
    }
  }
}
