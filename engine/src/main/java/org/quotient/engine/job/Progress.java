package org.quotient.engine.job;

import java.util.function.Consumer;

/** Prints numbered stage lines with timings, e.g. "[3/7] potential ... (4.1 s)". */
final class Progress {
  private final Consumer<String> out;
  private final int stages;
  private final long runStarted = System.nanoTime();
  private int stage;
  private long stageStarted;

  Progress(Consumer<String> out, int stages) {
    this.out = out;
    this.stages = stages;
  }

  void start(String name, String what) {
    stage++;
    stageStarted = System.nanoTime();
    out.accept(String.format("[%d/%d] %s: %s", stage, stages, name, what));
  }

  /** A detail line within the current stage. */
  void detail(String line) {
    out.accept("      " + line);
  }

  void done(String result) {
    out.accept(String.format("      %s (%.1f s)", result, seconds(stageStarted)));
  }

  double totalSeconds() {
    return seconds(runStarted);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
