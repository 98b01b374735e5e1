package org.quotient.optimizer.quota;

/**
 * One rep as the quota step sees it: what their new territory is worth and what they carried
 * before.
 *
 * @param repId rep key
 * @param territoryPotential modelled potential of the accounts in the rep's new territory (>= 0)
 * @param territoryHistory trailing-12-month bookings of those accounts (>= 0)
 * @param previousQuota the rep's quota for the last period, or null for a new hire or when unknown;
 *     only reps with one above 0 are held to the cap on change
 * @param rampFactor in (0, 1]; 1 = fully ramped (see {@link RampSchedule})
 */
public record QuotaRep(
    String repId,
    double territoryPotential,
    double territoryHistory,
    Double previousQuota,
    double rampFactor) {

  public QuotaRep {
    if (repId == null || repId.isBlank()) {
      throw QuotaErrors.missingRepId();
    }
    if (!(territoryPotential >= 0) || Double.isInfinite(territoryPotential)) {
      throw QuotaErrors.negativePotential(repId, territoryPotential);
    }
    if (!(territoryHistory >= 0) || Double.isInfinite(territoryHistory)) {
      throw QuotaErrors.negativeHistory(repId, territoryHistory);
    }
    if (previousQuota != null && (!(previousQuota >= 0) || previousQuota.isInfinite())) {
      throw QuotaErrors.invalidPreviousQuota(repId, previousQuota);
    }
    if (!(rampFactor > 0 && rampFactor <= 1)) {
      throw QuotaErrors.invalidRampFactor(repId, rampFactor);
    }
  }

  /** A fully ramped rep. */
  public static QuotaRep ramped(
      String repId, double territoryPotential, double territoryHistory, Double previousQuota) {
    return new QuotaRep(repId, territoryPotential, territoryHistory, previousQuota, 1.0);
  }
}
