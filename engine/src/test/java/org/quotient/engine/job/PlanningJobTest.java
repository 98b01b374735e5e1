package org.quotient.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.model.PotentialSettings;
import org.quotient.engine.schema.Quarantine;
import org.quotient.engine.testing.SharedSpark;
import org.quotient.optimizer.solver.SolverSettings;
import org.quotient.optimizer.solver.TerritoryWeights;

/** The whole run on the committed sample (2,000 accounts, 20 reps, 3 years), published twice. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningJobTest {
  private static final String SAMPLE = Path.of("..", "datasets", "sample").toString();
  private static final BigDecimal TARGET = new BigDecimal("123456789.01");
  private static final double MAX_QUOTA_CHANGE = 0.25;

  private final SparkSession spark = SharedSpark.session();
  @TempDir static Path lake;
  private PlanOutcome first;
  private PlanOutcome second;
  private final List<String> progress = new ArrayList<>();
  private final List<String> secondProgress = new ArrayList<>();

  private PlanRequest request(SolveOn solveOn) {
    return new PlanRequest(
        SAMPLE,
        lake.toString(),
        TARGET,
        null,
        null,
        PotentialSettings.DEFAULT,
        new SolverSettings(TerritoryWeights.DEFAULT, Duration.ofSeconds(60), 7L, 0.02),
        1.3,
        null,
        0.7,
        MAX_QUOTA_CHANGE,
        0.0,
        6,
        Path.of(SAMPLE, "ground_truth", "true_potential.csv").toString(),
        null,
        solveOn,
        null,
        Quarantine.OFF);
  }

  @BeforeAll
  void publishTwice() {
    first =
        new PlanningJob(spark, Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC))
            .run(request(SolveOn.DRIVER), progress::add);
    // the rerun solves its territories as Spark tasks (local master: serialized like on a cluster)
    second =
        new PlanningJob(spark, Clock.fixed(Instant.parse("2026-01-05T11:00:00Z"), ZoneOffset.UTC))
            .run(request(SolveOn.EXECUTORS), secondProgress::add);
  }

  private Dataset<Row> table(String name, String planId) {
    return spark
        .read()
        .format("delta")
        .load(lake.resolve(name).toString())
        .where("plan_id = '" + planId + "'");
  }

  @Test
  void publishesAllFiveTablesForEachPlan() {
    assertEquals(2000, table("territory_assignments", first.planId()).count());
    assertEquals(2000, table("account_potential", first.planId()).count());
    assertEquals(first.reps(), table("territory_summary", first.planId()).count());
    assertEquals(first.reps(), table("quotas", first.planId()).count());
    assertEquals(1, table("plan_runs", first.planId()).count());
    assertEquals(
        2, spark.read().format("delta").load(lake.resolve("plan_runs").toString()).count());
  }

  @Test
  void quotasSumExactlyToTheTarget() {
    BigDecimal sum =
        table("quotas", first.planId())
            .agg(org.apache.spark.sql.functions.sum("quota"))
            .first()
            .getDecimal(0);
    assertEquals(0, TARGET.compareTo(sum), "sum " + sum);
    assertEquals(0, TARGET.compareTo(first.quotaTotal()));
  }

  @Test
  void noQuotaChangesMoreThanTheCap() {
    for (Row r :
        table("quotas", first.planId()).where("previous_quota IS NOT NULL").collectAsList()) {
      double quota = r.<BigDecimal>getAs("quota").doubleValue();
      double previous = r.<BigDecimal>getAs("previous_quota").doubleValue();
      assertTrue(
          Math.abs(quota / previous - 1) <= MAX_QUOTA_CHANGE + 1e-9,
          r.getAs("rep_id") + ": " + quota + " vs " + previous);
    }
  }

  @Test
  void everyAccountGoesToAnActiveRepOfItsSegmentAndLocksHold() {
    Dataset<Row> assignments = table("territory_assignments", first.planId());
    Dataset<Row> reps = spark.read().option("header", "true").csv(SAMPLE + "/reps.csv");
    Dataset<Row> accounts = spark.read().option("header", "true").csv(SAMPLE + "/accounts.csv");
    long wrongSegment =
        assignments
            .selectExpr("rep_id", "segment AS account_segment")
            .join(reps.selectExpr("rep_id", "segment AS rep_segment", "active"), "rep_id")
            .where("account_segment <> rep_segment OR active <> 'true'")
            .count();
    assertEquals(0, wrongSegment);
    long brokenLocks =
        assignments
            .join(accounts.select("account_id", "locked_rep_id"), "account_id")
            .where("locked_rep_id IS NOT NULL AND locked_rep_id <> rep_id")
            .count();
    assertEquals(0, brokenLocks);
  }

  @Test
  void balancesPotentialPerCapacityWithinFivePercent() {
    assertTrue(
        first.potentialBalance().maxDeviation() <= 0.05,
        "potential per capacity deviates up to " + first.potentialBalance().describe());
  }

  @Test
  void rerunSolvedOnTheExecutorsPublishesIdenticalAssignmentsAndQuotas() {
    assertNotEquals(first.planId(), second.planId());
    assertTrue(
        secondProgress.stream().anyMatch(l -> l.contains("Spark task(s), one per segment")),
        secondProgress.toString());
    for (String name :
        List.of("territory_assignments", "quotas", "territory_summary", "account_potential")) {
      Dataset<Row> a = table(name, first.planId()).drop("plan_id");
      Dataset<Row> b = table(name, second.planId()).drop("plan_id");
      assertEquals(0, a.exceptAll(b).count(), name + " differs");
      assertEquals(0, b.exceptAll(a).count(), name + " differs");
    }
  }

  @Test
  void reportsEachStageWithItsTiming() {
    for (String stage :
        List.of(
            "[1/7] ingest",
            "[2/7] features",
            "[3/7] potential",
            "[4/7] workload",
            "[5/7] territories",
            "[6/7] quotas",
            "[7/7] publish")) {
      assertTrue(progress.stream().anyMatch(l -> l.startsWith(stage)), stage + " in " + progress);
    }
    assertTrue(progress.stream().anyMatch(l -> l.contains("vs. true potential")));
    assertTrue(java.nio.file.Files.exists(java.nio.file.Path.of(first.report())), first.report());
  }
}
