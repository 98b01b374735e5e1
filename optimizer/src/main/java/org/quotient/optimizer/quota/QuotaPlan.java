package org.quotient.optimizer.quota;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The quota half of a plan.
 *
 * @param quotas one per rep, in the order the reps were given
 * @param total the sum of the quotas: exactly {@link QuotaSettings#amountToSpread()}
 * @param settings the settings used
 * @param basis whether shares blended potential and history or used one alone
 */
public record QuotaPlan(
    List<RepQuota> quotas, BigDecimal total, QuotaSettings settings, ShareBasis basis) {
  public QuotaPlan {
    quotas = List.copyOf(quotas);
  }

  public Optional<RepQuota> quotaOf(String repId) {
    return quotas.stream().filter(q -> q.repId().equals(repId)).findFirst();
  }
}
