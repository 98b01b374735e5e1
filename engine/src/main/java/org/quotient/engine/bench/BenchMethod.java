package org.quotient.engine.bench;

import java.util.function.Consumer;

/** One way to assign accounts to reps, run by the benchmark. */
public interface BenchMethod {
  /** Short name used on the command line and in the tables. */
  String name();

  Outcome run(IndexedProblem problem, Consumer<String> progress);

  /**
   * What a method produced.
   *
   * @param assignment rep index per account (-1 for none); null when the method produced no plan
   * @param note anything the reader must know (e.g. "construction not finished in 120 s"), or ""
   */
  record Outcome(int[] assignment, String note) {}
}
