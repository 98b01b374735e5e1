package org.quotient.optimizer.quota;

/** What a rep's share was computed from. */
public enum ShareBasis {
  /** potentialWeight * potential share + (1 - potentialWeight) * history share. */
  BLENDED,
  /** No rep has any history (sum of history is 0), so potential alone. */
  POTENTIAL_ONLY,
  /** No rep has any potential (sum of potential is 0), so history alone. */
  HISTORY_ONLY
}
