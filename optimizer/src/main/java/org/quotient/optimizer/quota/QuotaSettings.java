package org.quotient.optimizer.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the company target is spread.
 *
 * @param target the company target for the plan period (> 0)
 * @param potentialWeight in [0, 1]: the weight of territory potential in a rep's share; history
 *     gets 1 minus it
 * @param maxChange >= 0: a rep with a previous quota may move at most this fraction up or down (0.2
 *     = +-20%); {@link Double#POSITIVE_INFINITY} for no cap
 * @param overAssignment >= 0: the reps' quotas sum to target * (1 + overAssignment)
 */
public record QuotaSettings(
    BigDecimal target, double potentialWeight, double maxChange, double overAssignment) {

  public QuotaSettings {
    if (target == null) {
      throw QuotaErrors.missingTarget();
    }
    if (target.signum() <= 0) {
      throw QuotaErrors.targetNotPositive(target);
    }
    if (!(potentialWeight >= 0 && potentialWeight <= 1)) {
      throw QuotaErrors.potentialWeightOutOfRange(potentialWeight);
    }
    if (!(maxChange >= 0)) {
      throw QuotaErrors.maxChangeOutOfRange(maxChange);
    }
    if (!(overAssignment >= 0) || Double.isInfinite(overAssignment)) {
      throw QuotaErrors.overAssignmentOutOfRange(overAssignment);
    }
  }

  /** No cap on change and no over-assignment. */
  public static QuotaSettings uncapped(BigDecimal target, double potentialWeight) {
    return new QuotaSettings(target, potentialWeight, Double.POSITIVE_INFINITY, 0);
  }

  /** The amount the quotas sum to: target * (1 + overAssignment), rounded half-even to cents. */
  public BigDecimal amountToSpread() {
    return target
        .multiply(BigDecimal.ONE.add(BigDecimal.valueOf(overAssignment)))
        .setScale(2, RoundingMode.HALF_EVEN);
  }

  public boolean capped() {
    return maxChange != Double.POSITIVE_INFINITY;
  }
}
