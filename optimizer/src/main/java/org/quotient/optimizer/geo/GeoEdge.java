package org.quotient.optimizer.geo;

/** Two units that share a border (either order), as read from one row of the adjacency input. */
public record GeoEdge(String a, String b) {}
