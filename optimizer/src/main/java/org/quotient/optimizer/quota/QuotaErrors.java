package org.quotient.optimizer.quota;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Every error of quota allocation, in one place. Each message says what is wrong, where (which rep
 * or setting) and how to fix it; tests assert the exact text.
 */
public final class QuotaErrors {
  private QuotaErrors() {}

  public static QuotaException noReps() {
    return new QuotaException(
        "there are no reps to allocate the target to; add at least one rep to the plan");
  }

  public static QuotaException missingRepId() {
    return new QuotaException("a rep has no rep_id; give every rep a rep_id");
  }

  public static QuotaException duplicateRep(String repId) {
    return new QuotaException(
        "rep " + repId + " appears more than once; list each rep once in the reps input");
  }

  public static QuotaException negativePotential(String repId, double value) {
    return new QuotaException(
        "rep "
            + repId
            + ": territory potential must be a number >= 0, was "
            + Formats.number(value)
            + "; check the potential of the accounts in the rep's territory");
  }

  public static QuotaException negativeHistory(String repId, double value) {
    return new QuotaException(
        "rep "
            + repId
            + ": territory history must be a number >= 0, was "
            + Formats.number(value)
            + "; check the bookings of the accounts in the rep's territory");
  }

  public static QuotaException invalidPreviousQuota(String repId, double value) {
    return new QuotaException(
        "rep "
            + repId
            + ": previous quota must be a number >= 0 or empty, was "
            + Formats.number(value)
            + "; fix the rep's row in quota_history or leave it empty for a new hire");
  }

  public static QuotaException invalidRampFactor(String repId, double value) {
    return new QuotaException(
        "rep "
            + repId
            + ": ramp factor must be in (0, 1], was "
            + Formats.number(value)
            + "; use 1 for a fully ramped rep");
  }

  public static QuotaException missingTarget() {
    return new QuotaException("the target is missing; set --target to the company target");
  }

  public static QuotaException targetNotPositive(BigDecimal target) {
    return new QuotaException(
        "the target must be > 0, was "
            + target.toPlainString()
            + "; set --target to the company target for the plan period");
  }

  public static QuotaException potentialWeightOutOfRange(double value) {
    return new QuotaException(
        "the potential weight must be between 0 and 1, was "
            + Formats.number(value)
            + "; set --potential-weight (history gets 1 minus it), e.g. 0.7");
  }

  public static QuotaException maxChangeOutOfRange(double value) {
    return new QuotaException(
        "the maximum quota change must be >= 0 (Infinity for no cap), was "
            + Formats.number(value)
            + "; set --max-quota-change, e.g. 0.2 for at most 20% up or down");
  }

  public static QuotaException overAssignmentOutOfRange(double value) {
    return new QuotaException(
        "the over-assignment must be a finite number >= 0, was "
            + Formats.number(value)
            + "; set --over-assignment, e.g. 0.05 for quotas summing to the target plus 5%");
  }

  public static QuotaException allSharesZero(int reps) {
    return new QuotaException(
        "all "
            + reps
            + " reps have zero territory potential and zero history, so there is nothing to split"
            + " the target by; check that potential and bookings reached the quota step");
  }

  /**
   * Even with every rep that has a share at the top of its cap, the quotas cannot reach the amount.
   *
   * @param everyRepCapped true when every rep has a previous quota; false when some reps are
   *     uncapped but have no potential or history, so they cannot take any of it
   */
  static QuotaException targetAboveCaps(
      QuotaSettings settings, BigDecimal amount, BigDecimal atMost, boolean everyRepCapped) {
    return new QuotaException(
        "the target "
            + Formats.money(settings.target())
            + " cannot be met: "
            + (everyRepCapped
                ? "every rep is capped"
                : "every rep with territory potential or history is capped")
            + " at +"
            + Formats.percent(settings.maxChange())
            + " of last year's quota, which allows at most "
            + Formats.money(atMost)
            + " but the quotas must sum to "
            + Formats.money(amount)
            + amountNote(settings)
            + "; raise --max-quota-change, lower --target"
            + (settings.overAssignment() > 0 ? " or --over-assignment" : "")
            + ", or add reps without a previous quota");
  }

  /** Even with every capped rep at the bottom of its cap, the quotas exceed the amount. */
  static QuotaException targetBelowFloors(
      QuotaSettings settings, BigDecimal amount, BigDecimal atLeast) {
    return new QuotaException(
        "the target "
            + Formats.money(settings.target())
            + " cannot be met: reps with a previous quota may drop at most "
            + Formats.percent(settings.maxChange())
            + " below last year's quota, which needs at least "
            + Formats.money(atLeast)
            + " but the quotas must sum to "
            + Formats.money(amount)
            + amountNote(settings)
            + "; raise --max-quota-change, raise --target, or take reps out of the plan");
  }

  private static String amountNote(QuotaSettings settings) {
    return settings.overAssignment() > 0
        ? " (the target plus " + Formats.percent(settings.overAssignment()) + " over-assignment)"
        : "";
  }

  public static QuotaException invalidRampSchedule(int periodMonths, int rampMonths) {
    return new QuotaException(
        "the ramp schedule needs a plan period of at least 1 month and a ramp of at least 0 months,"
            + " was "
            + periodMonths
            + " and "
            + rampMonths
            + "; set --ramp-months, e.g. 6");
  }

  public static QuotaException hiredAfterPlanPeriod(LocalDate hireDate, LocalDate periodEnd) {
    return new QuotaException(
        "a rep hired on "
            + hireDate
            + " starts after the plan period ends on "
            + periodEnd
            + "; leave the rep out of this plan");
  }
}
