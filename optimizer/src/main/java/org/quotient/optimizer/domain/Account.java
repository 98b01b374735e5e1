package org.quotient.optimizer.domain;

import java.util.Objects;
import org.quotient.optimizer.geo.GeoPoint;

/**
 * An account to place in a territory, as the engine hands it to the optimizer.
 *
 * @param id account key
 * @param segment market segment; only reps of the same segment may own it
 * @param potential expected annual revenue potential (currency units, >= 0)
 * @param workload expected annual selling effort (hours, >= 0)
 * @param location where the account is, or null when the input has no coordinates
 * @param currentRepId the rep who owns it today, or null for a new or orphaned account
 * @param lockedRepId the rep it must stay with (strategic lock), or null
 */
public record Account(
    String id,
    String segment,
    double potential,
    double workload,
    GeoPoint location,
    String currentRepId,
    String lockedRepId)
    implements java.io.Serializable {
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(segment, "segment");
  }

  public boolean isLocked() {
    return lockedRepId != null;
  }
}
