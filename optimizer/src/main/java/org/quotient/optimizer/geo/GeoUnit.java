package org.quotient.optimizer.geo;

import java.util.Arrays;

/**
 * A geographic building block (a ZIP code, a county): its id, its location (null when the input has
 * no lat/lon; then compactness is unavailable) and the values of the balanced measures, in the
 * order of {@link GeoProblem#measureNames()}.
 */
public record GeoUnit(String id, GeoPoint location, double[] measures) {
  public GeoUnit {
    measures = measures.clone();
  }

  @Override
  public double[] measures() {
    return measures.clone();
  }

  double measure(int index) {
    return measures[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GeoUnit u
        && id.equals(u.id)
        && java.util.Objects.equals(location, u.location)
        && Arrays.equals(measures, u.measures);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "GeoUnit[" + id + ", " + location + ", " + Arrays.toString(measures) + "]";
  }
}
