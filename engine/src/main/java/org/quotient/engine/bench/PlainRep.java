package org.quotient.engine.bench;

/**
 * A rep in the plain OptaPlanner model (a planning value).
 *
 * @param index rep index in the {@link IndexedProblem}
 * @param segment segment index
 * @param capacityTenths capacity in tenths of an FTE (the generator's resolution)
 */
public record PlainRep(int index, int segment, long capacityTenths) {}
