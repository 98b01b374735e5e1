package org.quotient.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.datasets.DatasetGenerator;
import org.quotient.datasets.GeneratorSettings;
import org.quotient.engine.testing.SharedSpark;

/**
 * The shaded jar on a real standalone cluster (Master and Worker processes on loopback): submitted
 * in client and in cluster deploy mode, it publishes exactly the tables a local-mode run of the
 * same jar publishes; with an executor killed during the aggregation stage, Spark retries the lost
 * tasks and the tables are still the same.
 */
class StandaloneClusterIT {
  private static final String PLAN_ID = "cluster-it";
  private static final List<String> TABLES =
      List.of("territory_assignments", "territory_summary", "quotas", "account_potential");

  @TempDir static Path dir;
  private static StandaloneCluster cluster;
  private static Path input;
  private static Path localLake;

  @BeforeAll
  static void startClusterAndPlanLocally() throws Exception {
    input = dir.resolve("input");
    DatasetGenerator.generate(new GeneratorSettings(3000, 30, 3, 7L), input);
    cluster = StandaloneCluster.start(dir, 2, "3g");
    localLake = dir.resolve("lake-local");
    Submission local = submit("local[2]", "client", localLake, null);
    assertEquals(0, local.exitCode, "local-mode run of the shaded jar:\n" + local.output);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void clientDeployModePublishesTheSameTablesAsLocalMode() throws Exception {
    Path lake = dir.resolve("lake-client");
    Submission run = submit(cluster.masterUrl(), "client", lake, null);
    assertEquals(0, run.exitCode, "client-mode run:\n" + run.output + cluster.logTail());
    assertTrue(run.output.contains("[7/7]"), "the driver ran every stage:\n" + run.output);
    assertSameTables(localLake, lake);
  }

  @Test
  void clusterDeployModePublishesTheSameTablesAsLocalMode() throws Exception {
    Path lake = dir.resolve("lake-cluster");
    Submission run = submit(cluster.masterUrl(), "cluster", lake, null);
    assertEquals(0, run.exitCode, "cluster-mode submission:\n" + run.output + cluster.logTail());
    assertTrue(
        Files.exists(lake.resolve("plan_runs")),
        "the driver on the worker published the plan:\n" + run.output + cluster.logTail());
    assertSameTables(localLake, lake);
  }

  @Test
  void anExecutorKilledDuringAggregationIsRetriedAndTheTablesAreTheSame() throws Exception {
    Path lake = dir.resolve("lake-fault");
    AtomicInteger killed = new AtomicInteger();
    Submission run =
        submit(
            cluster.masterUrl(),
            "client",
            lake,
            line -> {
              // the features stage aggregates the opportunities: kill an executor while it runs
              if (killed.get() == 0 && line.contains("[2/7] features")) {
                List<ProcessHandle> executors = cluster.executors();
                if (!executors.isEmpty()) {
                  executors.get(0).destroyForcibly(); // SIGKILL, as a lost machine would
                  killed.incrementAndGet();
                }
              }
            });
    assertEquals(1, killed.get(), "an executor was killed:\n" + run.output);
    assertEquals(0, run.exitCode, "run with a lost executor:\n" + run.output + cluster.logTail());
    assertSameTables(localLake, lake);
  }

  // ---------------------------------------------------------------- helpers

  private record Submission(int exitCode, String output) {}

  /**
   * spark-submit of the shaded jar (SparkSubmit from the cluster's jars, as the script runs it).
   */
  private static Submission submit(
      String master, String deployMode, Path lake, java.util.function.Consumer<String> onLine)
      throws Exception {
    String opens = String.join(" ", StandaloneCluster.javaOpens());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(StandaloneCluster.javaOpens());
    command.add("-cp");
    command.add(cluster.sparkClasspathString());
    command.add("org.apache.spark.deploy.SparkSubmit");
    command.addAll(
        List.of(
            "--master",
            master,
            "--deploy-mode",
            deployMode,
            "--class",
            "org.quotient.engine.cli.QuotientCli",
            "--driver-memory",
            "1g",
            "--executor-memory",
            "1g",
            "--conf",
            "spark.executor.cores=1",
            "--conf",
            "spark.cores.max=" + (deployMode.equals("cluster") ? 1 : 2),
            "--conf",
            "spark.driver.extraJavaOptions=" + opens,
            "--conf",
            "spark.executor.extraJavaOptions=" + opens,
            "--conf",
            "spark.standalone.submit.waitAppCompletion=true",
            "--conf",
            "spark.task.maxFailures=4",
            shadedJar(),
            "plan",
            "--input",
            input.toUri().toString(),
            "--lake",
            lake.toUri().toString(),
            "--target",
            "260000000",
            "--as-of",
            "2026-01-01",
            "--plan-id",
            PLAN_ID,
            "--report",
            dir.resolve("report-" + lake.getFileName() + ".html").toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(StandaloneCluster.environment(cluster.sparkHome()));
    Process process = pb.start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        output.append(line).append('\n');
        // the run's own progress lines, and Spark's word on lost executors, for the test log
        if (!line.matches("^\\d\\d/\\d\\d/\\d\\d .*")
            || line.contains("Lost executor")
            || line.contains("Removed executor")
            || line.contains("State of driver")) {
          System.out.println("[" + lake.getFileName() + "] " + line);
        }
        if (onLine != null) {
          onLine.accept(line);
        }
      }
    }
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "spark-submit finished:\n" + output);
    return new Submission(process.exitValue(), output.toString());
  }

  private static String shadedJar() {
    String jar = System.getProperty("quotient.shadedJar");
    assertFalse(jar == null || !Files.exists(Path.of(jar)), "shaded jar missing: " + jar);
    return jar;
  }

  /** Every published table holds the same rows (run timestamps aside) in both lakes. */
  private static void assertSameTables(Path expectedLake, Path actualLake) {
    SparkSession spark = SharedSpark.session();
    for (String table : TABLES) {
      List<String> expected = rows(spark, expectedLake.resolve(table));
      List<String> actual = rows(spark, actualLake.resolve(table));
      assertFalse(expected.isEmpty(), table + " is empty in the local-mode lake");
      assertEquals(expected.size(), actual.size(), table + " row count");
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), actual.get(i), table + " row " + i);
      }
    }
  }

  private static List<String> rows(SparkSession spark, Path table) {
    Dataset<Row> df = spark.read().format("delta").load(table.toString());
    String[] kept =
        Arrays.stream(df.columns()).filter(c -> !c.equals("created_at")).toArray(String[]::new);
    return df.selectExpr(kept).collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
