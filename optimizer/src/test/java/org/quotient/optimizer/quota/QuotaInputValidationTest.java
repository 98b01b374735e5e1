package org.quotient.optimizer.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuotaInputValidationTest {

  @Test
  void rejectsTargetOfZero() {
    QuotaException e =
        assertThrows(
            QuotaException.class, () -> new QuotaSettings(BigDecimal.ZERO, 0.5, 0.2, 0.05));

    assertEquals(
        "the target must be > 0, was 0; set --target to the company target for the plan period",
        e.getMessage());
  }

  @Test
  void rejectsNegativeTarget() {
    QuotaException e =
        assertThrows(
            QuotaException.class,
            () -> new QuotaSettings(new BigDecimal("-100.50"), 0.5, 0.2, 0.05));

    assertEquals(
        "the target must be > 0, was -100.50; set --target to the company target for the plan"
            + " period",
        e.getMessage());
  }

  @Test
  void rejectsPotentialWeightAboveOne() {
    QuotaException e =
        assertThrows(QuotaException.class, () -> new QuotaSettings(BigDecimal.TEN, 1.5, 0.2, 0.05));

    assertEquals(
        "the potential weight must be between 0 and 1, was 1.5; set --potential-weight (history"
            + " gets 1 minus it), e.g. 0.7",
        e.getMessage());
  }

  @Test
  void rejectsNegativeMaxChange() {
    QuotaException e =
        assertThrows(
            QuotaException.class, () -> new QuotaSettings(BigDecimal.TEN, 0.5, -0.1, 0.05));

    assertEquals(
        "the maximum quota change must be >= 0 (Infinity for no cap), was -0.1; set"
            + " --max-quota-change, e.g. 0.2 for at most 20% up or down",
        e.getMessage());
  }

  @Test
  void rejectsNegativeOverAssignment() {
    QuotaException e =
        assertThrows(
            QuotaException.class, () -> new QuotaSettings(BigDecimal.TEN, 0.5, 0.2, -0.05));

    assertEquals(
        "the over-assignment must be a finite number >= 0, was -0.05; set --over-assignment,"
            + " e.g. 0.05 for quotas summing to the target plus 5%",
        e.getMessage());
  }

  @Test
  void rejectsNegativePotentialNamingTheRep() {
    QuotaException e =
        assertThrows(QuotaException.class, () -> new QuotaRep("rep-7", -5, 10, null, 1));

    assertEquals(
        "rep rep-7: territory potential must be a number >= 0, was -5; check the potential of the"
            + " accounts in the rep's territory",
        e.getMessage());
  }

  @Test
  void rejectsNegativeHistoryNamingTheRep() {
    QuotaException e =
        assertThrows(QuotaException.class, () -> new QuotaRep("rep-8", 5, -0.5, null, 1));

    assertEquals(
        "rep rep-8: territory history must be a number >= 0, was -0.5; check the bookings of the"
            + " accounts in the rep's territory",
        e.getMessage());
  }

  @Test
  void rejectsRampFactorOfZero() {
    QuotaException e =
        assertThrows(QuotaException.class, () -> new QuotaRep("rep-9", 5, 5, null, 0));

    assertEquals(
        "rep rep-9: ramp factor must be in (0, 1], was 0; use 1 for a fully ramped rep",
        e.getMessage());
  }

  @Test
  void rejectsNegativePreviousQuota() {
    QuotaException e =
        assertThrows(QuotaException.class, () -> new QuotaRep("rep-10", 5, 5, -1.0, 1));

    assertEquals(
        "rep rep-10: previous quota must be a number >= 0 or empty, was -1; fix the rep's row in"
            + " quota_history or leave it empty for a new hire",
        e.getMessage());
  }
}
