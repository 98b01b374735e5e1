package org.quotient.optimizer.domain;

/**
 * The most accounts a (sub-)problem may take away from a current rep who could keep them.
 *
 * @param maxMoved the budget; accounts that must move (new, orphaned) do not count
 */
public record MoveBudget(long maxMoved) {}
