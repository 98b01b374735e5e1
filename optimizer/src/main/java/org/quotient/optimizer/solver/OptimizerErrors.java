package org.quotient.optimizer.solver;

import java.util.Locale;

/** The one place the optimizer's error messages are written (tests assert them verbatim). */
public final class OptimizerErrors {
  private OptimizerErrors() {}

  public static PlanningException segmentWithoutReps(String segment, int accounts) {
    return new PlanningException(
        String.format(
            Locale.ROOT,
            "segment %s has %d account(s) but no reps: add a rep of segment %s or move the accounts"
                + " to a segment that has reps",
            segment,
            accounts,
            segment));
  }

  public static PlanningException lockedToUnknownRep(String accountId, String repId) {
    return new PlanningException(
        String.format(
            Locale.ROOT,
            "account %s is locked to rep %s but %s is not in the problem: add rep %s or clear the"
                + " account's lock",
            accountId,
            repId,
            repId,
            repId));
  }

  public static PlanningException lockedAcrossSegments(
      String accountId, String accountSegment, String repId, String repSegment) {
    return new PlanningException(
        String.format(
            Locale.ROOT,
            "account %s (segment %s) is locked to rep %s of segment %s: lock it to a rep of segment"
                + " %s or clear the lock",
            accountId,
            accountSegment,
            repId,
            repSegment,
            accountSegment));
  }

  public static PlanningException lockedWorkloadAboveMax(
      String repId, double lockedWorkload, double maxWorkload) {
    return new PlanningException(
        String.format(
            Locale.ROOT,
            "rep %s has %.1f hours of locked accounts but a maxWorkload of %.1f hours: raise the"
                + " rep's maxWorkload or unlock some of its accounts",
            repId,
            lockedWorkload,
            maxWorkload));
  }

  public static PlanningException duplicateAccount(String accountId) {
    return new PlanningException(
        "account " + accountId + " appears more than once: give each account one row");
  }

  public static PlanningException duplicateRep(String repId) {
    return new PlanningException("rep " + repId + " appears more than once: give each rep one row");
  }

  public static PlanningException invalidAccountValue(
      String accountId, String field, double value) {
    return new PlanningException(
        String.format(
            Locale.ROOT,
            "account %s has %s %s: it must be a finite number >= 0; fix the input row",
            accountId,
            field,
            value));
  }

  public static PlanningException invalidRepMaxWorkload(String repId, double value) {
    return new PlanningException(
        String.format(
            Locale.ROOT,
            "rep %s has maxWorkload %s: it must be >= 0 (Infinity for no limit); fix the input row",
            repId,
            value));
  }

  // Hard-constraint violations left in a plan: reported in SolverStatistics, not thrown.

  static String accountOutsideSegment(
      String accountId, String accountSegment, String repId, String repSegment) {
    return String.format(
        Locale.ROOT,
        "account %s (segment %s) is assigned to rep %s of segment %s",
        accountId,
        accountSegment,
        repId,
        repSegment);
  }

  static String lockBroken(String accountId, String lockedRepId, String repId) {
    return "account "
        + accountId
        + " is locked to rep "
        + lockedRepId
        + " but assigned to rep "
        + repId;
  }

  static String workloadAboveMax(String repId, double workload, double maxWorkload) {
    return String.format(
        Locale.ROOT,
        "rep %s carries %.1f hours of workload, above its maxWorkload of %.1f hours: raise the"
            + " maxWorkload, add reps of the segment or lower account workloads",
        repId,
        workload,
        maxWorkload);
  }
}
