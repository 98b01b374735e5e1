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
    err.println();
    err.println(
        String.format(
            "error: out of memory (%s in thread %s, with a heap of at most %.1f GB). Nothing new"
                + " is visible in the lake: readers still see the previous plan. Fix: give the run"
                + " more memory (QUOTIENT_HEAP=16g bin/quotient ..., or spark-submit"
                + " --driver-memory 16g); the driver holds one small record per account and"
                + " per assignment, so its need grows with the number of accounts, not with"
                + " opportunity rows.",
            failure, thread.getName(), maxHeapBytes / 1e9));
    err.flush();
    exit.accept(QuotientException.EXIT_OUT_OF_MEMORY);
  }

  static boolean isOutOfMemory(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }
}
