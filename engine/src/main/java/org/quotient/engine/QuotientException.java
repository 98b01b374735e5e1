package org.quotient.engine;

/**
 * A failure the user can act on: the message says what is wrong, where, and how to fix it. The CLI
 * prints the message (no stack trace) and exits with {@link #exitCode()}.
 */
public class QuotientException extends RuntimeException {
  /** Exit code for bad input or options (the user must change something). */
  public static final int EXIT_INPUT = 2;

  /** Exit code for an infeasible plan (constraints cannot all hold). */
  public static final int EXIT_INFEASIBLE = 3;

  /** Exit code for a lake/publish failure. */
  public static final int EXIT_PUBLISH = 4;

  /** Exit code when the JVM ran out of memory (see cli.OutOfMemoryExit). */
  public static final int EXIT_OUT_OF_MEMORY = 5;

  private final int exitCode;

  public QuotientException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public QuotientException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
