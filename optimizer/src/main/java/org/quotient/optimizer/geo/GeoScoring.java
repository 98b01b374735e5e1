package org.quotient.optimizer.geo;

/** Which objective the plan minimizes: a planning fact the soft constraints look up. */
public record GeoScoring(GeoObjective objective) {}
