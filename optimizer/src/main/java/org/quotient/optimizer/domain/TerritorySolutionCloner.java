package org.quotient.optimizer.domain;

import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Clones a solution by copying only what local search changes: one new {@link AccountAssignment}
 * per entity (plain field copies, no reflection); territories, accounts and the move budget are
 * immutable facts and are shared. OptaPlanner clones on every new best solution, so this is on the
 * hot path of hill climbing.
 */
public class TerritorySolutionCloner implements SolutionCloner<TerritorySolution> {
  @Override
  public TerritorySolution cloneSolution(TerritorySolution original) {
    List<AccountAssignment> copies = new ArrayList<>(original.assignments().size());
    for (AccountAssignment a : original.assignments()) {
      copies.add(a.copy());
    }
    return original.withAssignments(copies);
  }
}
