package org.quotient.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.QuotientException;
import org.quotient.engine.testing.ChildCli;
import org.quotient.engine.testing.InputFixture;
import org.quotient.engine.testing.SharedSpark;

/**
 * Two separate processes publish different plans to one lake at the same moment (Delta's optimistic
 * concurrency decides who commits first): each either lands whole, or fails cleanly with the
 * retryable lake error and leaves nothing visible; no plan holds another's rows.
 */
class ConcurrentProcessesTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path dir;

  @Test
  void twoProcessesPublishingToOneLakeEachLandWholeOrFailRetryably() throws Exception {
    Path input = new InputFixture().writeTo(dir.resolve("input"));
    Path lake = dir.resolve("lake");
    // different targets, so a quota row that strayed into the other plan would show in its sum
    Map<String, String> targets = Map.of("plan-a", "2000000", "plan-b", "3000000");
    List<Process> runs = new ArrayList<>();
    for (Map.Entry<String, String> plan : targets.entrySet()) {
      runs.add(
          ChildCli.start(
              dir.resolve(plan.getKey() + ".log"),
              "plan",
              "--input",
              input.toString(),
              "--lake",
              lake.toString(),
              "--target",
              plan.getValue(),
              "--plan-id",
              plan.getKey(),
              "--model-weight",
              "0",
              "--as-of",
              "2026-01-01",
              "--master",
              "local[1]"));
    }
    TreeSet<String> landed = new TreeSet<>();
    int i = 0;
    for (String planId : targets.keySet()) {
      Process run = runs.get(i++);
      assertTrue(run.waitFor(5, TimeUnit.MINUTES), planId + " finished");
      String log = Files.readString(dir.resolve(planId + ".log"));
      if (run.exitValue() == 0) {
        landed.add(planId);
      } else {
        assertEquals(QuotientException.EXIT_PUBLISH, run.exitValue(), log);
        assertTrue(log.contains("it is safe to retry"), log);
      }
    }
    assertTrue(!landed.isEmpty(), "at least one of two concurrent publishes lands");

    List<String> visible =
        spark
            .read()
            .format("delta")
            .load(lake.resolve("plan_runs").toString())
            .select("plan_id")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(landed, new TreeSet<>(visible), "plan_runs lists exactly the plans that landed");
    for (String planId : landed) {
      assertEquals(4, count(lake, "territory_assignments", planId), planId);
      assertEquals(4, count(lake, "account_potential", planId), planId);
      assertEquals(3, count(lake, "territory_summary", planId), planId);
      assertEquals(3, count(lake, "quotas", planId), planId);
      BigDecimal sum =
          spark
              .read()
              .format("delta")
              .load(lake.resolve("quotas").toString())
              .where("plan_id = '" + planId + "'")
              .agg(org.apache.spark.sql.functions.sum("quota"))
              .first()
              .getDecimal(0);
      assertEquals(0, new BigDecimal(targets.get(planId)).compareTo(sum), planId + " sums " + sum);
    }
  }

  private long count(Path lake, String table, String planId) {
    return spark
        .read()
        .format("delta")
        .load(lake.resolve(table).toString())
        .where("plan_id = '" + planId + "'")
        .count();
  }
}
