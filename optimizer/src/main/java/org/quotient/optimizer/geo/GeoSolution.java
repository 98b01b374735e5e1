package org.quotient.optimizer.geo;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The planning solution of the geographic-unit mode: units, territories and the facts. */
@PlanningSolution
public class GeoSolution {
  @ProblemFactCollectionProperty @ValueRangeProvider private List<GeoTerritory> territories;
  @ProblemFactCollectionProperty private List<GeoAdjacency> adjacencies;
  @ProblemFactCollectionProperty private List<GeoMeasure> measures;
  @ProblemFactProperty private GeoScoring scoring;
  @PlanningEntityCollectionProperty private List<GeoUnitAssignment> units;
  @PlanningScore private HardMediumSoftLongScore score;

  public GeoSolution() {}

  public GeoSolution(
      List<GeoTerritory> territories,
      List<GeoAdjacency> adjacencies,
      List<GeoMeasure> measures,
      GeoScoring scoring,
      List<GeoUnitAssignment> units) {
    this.territories = territories;
    this.adjacencies = adjacencies;
    this.measures = measures;
    this.scoring = scoring;
    this.units = units;
  }

  public List<GeoTerritory> territories() {
    return territories;
  }

  public List<GeoAdjacency> adjacencies() {
    return adjacencies;
  }

  public List<GeoMeasure> measures() {
    return measures;
  }

  public GeoScoring scoring() {
    return scoring;
  }

  public List<GeoUnitAssignment> units() {
    return units;
  }

  public HardMediumSoftLongScore score() {
    return score;
  }
}
