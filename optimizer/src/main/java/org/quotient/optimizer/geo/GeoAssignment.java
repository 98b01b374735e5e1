package org.quotient.optimizer.geo;

/** One line of a geographic plan: a unit and its territory (0..K-1). */
public record GeoAssignment(String unitId, int territory) {}
