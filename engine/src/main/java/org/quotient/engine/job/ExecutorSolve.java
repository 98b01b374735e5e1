package org.quotient.engine.job;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.solver.SegmentPartition;
import org.quotient.optimizer.solver.SegmentSolution;
import org.quotient.optimizer.solver.SolverSettings;
import org.quotient.optimizer.solver.TerritoryOptimizer;

/**
 * The territory solve on the executors: each segment partition is one Spark task, and the driver
 * assembles the plan from what the tasks return. The partitions travel as one broadcast (torrent
 * blocks, so a big segment never meets the RPC message limit a task's own payload has); a task lost
 * with its executor is retried by Spark, and since a segment's solve is deterministic the retry
 * returns the same answer. The plan is identical to {@link TerritoryOptimizer#solve} in one JVM,
 * which runs the same partitions through the same code.
 */
final class ExecutorSolve {
  private ExecutorSolve() {}

  static TerritoryPlan solve(
      SparkSession spark,
      PlanningProblem problem,
      SolverSettings settings,
      Consumer<String> progress) {
    long start = System.nanoTime();
    List<SegmentPartition> partitions = TerritoryOptimizer.partitions(problem);
    progress.accept(
        String.format(
            "solving %,d account(s), %,d rep(s) as %d Spark task(s), one per segment partition,"
                + " on the executors",
            problem.accounts().size(), problem.reps().size(), partitions.size()));
    List<SegmentSolution> solutions = new ArrayList<>();
    if (!partitions.isEmpty()) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<List<SegmentPartition>> shipped = jsc.broadcast(partitions);
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < partitions.size(); i++) {
        indices.add(i);
      }
      try {
        jsc.setJobDescription("territory solve: one task per segment partition");
        solutions.addAll(
            jsc.parallelize(indices, indices.size())
                .map(
                    i ->
                        new TerritoryOptimizer()
                            .solvePartition(shipped.value().get(i), settings, line -> {}))
                .collect());
      } finally {
        jsc.setJobDescription(null);
        shipped.destroy();
      }
    }
    // the tasks' progress lines, replayed in segment order
    for (SegmentSolution s : solutions) {
      s.log().forEach(progress);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new TerritoryOptimizer().assemble(problem, solutions, millis, progress);
  }

  /** Whether a run with this setting solves on the executors. */
  static boolean onExecutors(SparkSession spark, SolveOn solveOn) {
    return switch (solveOn) {
      case EXECUTORS -> true;
      case DRIVER -> false;
      case AUTO -> !spark.sparkContext().isLocal();
    };
  }
}
