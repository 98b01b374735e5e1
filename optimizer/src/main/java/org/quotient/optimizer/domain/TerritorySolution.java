package org.quotient.optimizer.domain;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * One partition (a segment, or a geographic cluster of reps within one) as OptaPlanner solves it.
 */
@PlanningSolution(solutionCloner = TerritorySolutionCloner.class)
public class TerritorySolution {
  @ProblemFactCollectionProperty @ValueRangeProvider private List<Territory> territories;
  @PlanningEntityCollectionProperty private List<AccountAssignment> assignments;
  @ProblemFactProperty private MoveBudget moveBudget;
  @PlanningScore private HardMediumSoftLongScore score;

  /** For OptaPlanner's cloner. */
  public TerritorySolution() {}

  public TerritorySolution(List<Territory> territories, List<AccountAssignment> assignments) {
    this.territories = territories;
    this.assignments = assignments;
  }

  public TerritorySolution(
      List<Territory> territories, List<AccountAssignment> assignments, MoveBudget moveBudget) {
    this(territories, assignments);
    this.moveBudget = moveBudget;
  }

  /** A copy sharing the facts and score, with other entities (for the solution cloner). */
  TerritorySolution withAssignments(List<AccountAssignment> copies) {
    TerritorySolution clone = new TerritorySolution(territories, copies, moveBudget);
    clone.score = score;
    return clone;
  }

  /** The move budget, or null for none. */
  public MoveBudget moveBudget() {
    return moveBudget;
  }

  public List<Territory> territories() {
    return territories;
  }

  public List<AccountAssignment> assignments() {
    return assignments;
  }

  public HardMediumSoftLongScore score() {
    return score;
  }
}
