package org.quotient.engine.bench;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** The planning solution of the plain OptaPlanner model. */
@PlanningSolution
public class PlainSolution {
  @ProblemFactCollectionProperty
  @ValueRangeProvider(id = "reps")
  private List<PlainRep> reps;

  @PlanningEntityCollectionProperty private List<PlainAccount> accounts;

  @PlanningScore private HardSoftLongScore score;

  /** For OptaPlanner's cloner. */
  public PlainSolution() {}

  public PlainSolution(List<PlainRep> reps, List<PlainAccount> accounts) {
    this.reps = reps;
    this.accounts = accounts;
  }

  public List<PlainRep> reps() {
    return reps;
  }

  public List<PlainAccount> accounts() {
    return accounts;
  }

  public HardSoftLongScore score() {
    return score;
  }
}
