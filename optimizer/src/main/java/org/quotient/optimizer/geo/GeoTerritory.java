package org.quotient.optimizer.geo;

/** A territory of a geographic plan, numbered 0..K-1: the planning value of a unit. */
public record GeoTerritory(int index) {}
