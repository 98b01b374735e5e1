package org.quotient.engine.bench;

import org.quotient.optimizer.domain.PlanningProblem;

/**
 * A benchmark problem and how it was made.
 *
 * @param size the size it was generated at
 * @param seed generator seed
 * @param problem accounts (potential = the generator's true potential, workload = the engine's
 *     formula) and the active reps
 * @param departedReps reps who left (excluded; their accounts must move)
 * @param newHires active reps without accounts
 * @param newAccounts accounts without a current rep
 * @param lockedAccounts accounts locked to their rep
 */
public record BenchmarkInstance(
    BenchSize size,
    long seed,
    PlanningProblem problem,
    int departedReps,
    int newHires,
    int newAccounts,
    int lockedAccounts) {}
