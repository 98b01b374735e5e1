package org.quotient.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.testing.ChildCli;
import org.quotient.engine.testing.InputFixture;
import org.quotient.engine.testing.SharedSpark;

/**
 * A run killed with SIGKILL at any point leaves readers with the previous plan (never a partial
 * one), and the next run completes. Each run is a separate JVM, as a user's would be.
 */
class KilledRunTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path dir;

  /**
   * Runs the CLI in a child JVM; kills it (SIGKILL) as soon as it prints a line containing killAt.
   */
  private static boolean runCli(Path input, Path lake, String killAt) throws Exception {
    Process process =
        ChildCli.start(
            null,
            "plan",
            "--input",
            input.toString(),
            "--lake",
            lake.toString(),
            "--target",
            "2000000",
            "--model-weight",
            "0",
            "--as-of",
            "2026-01-01",
            "--master",
            "local[1]");
    boolean killed = false;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (killAt != null && line.contains(killAt)) {
          process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
          killed = true;
          break;
        }
      }
    }
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "child run finished");
    if (killAt == null) {
      assertEquals(0, process.exitValue(), "a clean run exits 0");
    }
    return killed;
  }

  private List<String> publishedPlans(Path lake) {
    return spark
        .read()
        .format("delta")
        .load(lake.resolve("plan_runs").toString())
        .orderBy("created_at")
        .select("plan_id")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  /** What a reader sees: the newest plan in plan_runs, and that plan's rows in each table. */
  private void assertLatestPlanIsWhole(Path lake, String planId) {
    for (String table : List.of("territory_assignments", "account_potential")) {
      assertEquals(4, count(lake, table, planId), table);
    }
    for (String table : List.of("territory_summary", "quotas")) {
      assertEquals(3, count(lake, table, planId), table);
    }
  }

  private long count(Path lake, String table, String planId) {
    return spark
        .read()
        .format("delta")
        .load(lake.resolve(table).toString())
        .where(new org.apache.spark.sql.Column("plan_id").equalTo(planId))
        .count();
  }

  @Test
  void readersKeepThePreviousPlanWhateverPointARunIsKilledAtAndTheNextRunCompletes()
      throws Exception {
    Path input = new InputFixture().writeTo(dir.resolve("input"));
    Path lake = dir.resolve("lake");
    runCli(input, lake, null);
    List<String> before = publishedPlans(lake);
    assertEquals(1, before.size());

    // During the Spark stages, right after one data table is committed, and after the last one
    // (while plan_runs is being written).
    for (String killAt : List.of("[2/7] features", "wrote account_potential", "wrote quotas")) {
      assertTrue(runCli(input, lake, killAt), "the run was killed at '" + killAt + "'");
      assertEquals(before, publishedPlans(lake), "no partial plan visible after '" + killAt + "'");
      assertLatestPlanIsWhole(lake, before.get(0));
    }

    runCli(input, lake, null);
    List<String> after = publishedPlans(lake);
    assertEquals(2, after.size());
    assertLatestPlanIsWhole(lake, after.get(1));
  }
}
