package org.quotient.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quotient.datasets.DatasetGenerator;
import org.quotient.datasets.GeneratedAccount;
import org.quotient.datasets.GeneratedData;
import org.quotient.datasets.GeneratedRep;
import org.quotient.datasets.GeneratorSettings;
import org.quotient.engine.transform.WorkloadModel;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;

class BenchmarkInstancesTest {
  private static final BenchSize SIZE = BenchSize.parse("3000x100");

  @Test
  void departedRepsAreLeftOutAndTheirAccountsMustMove() {
    GeneratedData data = DatasetGenerator.generateInMemory(new GeneratorSettings(3000, 100, 3, 7L));
    BenchmarkInstance instance = BenchmarkInstances.generate(SIZE, 7L);
    Set<String> departed =
        data.reps().stream()
            .filter(r -> !r.active())
            .map(GeneratedRep::id)
            .collect(Collectors.toSet());
    assertTrue(!departed.isEmpty());
    assertEquals(departed.size(), instance.departedReps());
    PlanningProblem problem = instance.problem();
    assertTrue(problem.reps().stream().noneMatch(r -> departed.contains(r.id())));
    IndexedProblem p = new IndexedProblem(problem);
    long orphans =
        data.accounts().stream().filter(a -> departed.contains(a.currentRepId())).count();
    assertTrue(orphans > 0);
    assertEquals(orphans, MoveLowerBound.of(p, 0.02).mustMove());
  }

  @Test
  void potentialIsTheTruePotentialAndWorkloadTheEngineFormula() {
    GeneratedData data = DatasetGenerator.generateInMemory(new GeneratorSettings(3000, 100, 3, 7L));
    PlanningProblem problem = BenchmarkInstances.generate(SIZE, 7L).problem();
    for (int i = 0; i < 50; i++) {
      GeneratedAccount g = data.accounts().get(i);
      Account a = problem.accounts().get(i);
      assertEquals(g.id(), a.id());
      assertEquals(g.truePotential(), a.potential());
      assertEquals(
          WorkloadModel.DEFAULT.hours(g.segment(), (long) g.employees(), 0), a.workload(), 1e-12);
      assertEquals(g.currentRepId(), a.currentRepId());
      assertEquals(g.lockedRepId(), a.lockedRepId());
    }
  }

  @Test
  void maxWorkloadIsThirtyPercentAboveTheSegmentMeanPerFte() {
    PlanningProblem problem = BenchmarkInstances.generate(SIZE, 7L).problem();
    Map<String, Double> hours = new HashMap<>();
    Map<String, Double> fte = new HashMap<>();
    problem.accounts().forEach(a -> hours.merge(a.segment(), a.workload(), Double::sum));
    problem.reps().forEach(r -> fte.merge(r.segment(), r.capacity(), Double::sum));
    for (Rep r : problem.reps()) {
      double expected = 1.3 * hours.get(r.segment()) / fte.get(r.segment()) * r.capacity();
      assertEquals(expected, r.maxWorkload(), 1e-6 * expected);
    }
  }
}
