package org.quotient.engine.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;
import org.quotient.engine.QuotientException;

/**
 * Ends the process with a clear message when any thread runs out of memory. Without it, an
 * OutOfMemoryError in one of Spark's scheduler threads kills that thread only, and the run waits
 * forever for a job that will never finish. Other uncaught failures are printed as the JVM would.
 */
final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {
  private final PrintStream err;
  private final IntConsumer exit;
  private final long maxHeapBytes;

  OutOfMemoryExit(PrintStream err, IntConsumer exit, long maxHeapBytes) {
    this.err = err;
    this.exit = exit;
    this.maxHeapBytes = maxHeapBytes;
  }

  /** For the CLI's own JVM: halts at once (shutdown hooks could need memory there is not). */
  static OutOfMemoryExit onThisJvm() {
    return new OutOfMemoryExit(
        System.err, code -> Runtime.getRuntime().halt(code), Runtime.getRuntime().maxMemory());
  }

  @Override
  public void uncaughtException(Thread thread, Throwable failure) {
    if (!isOutOfMemory(failure)) {
      err.print("Exception in thread \"" + thread.getName() + "\" ");
      failure.printStackTrace(err);
      return;
    }
    try {
      err.println();
      err.println("error: " + message(failure, thread.getName(), maxHeapBytes));
      err.flush();
    } catch (Throwable ignored) { // NOPMD: printing needs memory too; the exit must happen anyway
    } finally {
      exit.accept(QuotientException.EXIT_OUT_OF_MEMORY);
    }
  }

  /** What the user reads: where memory ran out, what is (not) published, how to fix it. */
  static String message(Throwable failure, String thread, long maxHeapBytes) {
    return String.format(
        "out of memory (%s, in thread %s, with a heap of at most %.1f GB). A plan becomes visible"
            + " only once its plan_runs row is written, so unless the run had got that far"
            + " readers still see the previous plan. Fix: give the run more memory"
            + " (QUOTIENT_HEAP=16g bin/quotient ..., or spark-submit --driver-memory 16g); the"
            + " driver holds one small record per account and per assignment, so its need grows"
            + " with the number of accounts, not with opportunity rows.",
        firstLine(failure), thread, maxHeapBytes / 1e9);
  }

  /**
   * True for an OutOfMemoryError anywhere in the chain, or a Spark failure that reports one (a
   * failed task's error reaches the driver as text, or as Spark's own SparkOutOfMemoryError).
   */
  static boolean isOutOfMemory(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError
          || t.getClass().getSimpleName().equals("SparkOutOfMemoryError")
          || String.valueOf(t.getMessage()).contains("java.lang.OutOfMemoryError")) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return t.toString();
      }
    }
    String text = failure.toString();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
