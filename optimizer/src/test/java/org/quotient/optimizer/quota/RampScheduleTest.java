package org.quotient.optimizer.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RampScheduleTest {
  // 2027 is not a leap year: 365 days
  private static final RampSchedule SIX_MONTH_RAMP =
      RampSchedule.annual(LocalDate.of(2027, 1, 1), 6);

  @Test
  void rampFactorIsOneWithoutHireDate() {
    assertEquals(1.0, SIX_MONTH_RAMP.rampFactor(null));
  }

  @Test
  void rampFactorIsOneForRepRampedBeforePlanStart() {
    assertEquals(1.0, SIX_MONTH_RAMP.rampFactor(LocalDate.of(2026, 7, 1)));
  }

  @Test
  void rampFactorForRepHiredThreeMonthsBeforePlanStart() {
    // hired 2026-10-01, full from 2027-04-01 (182 days later); on plan day 1 at 92/182.
    // Climb over Jan-Mar (90 days): (182^2 - 92^2) / (2 * 182); then 275 days at 1.
    double expected = ((182.0 * 182 - 92.0 * 92) / (2 * 182) + 275) / 365;

    assertEquals(expected, SIX_MONTH_RAMP.rampFactor(LocalDate.of(2026, 10, 1)), 1e-12);
    assertEquals(0.9390, expected, 1e-4); // about 0.9375 = (0.75 * 3 + 9) / 12 in months
  }

  @Test
  void rampFactorForRepStartingOnPlanDayOne() {
    // climb over 181 days (Jan-Jun) averages 0.5, then 184 days at 1
    double expected = (181 / 2.0 + 184) / 365;

    assertEquals(expected, SIX_MONTH_RAMP.rampFactor(LocalDate.of(2027, 1, 1)), 1e-12);
  }

  @Test
  void rampFactorCountsZeroUntilHireDuringPeriod() {
    RampSchedule noRamp = RampSchedule.annual(LocalDate.of(2027, 1, 1), 0);

    assertEquals(275 / 365.0, noRamp.rampFactor(LocalDate.of(2027, 4, 1)), 1e-12);
  }

  @Test
  void rampFactorNeverFallsBelowFloorForLateHire() {
    assertEquals(RampSchedule.MIN_FACTOR, SIX_MONTH_RAMP.rampFactor(LocalDate.of(2027, 11, 15)));
  }

  @Test
  void rejectsRepHiredAfterPlanPeriod() {
    QuotaException e =
        assertThrows(
            QuotaException.class, () -> SIX_MONTH_RAMP.rampFactor(LocalDate.of(2028, 1, 1)));

    assertEquals(
        "a rep hired on 2028-01-01 starts after the plan period ends on 2027-12-31; leave the rep"
            + " out of this plan",
        e.getMessage());
  }

  @Test
  void rejectsNegativeRampMonths() {
    QuotaException e =
        assertThrows(QuotaException.class, () -> RampSchedule.annual(LocalDate.of(2027, 1, 1), -1));

    assertEquals(
        "the ramp schedule needs a plan period of at least 1 month and a ramp of at least 0"
            + " months, was 12 and -1; set --ramp-months, e.g. 6",
        e.getMessage());
  }
}
