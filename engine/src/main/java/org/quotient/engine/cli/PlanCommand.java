package org.quotient.engine.cli;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.quotient.engine.io.Redaction;
import org.quotient.engine.job.PlanOutcome;
import org.quotient.engine.job.PlanRequest;
import org.quotient.engine.job.PlanningJob;
import org.quotient.engine.job.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quotient plan}: from input tables to a published territory and quota plan. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Validate the inputs, model account potential and workload, balance territories, set quotas"
          + " and publish the plan as Delta tables (plan_runs, territory_assignments,"
          + " territory_summary, quotas, account_potential, and rejected_rows when"
          + " --quarantine-bad-rows sets input rows aside) in the lake folder."
    })
final class PlanCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      description =
          "Folder (path or URI) with accounts, reps, opportunities and optional quota_history, as CSV, Parquet or Delta.")
  String input;

  @Option(
      names = "--lake",
      description = "Lake folder (path or URI) to publish the Delta tables to; created if missing.")
  String lake;

  @Option(names = "--target", description = "Company target the quotas sum to, e.g. 250000000.")
  BigDecimal target;

  @Mixin PlanOptions options = new PlanOptions();

  @Override
  public Integer call() {
    ConfigFile.require("--input", input);
    ConfigFile.require("--lake", lake);
    ConfigFile.require("--target", target);
    PlanRequest request = options.toRequest(input, lake, target);
    PlanOutcome outcome = run(request, options.master);
    SummaryPrinter.print(outcome, System.out);
    return 0;
  }

  static PlanOutcome run(PlanRequest request, String master) {
    SparkSession spark = SparkSessions.deltaSession(master, "quotient-plan");
    if (System.getProperty("log4j2.configurationFile") == null
        && System.getProperty("log4j.configurationFile") == null) {
      // Spark's own defaults (spark-submit) log at INFO; a user's logging configuration wins.
      spark.sparkContext().setLogLevel("WARN");
    }
    return new PlanningJob(spark, Clock.systemUTC())
        .run(request, line -> System.out.println(Redaction.text(line)));
  }
}
