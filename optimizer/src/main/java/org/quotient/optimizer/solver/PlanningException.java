package org.quotient.optimizer.solver;

/**
 * A planning problem the optimizer cannot solve as given; the message says what, where and how to
 * fix.
 */
public class PlanningException extends RuntimeException {
  PlanningException(String message) {
    super(message);
  }
}
