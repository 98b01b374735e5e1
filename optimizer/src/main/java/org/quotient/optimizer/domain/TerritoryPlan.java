package org.quotient.optimizer.domain;

import java.util.List;

/**
 * The territory half of a plan: every account's owner, a summary per rep and how the solve went.
 */
public record TerritoryPlan(
    List<Assignment> assignments, List<TerritorySummary> summaries, SolverStatistics statistics) {}
