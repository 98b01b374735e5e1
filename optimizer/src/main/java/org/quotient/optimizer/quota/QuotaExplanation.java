package org.quotient.optimizer.quota;

import java.math.BigDecimal;

/**
 * Why a rep's quota is what it is. The money components add up exactly: {@code quota = beforeCaps +
 * capAdjustment + redistribution + roundingCents / 100}.
 *
 * @param potentialShare the rep's territory potential / the sum over all reps (0 when that sum is
 *     0)
 * @param historyShare the rep's territory history / the sum over all reps (0 when that sum is 0)
 * @param blendedShare the share used: potential and history blended by the weight below
 * @param basis whether both were blended or one was missing for every rep
 * @param potentialWeight the weight of potential actually used (1 when there is no history, 0 when
 *     there is no potential)
 * @param rampFactor the rep's ramp factor; the share is multiplied by it and all shares
 *     renormalised
 * @param beforeCaps the quota with no caps: amount * share * ramp / sum(share * ramp), to the cent
 * @param cap the cap bound that held the quota, or {@link CapBound#NONE}
 * @param capAdjustment the cap bound minus beforeCaps for a capped rep, 0 otherwise
 * @param redistribution for an uncapped rep, what it gained (> 0) from amounts that ceilings freed
 *     or lost (< 0) to lift others to their floors; 0 for a capped rep
 * @param roundingCents the cents (usually -1, 0 or +1) the largest-remainder rounding moved the
 *     quota from its nearest cent so the quotas sum exactly to the amount
 * @param text one sentence for people
 */
public record QuotaExplanation(
    double potentialShare,
    double historyShare,
    double blendedShare,
    ShareBasis basis,
    double potentialWeight,
    double rampFactor,
    BigDecimal beforeCaps,
    CapBound cap,
    BigDecimal capAdjustment,
    BigDecimal redistribution,
    long roundingCents,
    String text) {}
