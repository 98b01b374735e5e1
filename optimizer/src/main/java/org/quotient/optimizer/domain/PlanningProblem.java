package org.quotient.optimizer.domain;

import java.util.List;

/** The seam between engine and optimizer: everything the territory solver needs, nothing more. */
public record PlanningProblem(List<Account> accounts, List<Rep> reps)
    implements java.io.Serializable {
  public PlanningProblem {
    accounts = List.copyOf(accounts);
    reps = List.copyOf(reps);
  }
}
