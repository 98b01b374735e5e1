package org.quotient.engine.bench;

import java.util.function.Consumer;

/**
 * Baseline: last year's territories. Every account stays with its current rep when that rep may
 * keep it; locked accounts go to their rep; new accounts and those of departed reps go to the
 * nearest rep of their segment.
 */
public final class CurrentAssignment implements BenchMethod {
  @Override
  public String name() {
    return "current";
  }

  @Override
  public Outcome run(IndexedProblem p, Consumer<String> progress) {
    return new Outcome(assign(p), "");
  }

  public static int[] assign(IndexedProblem p) {
    int[] a = new int[p.accountCount];
    for (int i = 0; i < p.accountCount; i++) {
      if (p.locked[i] >= 0) {
        a[i] = p.locked[i];
      } else if (p.keepable(i)) {
        a[i] = p.current[i];
      } else {
        a[i] = p.nearestRep(i);
      }
    }
    return a;
  }
}
