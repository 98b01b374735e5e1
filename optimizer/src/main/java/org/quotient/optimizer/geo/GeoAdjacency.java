package org.quotient.optimizer.geo;

/** Units {@code a} and {@code b} (indexes, a < b) share a border: a planning fact. */
public record GeoAdjacency(int a, int b) {}
