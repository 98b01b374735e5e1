package org.quotient.optimizer.geo;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * The planning entity: one geographic unit and the territory it belongs to. It carries what the
 * constraints need without lookups: its index, neighbours (indexes), balanced measure values and
 * projected position in metres (equirectangular around the data's mean latitude; absent when the
 * unit has no lat/lon).
 */
@PlanningEntity
public class GeoUnitAssignment {
  private int index;
  private String unitId;
  private double[] measures;
  private int[] neighbours;
  private boolean located;
  private long xMetres;
  private long yMetres;

  @PlanningVariable private GeoTerritory territory;

  public GeoUnitAssignment() {}

  public GeoUnitAssignment(
      int index,
      String unitId,
      double[] measures,
      int[] neighbours,
      boolean located,
      long xMetres,
      long yMetres,
      GeoTerritory territory) {
    this.index = index;
    this.unitId = unitId;
    this.measures = measures;
    this.neighbours = neighbours;
    this.located = located;
    this.xMetres = xMetres;
    this.yMetres = yMetres;
    this.territory = territory;
  }

  public int index() {
    return index;
  }

  public String unitId() {
    return unitId;
  }

  public double measure(int measureIndex) {
    return measures[measureIndex];
  }

  int[] neighbours() {
    return neighbours;
  }

  public boolean located() {
    return located;
  }

  public long xMetres() {
    return xMetres;
  }

  public long yMetres() {
    return yMetres;
  }

  public GeoTerritory territory() {
    return territory;
  }

  public void setTerritory(GeoTerritory territory) {
    this.territory = territory;
  }

  @Override
  public String toString() {
    return unitId + "->" + (territory == null ? "?" : territory.index());
  }
}
