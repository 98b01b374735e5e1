package org.quotient.engine.bench;

import java.util.Comparator;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** The planning entity of the plain OptaPlanner model: one account and its rep. */
@PlanningEntity(difficultyComparatorClass = PlainAccount.ByPoints.class)
public class PlainAccount {
  @PlanningId private Integer index;
  private int segment;
  private long points;
  private int lockedRep;
  @PlanningPin private boolean pinned;

  @PlanningVariable(valueRangeProviderRefs = "reps")
  private PlainRep rep;

  /** For OptaPlanner's cloner. */
  public PlainAccount() {}

  public PlainAccount(int index, int segment, long points, PlainRep lockedTo) {
    this.index = index;
    this.segment = segment;
    this.points = points;
    this.lockedRep = lockedTo == null ? -1 : lockedTo.index();
    this.pinned = lockedTo != null;
    this.rep = lockedTo;
  }

  public int index() {
    return index;
  }

  public int segment() {
    return segment;
  }

  public long points() {
    return points;
  }

  public int lockedRep() {
    return lockedRep;
  }

  public PlainRep rep() {
    return rep;
  }

  public void setRep(PlainRep rep) {
    this.rep = rep;
  }

  /** Bigger accounts are harder: first fit decreasing places them first. */
  public static final class ByPoints implements Comparator<PlainAccount> {
    @Override
    public int compare(PlainAccount a, PlainAccount b) {
      int c = Long.compare(a.points, b.points);
      return c != 0 ? c : Integer.compare(b.index, a.index);
    }
  }
}
