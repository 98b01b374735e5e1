package org.quotient.engine.bench;

import java.util.function.Consumer;

/**
 * Baseline: every account to the nearest rep of its segment (locked accounts to their rep). As
 * compact as territories get, but blind to balance and to who owns what today.
 */
public final class NearestRep implements BenchMethod {
  @Override
  public String name() {
    return "nearest";
  }

  @Override
  public Outcome run(IndexedProblem p, Consumer<String> progress) {
    return new Outcome(assign(p), "");
  }

  public static int[] assign(IndexedProblem p) {
    int[] a = new int[p.accountCount];
    for (int i = 0; i < p.accountCount; i++) {
      a[i] = p.locked[i] >= 0 ? p.locked[i] : p.nearestRep(i);
    }
    return a;
  }
}
