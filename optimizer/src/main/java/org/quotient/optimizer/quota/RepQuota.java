package org.quotient.optimizer.quota;

import java.math.BigDecimal;

/** One rep's quota (in cents, scale 2) and why. */
public record RepQuota(String repId, BigDecimal quota, QuotaExplanation explanation) {}
