package org.quotient.engine.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.quotient.engine.EngineErrors;
import org.quotient.engine.job.PlanRequest;
import org.quotient.engine.job.SolveOn;
import org.quotient.engine.model.PotentialSettings;
import org.quotient.engine.schema.Quarantine;
import org.quotient.optimizer.solver.SolverSettings;
import org.quotient.optimizer.solver.TerritoryWeights;
import picocli.CommandLine.Option;

/** Planning options shared by {@code plan} and {@code demo}. */
final class PlanOptions {
  @Option(
      names = "--config",
      description =
          "Properties file (a path or a Hadoop URI) with option values, one 'option=value' per line without the dashes"
              + " (e.g. target=250000000, lake=hdfs:///lake); command-line options win.")
  String config;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Random seed; same inputs and seed, same plan (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--as-of",
      description =
          "First day of the plan period, YYYY-MM-DD (default: the first of the month after the latest opportunity).")
  LocalDate asOf;

  @Option(
      names = "--plan-id",
      description =
          "Publish under this plan id; publishing the same id again replaces that plan (default: generated).")
  String planId;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      description = "Spark master when not run by spark-submit (default: ${DEFAULT-VALUE}).")
  String master;

  @Option(
      names = "--time-limit",
      defaultValue = "120",
      description =
          "Safety cap in seconds on the territory local search; the search normally ends earlier on a deterministic step limit (default: ${DEFAULT-VALUE}).")
  long timeLimitSeconds;

  @Option(
      names = "--balance-tolerance",
      defaultValue = "0.02",
      description =
          "Band around the segment mean of potential per capacity that construction rebalances into (default: ${DEFAULT-VALUE}).")
  double balanceTolerance;

  @Option(
      names = "--workload-tolerance",
      defaultValue = "0.05",
      description =
          "Band around the segment mean of workload per capacity every rep should end in"
              + " (default: ${DEFAULT-VALUE}).")
  double workloadTolerance;

  @Option(
      names = "--max-moved-percent",
      defaultValue = "100",
      description =
          "At most this percent of accounts may leave a current rep who could keep them; balance"
              + " is then as good as that budget allows and the run says which reps stay outside"
              + " the bands (default: ${DEFAULT-VALUE} = no limit).")
  double maxMovedPercent;

  @Option(
      names = "--weight-potential",
      defaultValue = "10",
      description = "Weight of potential balance (default: ${DEFAULT-VALUE}).")
  double weightPotential;

  @Option(
      names = "--weight-workload",
      defaultValue = "3",
      description = "Weight of workload balance (default: ${DEFAULT-VALUE}).")
  double weightWorkload;

  @Option(
      names = "--weight-disruption",
      defaultValue = "1",
      description =
          "Weight of keeping accounts with their current rep (default: ${DEFAULT-VALUE}).")
  double weightDisruption;

  @Option(
      names = "--weight-travel",
      defaultValue = "1",
      description = "Weight of travel distance from the rep's home (default: ${DEFAULT-VALUE}).")
  double weightTravel;

  @Option(
      names = "--max-workload-factor",
      defaultValue = "1.3",
      description =
          "Hard cap on a rep's workload as a multiple of the segment's mean hours per FTE (default: ${DEFAULT-VALUE}).")
  double maxWorkloadFactor;

  @Option(
      names = "--max-workload-hours-per-fte",
      description =
          "Absolute hard cap on workload hours per FTE (overrides --max-workload-factor).")
  Double maxWorkloadHoursPerFte;

  @Option(
      names = "--model-weight",
      defaultValue = "0.8",
      description =
          "Share of the potential model vs. run-rate bookings in account potential, 0..1 (default: ${DEFAULT-VALUE}).")
  double modelWeight;

  @Option(
      names = "--quota-potential-weight",
      defaultValue = "0.7",
      description =
          "Share of territory potential vs. territory history in quotas, 0..1 (default: ${DEFAULT-VALUE}).")
  double quotaPotentialWeight;

  @Option(
      names = "--max-quota-change",
      defaultValue = "0.2",
      description =
          "Cap on a rep's quota change vs. last period, e.g. 0.2 = +-20% (default: ${DEFAULT-VALUE}).")
  double maxQuotaChange;

  @Option(
      names = "--over-assignment",
      defaultValue = "0",
      description = "Quotas sum to target x (1 + this), e.g. 0.05 (default: ${DEFAULT-VALUE}).")
  double overAssignment;

  @Option(
      names = "--ramp-months",
      defaultValue = "6",
      description = "Months for a new hire to reach full productivity (default: ${DEFAULT-VALUE}).")
  int rampMonths;

  @Option(
      names = "--ground-truth",
      description =
          "CSV account_id,true_potential to score the potential model against (the generator writes ground_truth/true_potential.csv).")
  String groundTruth;

  @Option(
      names = "--report",
      description =
          "Where to write the HTML report, a path or a Hadoop URI (default:"
              + " <lake>/reports/<plan_id>.html, on the lake's file system).")
  String report;

  @Option(
      names = "--export-csv",
      paramLabel = "DIR",
      description =
          "Also write quotas.csv, territory_summary.csv and territory_assignments.csv of the plan"
              + " to DIR (a path or a Hadoop URI), safe to open in a spreadsheet: text cells that"
              + " would run as a formula (starting with = + - @) get a leading apostrophe.")
  String exportCsv;

  @Option(
      names = "--quarantine-bad-rows",
      description =
          "Set opportunity and quota-history rows with problems aside in the rejected_rows table"
              + " (with the problem and the row as given) and plan without them, instead of"
              + " stopping. Problems in accounts or reps still stop the run.")
  boolean quarantineBadRows;

  @Option(
      names = "--max-rejected-percent",
      description =
          "With --quarantine-bad-rows: stop anyway when more than this percentage of a file's rows"
              + " have problems (default: 5).")
  Double maxRejectedPercent;

  @Option(
      names = "--solve-on",
      defaultValue = "auto",
      converter = SolveOnConverter.class,
      description =
          "Where the territory solve runs: executors (one Spark task per segment), driver, or auto"
              + " (executors on a cluster, driver on a local master). The plan is the same"
              + " (default: ${DEFAULT-VALUE}).")
  SolveOn solveOn;

  /** Accepts auto, driver or executors in any case, and says so when given anything else. */
  static final class SolveOnConverter implements picocli.CommandLine.ITypeConverter<SolveOn> {
    @Override
    public SolveOn convert(String value) {
      for (SolveOn s : SolveOn.values()) {
        if (s.name().equalsIgnoreCase(value.trim())) {
          return s;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not a place to solve: give auto, driver or executors");
    }
  }

  /**
   * Master URLs Spark can start (its SparkMasterRegex, plus any {@code scheme://} for external
   * cluster managers), checked before Spark starts: Spark's own refusal comes as an ERROR log with
   * a stack trace.
   */
  private static final java.util.regex.Pattern SPARK_MASTER =
      java.util.regex.Pattern.compile(
          "local|local\\[(\\*|0*[1-9][0-9]*)(\\s*,\\s*[0-9]+)?]|local-cluster\\[.+]|yarn"
              + "|[A-Za-z][A-Za-z0-9+.-]*://.+");

  static boolean isSparkMaster(String master) {
    return SPARK_MASTER.matcher(master).matches();
  }

  PlanRequest toRequest(String input, String lake, BigDecimal target) {
    if (target == null || target.signum() <= 0) {
      throw EngineErrors.invalidOption(
          "--target",
          String.valueOf(target),
          "give the company target as a positive amount, e.g. 250000000");
    }
    // Under spark-submit the master comes from spark.master and --master is not used.
    if (System.getProperty("spark.master") == null && !isSparkMaster(master)) {
      throw EngineErrors.invalidOption(
          "--master",
          master,
          "give local[*] (all cores), local[N] with N of 1 or more, spark://host:port, yarn or"
              + " k8s://https://host:port");
    }
    if (timeLimitSeconds <= 0) {
      throw EngineErrors.invalidOption(
          "--time-limit", String.valueOf(timeLimitSeconds), "give a positive number of seconds");
    }
    if (!(balanceTolerance > 0 && balanceTolerance < 1)) {
      throw EngineErrors.invalidOption(
          "--balance-tolerance", String.valueOf(balanceTolerance), "give a fraction such as 0.02");
    }
    if (!(workloadTolerance > 0 && workloadTolerance < 1)) {
      throw EngineErrors.invalidOption(
          "--workload-tolerance",
          String.valueOf(workloadTolerance),
          "give a fraction such as 0.05");
    }
    if (!(maxMovedPercent >= 0 && maxMovedPercent <= 100)) {
      throw EngineErrors.invalidOption(
          "--max-moved-percent",
          String.valueOf(maxMovedPercent),
          "give a percentage from 0 to 100");
    }
    if (!(maxWorkloadFactor >= 1)) {
      throw EngineErrors.invalidOption(
          "--max-workload-factor",
          String.valueOf(maxWorkloadFactor),
          "give 1.0 or more (below 1 no plan can fit)");
    }
    if (maxWorkloadHoursPerFte != null && !(maxWorkloadHoursPerFte > 0)) {
      throw EngineErrors.invalidOption(
          "--max-workload-hours-per-fte",
          String.valueOf(maxWorkloadHoursPerFte),
          "give a positive number of hours");
    }
    if (!(modelWeight >= 0 && modelWeight <= 1)) {
      throw EngineErrors.invalidOption(
          "--model-weight", String.valueOf(modelWeight), "give a value between 0 and 1");
    }
    if (rampMonths < 0 || rampMonths > 36) {
      throw EngineErrors.invalidOption(
          "--ramp-months", String.valueOf(rampMonths), "give 0 to 36 months");
    }
    if (maxRejectedPercent != null && !quarantineBadRows) {
      throw EngineErrors.invalidOption(
          "--max-rejected-percent",
          String.valueOf(maxRejectedPercent),
          "it applies only with --quarantine-bad-rows; add that flag, or drop this option");
    }
    if (maxRejectedPercent != null && !(maxRejectedPercent >= 0 && maxRejectedPercent <= 100)) {
      throw EngineErrors.invalidOption(
          "--max-rejected-percent",
          String.valueOf(maxRejectedPercent),
          "give a percentage from 0 to 100");
    }
    TerritoryWeights weights;
    try {
      weights =
          new TerritoryWeights(weightPotential, weightWorkload, weightDisruption, weightTravel);
    } catch (IllegalArgumentException e) {
      throw EngineErrors.invalidOption("--weight-*", e.getMessage(), "give weights of 0 or more");
    }
    return new PlanRequest(
        input,
        lake,
        target,
        asOf,
        planId,
        PotentialSettings.DEFAULT.withModelWeight(modelWeight).withSeed(seed),
        new SolverSettings(
            weights,
            Duration.ofSeconds(timeLimitSeconds),
            seed,
            balanceTolerance,
            maxMovedPercent / 100.0,
            workloadTolerance),
        maxWorkloadFactor,
        maxWorkloadHoursPerFte,
        quotaPotentialWeight,
        maxQuotaChange,
        overAssignment,
        rampMonths,
        groundTruth,
        report,
        solveOn == null ? SolveOn.AUTO : solveOn,
        exportCsv,
        quarantineBadRows
            ? Quarantine.upToPercent(maxRejectedPercent == null ? 5 : maxRejectedPercent)
            : Quarantine.OFF);
  }
}
