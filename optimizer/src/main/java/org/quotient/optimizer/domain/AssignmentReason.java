package org.quotient.optimizer.domain;

/** Why an account ended with its rep; published with every assignment. */
public enum AssignmentReason {
  /** Strategic lock: the account must stay with the named rep. */
  LOCKED,
  /** Unchanged owner: continuity of coverage. */
  KEPT,
  /** Moved to even out potential and workload per capacity. */
  REBALANCED,
  /** Had no owner (new account) and was placed. */
  NEW_ACCOUNT,
  /** Its owner left, is unknown, or may no longer own it (segment change); it was placed. */
  REASSIGNED
}
