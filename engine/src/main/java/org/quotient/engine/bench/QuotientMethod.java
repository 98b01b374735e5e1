package org.quotient.engine.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.quotient.optimizer.domain.Assignment;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.solver.SolverSettings;
import org.quotient.optimizer.solver.TerritoryOptimizer;

/** Quotient's territory solver ({@link TerritoryOptimizer}) with default weights. */
public final class QuotientMethod implements BenchMethod {
  private final SolverSettings settings;

  /**
   * @param timeLimit the solver's safety cap
   * @param maxMovedFraction the disruption budget, 0..1 (1 = no limit)
   * @param tolerance the balance band
   */
  public QuotientMethod(Duration timeLimit, double maxMovedFraction, double tolerance) {
    SolverSettings d = SolverSettings.defaults();
    this.settings =
        new SolverSettings(d.weights(), timeLimit, d.seed(), tolerance, maxMovedFraction);
  }

  @Override
  public String name() {
    return "quotient";
  }

  @Override
  public Outcome run(IndexedProblem p, Consumer<String> progress) {
    TerritoryPlan plan = new TerritoryOptimizer().solve(p.problem(), settings, progress);
    Map<String, String> repByAccount = new HashMap<>(p.accountCount * 2);
    for (Assignment a : plan.assignments()) {
      repByAccount.put(a.accountId(), a.repId());
    }
    String note = plan.statistics().feasible() ? "" : "solver reports infeasible";
    return new Outcome(p.assignmentOf(repByAccount), note);
  }
}
