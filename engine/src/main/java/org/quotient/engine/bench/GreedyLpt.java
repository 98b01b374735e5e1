package org.quotient.engine.bench;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Baseline: greedy longest-processing-time. Locked accounts first on their rep, then accounts by
 * potential, largest first, each to the rep of its segment with the lowest potential per capacity
 * so far. Balances almost perfectly and ignores today's owners and geography entirely.
 */
public final class GreedyLpt implements BenchMethod {
  @Override
  public String name() {
    return "lpt";
  }

  @Override
  public Outcome run(IndexedProblem p, Consumer<String> progress) {
    return new Outcome(assign(p), "");
  }

  public static int[] assign(IndexedProblem p) {
    int[] a = new int[p.accountCount];
    double[] load = new double[p.repCount];
    Arrays.fill(a, -1);
    for (int i = 0; i < p.accountCount; i++) {
      if (p.locked[i] >= 0) {
        a[i] = p.locked[i];
        load[p.locked[i]] += p.potential[i];
      }
    }
    @SuppressWarnings("unchecked")
    PriorityQueue<Integer>[] queues = new PriorityQueue[p.segments.size()];
    for (int s = 0; s < queues.length; s++) {
      queues[s] =
          new PriorityQueue<>(
              (x, y) -> {
                int c = Double.compare(load[x] / p.capacity[x], load[y] / p.capacity[y]);
                return c != 0 ? c : Integer.compare(x, y);
              });
      for (int j : p.repsOfSegment[s]) {
        queues[s].add(j);
      }
    }
    Integer[] order = new Integer[p.accountCount];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int c = Double.compare(p.potential[y], p.potential[x]);
          return c != 0 ? c : Integer.compare(x, y);
        });
    for (int i : order) {
      if (a[i] >= 0) {
        continue;
      }
      PriorityQueue<Integer> q = queues[p.accountSegment[i]];
      Integer j = q.poll();
      if (j == null) {
        continue; // a segment without reps: stays unassigned
      }
      a[i] = j;
      load[j] += p.potential[i];
      q.add(j);
    }
    return a;
  }
}
