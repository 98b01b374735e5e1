package org.quotient.optimizer.domain;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** The planning entity: which territory (rep) owns one account. */
@PlanningEntity
public class AccountAssignment {
  @PlanningId private String id;
  private Account account;

  /** Potential scaled so the partition's mean account is about 1000 points (no long overflow). */
  private long potentialPoints;

  /** Workload in 1/1000 hours, compared exactly against the rep's limit. */
  private long workloadMilliHours;

  /** The current rep when that rep may keep it (same partition); null for new or orphaned. */
  private String incumbentRepId;

  /** Soft points for taking the account away from its incumbent, weight included. */
  private long disruptionPoints;

  /** Locked accounts never move; local search also pins accounts it must not take away. */
  @PlanningPin private boolean pinned;

  private boolean locked;

  @PlanningVariable private Territory territory;

  /** For OptaPlanner's cloner. */
  public AccountAssignment() {}

  public AccountAssignment(
      Account account,
      long potentialPoints,
      long workloadMilliHours,
      String incumbentRepId,
      long disruptionPoints,
      Territory territory) {
    this.id = account.id();
    this.account = account;
    this.potentialPoints = potentialPoints;
    this.workloadMilliHours = workloadMilliHours;
    this.incumbentRepId = incumbentRepId;
    this.disruptionPoints = disruptionPoints;
    this.pinned = account.isLocked();
    this.locked = account.isLocked();
    this.territory = territory;
  }

  /** A copy with the same values (for the solution cloner). */
  AccountAssignment copy() {
    AccountAssignment c = new AccountAssignment();
    c.id = id;
    c.account = account;
    c.potentialPoints = potentialPoints;
    c.workloadMilliHours = workloadMilliHours;
    c.incumbentRepId = incumbentRepId;
    c.disruptionPoints = disruptionPoints;
    c.pinned = pinned;
    c.locked = locked;
    c.territory = territory;
    return c;
  }

  public String id() {
    return id;
  }

  public Account account() {
    return account;
  }

  public String segment() {
    return account.segment();
  }

  public long potentialPoints() {
    return potentialPoints;
  }

  public long workloadMilliHours() {
    return workloadMilliHours;
  }

  public String incumbentRepId() {
    return incumbentRepId;
  }

  public long disruptionPoints() {
    return disruptionPoints;
  }

  public boolean pinned() {
    return pinned;
  }

  /** A strategic lock (always pinned). */
  public boolean locked() {
    return locked;
  }

  /** Pins (or frees) the account for one local search; a locked account stays pinned. */
  public void setPinned(boolean pinned) {
    this.pinned = pinned || locked;
  }

  public Territory territory() {
    return territory;
  }

  public void setTerritory(Territory territory) {
    this.territory = territory;
  }

  public boolean isWithIncumbent() {
    return incumbentRepId == null
        || (territory != null && incumbentRepId.equals(territory.repId()));
  }

  /** Taken away from a current rep who could have kept it: counts against the move budget. */
  public boolean isTakenFromIncumbent() {
    return incumbentRepId != null && territory != null && !incumbentRepId.equals(territory.repId());
  }

  public long travelPenalty() {
    return territory == null ? 0 : territory.travelPenalty(account.location());
  }

  @Override
  public String toString() {
    return id + "->" + (territory == null ? "null" : territory.repId());
  }
}
