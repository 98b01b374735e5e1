package org.quotient.optimizer.geo;

import java.util.List;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The OptaPlanner custom phase of the geographic mode: runs {@link GeoSearch} and writes its
 * territories into the working solution through the score director, so the solver scores the result
 * with {@link GeoConstraintProvider}.
 */
final class GeoSearchPhase implements CustomPhaseCommand<GeoSolution> {
  private final GeoSearch search;

  GeoSearchPhase(GeoSearch search) {
    this.search = search;
  }

  @Override
  public void changeWorkingSolution(ScoreDirector<GeoSolution> scoreDirector) {
    int[] territoryOf = search.run();
    GeoSolution solution = scoreDirector.getWorkingSolution();
    List<GeoTerritory> territories = solution.territories();
    for (GeoUnitAssignment unit : solution.units()) {
      scoreDirector.beforeVariableChanged(unit, "territory");
      unit.setTerritory(territories.get(territoryOf[unit.index()]));
      scoreDirector.afterVariableChanged(unit, "territory");
    }
    scoreDirector.triggerVariableListeners();
  }
}
