package org.quotient.optimizer.quota;

import java.time.LocalDate;

/**
 * A rep's ramp factor for a plan period: their mean productivity over the period when productivity
 * is 0 before the hire date, climbs linearly from 0 on the hire date to 1 after {@code rampMonths},
 * and stays at 1. Time is measured in days, so months of different lengths weigh what they last.
 *
 * <p>Floor: the factor is never below {@link #MIN_FACTOR} (0.1). A rep who joins in the last weeks
 * of the period, or a very long ramp, would otherwise get a quota of a few dollars; 10% keeps a
 * token but real quota for everyone in the plan and keeps the factor inside (0, 1] as {@link
 * QuotaRep} requires. With the default 6-month ramp and a 12-month period, a rep who starts on plan
 * day 1 gets 0.75, far above the floor; the floor only bites for reps hired in roughly the last 5
 * months of the period (or ramps longer than 5 years). A rep hired after the period ends is an
 * error: leave them out of the plan.
 *
 * @param periodStart first day of the plan period
 * @param periodMonths length of the plan period in months (usually 12)
 * @param rampMonths months from hire to full productivity (0 = productive from the hire date)
 */
public record RampSchedule(LocalDate periodStart, int periodMonths, int rampMonths) {
  public static final double MIN_FACTOR = 0.1;

  public RampSchedule {
    if (periodStart == null) {
      throw new NullPointerException("periodStart");
    }
    if (periodMonths < 1 || rampMonths < 0) {
      throw QuotaErrors.invalidRampSchedule(periodMonths, rampMonths);
    }
  }

  /** A 12-month plan period. */
  public static RampSchedule annual(LocalDate periodStart, int rampMonths) {
    return new RampSchedule(periodStart, 12, rampMonths);
  }

  /** The first day after the plan period. */
  public LocalDate periodEnd() {
    return periodStart.plusMonths(periodMonths);
  }

  /**
   * The ramp factor of a rep hired on {@code hireDate}; 1 when the hire date is null (unknown, so
   * treated as fully ramped).
   */
  public double rampFactor(LocalDate hireDate) {
    if (hireDate == null) {
      return 1.0;
    }
    LocalDate end = periodEnd();
    if (!hireDate.isBefore(end)) {
      throw QuotaErrors.hiredAfterPlanPeriod(hireDate, end.minusDays(1));
    }
    double s = periodStart.toEpochDay();
    double e = end.toEpochDay();
    double h = hireDate.toEpochDay();
    double r = hireDate.plusMonths(rampMonths).toEpochDay(); // full productivity from here
    double productive = 0; // integral of productivity over [s, e], in days
    // climbing from 0 at h to 1 at r
    double a = Math.max(s, h);
    double b = Math.min(e, r);
    if (b > a) {
      productive += ((b - h) * (b - h) - (a - h) * (a - h)) / (2 * (r - h));
    }
    // fully productive from r
    double full = Math.max(s, r);
    if (e > full) {
      productive += e - full;
    }
    return Math.max(MIN_FACTOR, Math.min(1.0, productive / (e - s)));
  }
}
