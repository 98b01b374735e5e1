package org.quotient.engine.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.quotient.engine.EngineErrors;
import org.quotient.engine.QuotientException;
import org.quotient.engine.io.CsvExport;
import org.quotient.engine.io.InputLocator;
import org.quotient.engine.io.InputReader;
import org.quotient.engine.io.LakePublisher;
import org.quotient.engine.io.LakeTables;
import org.quotient.engine.io.Locations;
import org.quotient.engine.io.Locations.Expect;
import org.quotient.engine.io.Redaction;
import org.quotient.engine.model.GroundTruthScore;
import org.quotient.engine.model.PotentialModel;
import org.quotient.engine.model.PotentialResult;
import org.quotient.engine.report.HtmlReport;
import org.quotient.engine.schema.InputValidator;
import org.quotient.engine.schema.ValidatedInputs;
import org.quotient.engine.transform.AccountFeatures;
import org.quotient.engine.transform.RepAttainment;
import org.quotient.engine.transform.RepHistory;
import org.quotient.engine.transform.Workload;
import org.quotient.engine.transform.WorkloadModel;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.domain.TerritorySummary;
import org.quotient.optimizer.quota.QuotaAllocator;
import org.quotient.optimizer.quota.QuotaException;
import org.quotient.optimizer.quota.QuotaPlan;
import org.quotient.optimizer.quota.QuotaRep;
import org.quotient.optimizer.quota.QuotaSettings;
import org.quotient.optimizer.quota.RampSchedule;
import org.quotient.optimizer.solver.PlanningException;
import org.quotient.optimizer.solver.TerritoryOptimizer;

/**
 * One planning run: ingest, features, potential, workload, territories, quotas, publish. It only
 * wires transforms, the optimizer and I/O; each stage prints a progress line with its timing.
 */
public final class PlanningJob {
  static final String VERSION = "0.1.0";
  private static final int STAGES = 7;

  private final SparkSession spark;
  private final Clock clock;

  public PlanningJob(SparkSession spark, Clock clock) {
    this.spark = spark;
    this.clock = clock;
  }

  public PlanOutcome run(PlanRequest given, Consumer<String> out) {
    PlanRequest request = resolveLocations(given);
    Progress progress = new Progress(out, STAGES);
    LakePublisher publisher = new LakePublisher(spark, request.lake());
    publisher.checkWritable();
    List<Dataset<?>> cached = new ArrayList<>();
    try {
      return plan(request, progress, publisher, cached);
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /**
   * Every location as Hadoop reads it, each checked for a file system, and the outputs for their
   * kind, before any work.
   */
  private PlanRequest resolveLocations(PlanRequest request) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    // The report and CSV copies are written after publishing: a wrong kind of path must stop the
    // run before it. The input and the lake have their own, more specific checks.
    return request.withLocations(
        Locations.resolve(request.input(), "--input", hadoop, Expect.ANYTHING),
        Locations.resolve(request.lake(), "--lake", hadoop, Expect.ANYTHING),
        Locations.resolve(request.groundTruth(), "--ground-truth", hadoop, Expect.EXISTING),
        Locations.resolve(request.report(), "--report", hadoop, Expect.FILE_OR_NOTHING),
        Locations.resolve(request.exportCsv(), "--export-csv", hadoop, Expect.FOLDER_OR_NOTHING));
  }

  private PlanOutcome plan(
      PlanRequest request, Progress progress, LakePublisher publisher, List<Dataset<?>> cached) {
    progress.start("ingest", "reading and validating " + request.input());
    ValidatedInputs inputs =
        new InputValidator(spark)
            .validate(
                new InputLocator(request.input(), spark.sparkContext().hadoopConfiguration()),
                request.quarantine());
    cached.addAll(inputs.cached());
    inputs.notes().forEach(progress::detail);
    LocalDate asOf =
        request.asOf() != null ? request.asOf() : derivePlanStart(inputs.opportunities());
    progress.done(
        String.format(
            "%,d accounts, %,d reps, %,d opportunities, %,d quota periods; plan period starts %s",
            inputs.accountRows(),
            inputs.repRows(),
            inputs.opportunityRows(),
            inputs.quotaHistoryRows(),
            asOf));

    progress.start("features", "trailing bookings, growth, win rate, pipeline; rep attainment");
    Dataset<Row> features =
        keep(cached, AccountFeatures.compute(inputs.accounts(), inputs.opportunities(), asOf));
    Dataset<Row> repHistory =
        keep(
            cached,
            RepHistory.summarize(
                inputs.reps(),
                RepAttainment.perPeriod(inputs.quotaHistory(), inputs.opportunities()),
                asOf,
                request.rampMonths()));
    long featureRows = features.count();
    long repRows = repHistory.count();
    // The history has been read into the features (cached above). Letting its cache go now gives
    // the memory back before the solver and the publish need it (on a local master, the cache and
    // the driver share one heap).
    inputs.historyCached().forEach(Dataset::unpersist);
    progress.done(
        String.format("features for %,d accounts, history for %,d reps", featureRows, repRows));

    progress.start("potential", "ridge model of annual bookings, blended with run-rate");
    PotentialResult potential =
        PotentialModel.fitAndScore(inputs.accounts(), features, request.potential());
    Dataset<Row> scored = keep(cached, potential.scored());
    progress.detail(
        String.format(
            "held-out R^2 (annual bookings, %d%% of accounts): %.3f",
            request.potential().holdoutPercent(), potential.fit().heldOutR2()));
    if (request.groundTruth() != null) {
      GroundTruthScore truth =
          GroundTruthScore.of(
              scored,
              InputReader.literalPaths(spark)
                  .option("header", "true")
                  .option("inferSchema", "true")
                  .csv(request.groundTruth()));
      progress.detail(
          String.format(
              "vs. true potential (%,d accounts, squared correlation): blended %.3f, model %.3f,"
                  + " run-rate %.3f",
              truth.accounts(), truth.potentialR2(), truth.modelR2(), truth.runRateR2()));
    }
    progress.done(String.format("potential for %,d accounts", scored.count()));

    progress.start("workload", "expected selling hours per account");
    Dataset<Row> workload =
        keep(cached, Workload.estimate(inputs.accounts(), features, WorkloadModel.DEFAULT));
    progress.done(String.format("workload for %,d accounts", workload.count()));

    progress.start("territories", "balancing potential and workload per capacity");
    ProblemBuilder.Built built =
        ProblemBuilder.build(
            inputs.accounts(),
            inputs.reps(),
            scored,
            workload,
            features,
            request.maxWorkloadFactor(),
            request.maxWorkloadHoursPerFte());
    PlanningProblem problem = built.problem();
    TerritoryPlan territories;
    try {
      territories =
          ExecutorSolve.onExecutors(spark, request.solveOn())
              ? ExecutorSolve.solve(spark, problem, request.solver(), progress::detail)
              : new TerritoryOptimizer().solve(problem, request.solver(), progress::detail);
    } catch (PlanningException e) {
      throw new QuotientException(
          "No territory plan is possible: "
              + e.getMessage()
              + " (a rep's maxWorkload comes from --max-workload-factor or"
              + " --max-workload-hours-per-fte). Nothing was published.",
          QuotientException.EXIT_INFEASIBLE,
          e);
    }
    if (!territories.statistics().feasible()) {
      throw new QuotientException(
          "No feasible territory plan: "
              + String.join("; ", territories.statistics().hardViolations())
              + ". Nothing was published. Fix: relax --max-workload-factor, release locks, or add"
              + " reps to the segments named.",
          QuotientException.EXIT_INFEASIBLE);
    }
    if (!territories.statistics().bandsReached()) {
      List<String> outside = territories.statistics().outsideBands();
      progress.detail(
          outside.size()
              + " rep(s) outside the balance bands"
              + (outside.size() > 10 ? ", first 10:" : ":"));
      outside.stream().limit(10).forEach(line -> progress.detail("  " + line));
    }
    BalanceStats potentialBalance = BalanceStats.potential(territories.summaries());
    BalanceStats workloadBalance = BalanceStats.workload(territories.summaries());
    long moved = territories.statistics().movedAccounts();
    progress.done(
        String.format(
            "%,d accounts on %,d reps; potential/capacity %s; %,d accounts moved (%.1f%%)",
            problem.accounts().size(),
            problem.reps().size(),
            potentialBalance.describe(),
            moved,
            100.0 * moved / Math.max(1, problem.accounts().size())));

    progress.start("quotas", "spreading " + money(request.target()) + " over the reps");
    Map<String, Double> territoryHistory = new HashMap<>();
    territories
        .assignments()
        .forEach(
            a ->
                territoryHistory.merge(
                    a.repId(), built.bookingsT12m().getOrDefault(a.accountId(), 0.0), Double::sum));
    Map<String, Double> previousQuota = previousQuotas(repHistory);
    QuotaPlan quotas =
        allocateQuotas(request, asOf, built, territories, territoryHistory, previousQuota);
    progress.done(
        String.format(
            "%,d quotas summing to %s (target %s%s)",
            quotas.quotas().size(),
            money(quotas.total()),
            money(request.target()),
            request.overAssignment() > 0
                ? String.format(" + %.1f%% over-assignment", request.overAssignment() * 100)
                : ""));

    progress.start("publish", "Delta tables in " + request.lake());
    Instant createdAt = clock.instant();
    String planId =
        request.planId() != null ? request.planId() : planId(createdAt, request, inputs);
    Map<LakeTables, Dataset<Row>> tables = new EnumMap<>(LakeTables.class);
    tables.put(
        LakeTables.ACCOUNT_POTENTIAL,
        scored.select(
            lit(planId).as(LakeTables.PLAN_ID),
            col("account_id"),
            col(PotentialModel.POTENTIAL),
            col(PotentialModel.MODEL_PREDICTION),
            col(PotentialModel.RUN_RATE),
            col(PotentialModel.FEATURES_USED),
            col(PotentialModel.HELD_OUT)));
    tables.put(
        LakeTables.TERRITORY_ASSIGNMENTS,
        PlanTables.assignments(
            spark, planId, territories.assignments(), built.accountsById(), built.repsById()));
    tables.put(
        LakeTables.TERRITORY_SUMMARY,
        PlanTables.summary(spark, planId, territories.summaries(), territoryHistory));
    tables.put(LakeTables.QUOTAS, PlanTables.quotas(spark, planId, quotas.quotas(), previousQuota));
    tables.put(
        LakeTables.REJECTED_ROWS,
        inputs.rejected().problems().select(lit(planId).as(LakeTables.PLAN_ID), col("*")));
    tables.put(
        LakeTables.PLAN_RUNS,
        PlanTables.planRun(
            spark,
            new PlanTables.PlanRunRecord(
                planId,
                createdAt,
                asOf,
                Redaction.text(request.input()),
                request.solver().seed(),
                parameters(request),
                request.target(),
                quotas.total(),
                inputs.accountRows(),
                inputs.repRows(),
                inputs.opportunityRows(),
                moved,
                potentialBalance.maxDeviation(),
                workloadBalance.maxDeviation(),
                territories.statistics().score(),
                territories.statistics().feasible(),
                territories.statistics().solveMillis(),
                potential.fit().heldOutR2(),
                VERSION)));
    publisher.publish(planId, tables, progress::detail);
    String report = reportLocation(request, planId);
    HtmlReport.write(
        ReportBuilder.build(
            planId,
            createdAt,
            asOf,
            request,
            built,
            territories,
            quotas,
            previousQuota,
            potentialBalance,
            workloadBalance,
            potential.fit().heldOutR2(),
            inputs.rejected().rows()),
        report,
        spark.sparkContext().hadoopConfiguration());
    progress.detail("wrote the report " + report);
    if (request.exportCsv() != null) {
      for (LakeTables table :
          List.of(
              LakeTables.QUOTAS, LakeTables.TERRITORY_SUMMARY, LakeTables.TERRITORY_ASSIGNMENTS)) {
        String file =
            CsvExport.write(
                tables.get(table),
                request.exportCsv(),
                table.tableName(),
                spark.sparkContext().hadoopConfiguration());
        progress.detail("exported " + file);
      }
    }
    progress.done("plan " + planId + " published");

    return new PlanOutcome(
        planId,
        request.lake(),
        asOf,
        problem.accounts().size(),
        problem.reps().size(),
        moved,
        potentialBalance,
        workloadBalance,
        quotas.total(),
        request.target(),
        territories.statistics().solveMillis(),
        territories.statistics().score(),
        potential.fit().heldOutR2(),
        progress.totalSeconds(),
        report,
        publisher.tablePath(LakeTables.PLAN_RUNS).replaceAll("plan_runs$", ""),
        inputs.rejected().rows());
  }

  /**
   * Where the report goes: {@code --report} when given, else beside the tables as {@code
   * <lake>/reports/<plan_id>.html}, on whatever file system the lake is (nothing on the driver's
   * working directory, which on a cluster is a worker's scratch folder).
   */
  static String reportLocation(PlanRequest request, String planId) {
    if (request.report() != null) {
      return request.report();
    }
    String lake = request.lake().replaceAll("/+$", "");
    return lake + "/reports/" + planId + ".html";
  }

  private static <T> Dataset<T> keep(List<Dataset<?>> cached, Dataset<T> dataset) {
    dataset.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(dataset);
    return dataset;
  }

  /** The first day of the month after the latest opportunity date. */
  static LocalDate derivePlanStart(Dataset<Row> opportunities) {
    Row latest = opportunities.agg(max(greatest(col("created_date"), col("close_date")))).first();
    if (latest.isNullAt(0)) {
      throw EngineErrors.invalidOption(
          "--as-of", "(derived)", "the opportunities have no dates; pass --as-of YYYY-MM-DD");
    }
    LocalDate last = latest.getDate(0).toLocalDate();
    return last.withDayOfMonth(1).plusMonths(1);
  }

  private static Map<String, Double> previousQuotas(Dataset<Row> repHistory) {
    Map<String, Double> previous = new LinkedHashMap<>();
    for (Row r :
        repHistory
            .where(col(RepHistory.LAST_QUOTA).isNotNull())
            .select(RepHistory.REP_ID, RepHistory.LAST_QUOTA)
            .collectAsList()) {
      previous.put(r.getString(0), ((Number) r.get(1)).doubleValue());
    }
    return previous;
  }

  private static QuotaPlan allocateQuotas(
      PlanRequest request,
      LocalDate asOf,
      ProblemBuilder.Built built,
      TerritoryPlan territories,
      Map<String, Double> territoryHistory,
      Map<String, Double> previousQuota) {
    try {
      RampSchedule ramp = RampSchedule.annual(asOf, request.rampMonths());
      List<QuotaRep> reps = new ArrayList<>();
      for (TerritorySummary s : territories.summaries()) {
        LocalDate hired = built.hireDates().get(s.repId());
        Double previous = previousQuota.get(s.repId());
        reps.add(
            new QuotaRep(
                s.repId(),
                s.potential(),
                territoryHistory.getOrDefault(s.repId(), 0.0),
                previous != null && previous > 0 ? previous : null,
                hired == null ? 1.0 : ramp.rampFactor(hired)));
      }
      return QuotaAllocator.allocate(
          reps,
          new QuotaSettings(
              request.target(),
              request.quotaPotentialWeight(),
              request.maxQuotaChange(),
              request.overAssignment()));
    } catch (QuotaException e) {
      throw new QuotientException(e.getMessage(), QuotientException.EXIT_INFEASIBLE, e);
    }
  }

  private String planId(Instant createdAt, PlanRequest request, ValidatedInputs inputs) {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(createdAt);
    String fingerprint =
        request.input()
            + "|"
            + parameters(request)
            + "|"
            + inputs.accountRows()
            + "|"
            + inputs.repRows()
            + "|"
            + inputs.opportunityRows();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
      return "plan-" + stamp + "-" + HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parameters that shape the plan, as stable text for plan_runs. */
  static String parameters(PlanRequest r) {
    return String.join(
        ";",
        "target=" + r.target().toPlainString(),
        "as_of=" + (r.asOf() == null ? "derived" : r.asOf()),
        "seed=" + r.solver().seed(),
        "weights=" + r.solver().weights(),
        "balance_tolerance=" + r.solver().balanceTolerance(),
        "workload_tolerance=" + r.solver().workloadTolerance(),
        "max_moved_fraction=" + r.solver().maxMovedFraction(),
        "model_weight=" + r.potential().modelWeight(),
        "max_workload_factor=" + r.maxWorkloadFactor(),
        "max_workload_hours_per_fte=" + r.maxWorkloadHoursPerFte(),
        "quota_potential_weight=" + r.quotaPotentialWeight(),
        "max_quota_change=" + r.maxQuotaChange(),
        "over_assignment=" + r.overAssignment(),
        "ramp_months=" + r.rampMonths(),
        "quarantine="
            + (r.quarantine().enabled()
                ? "max " + r.quarantine().maxPercent() + "% of a file's rows"
                : "off"));
  }

  static String money(BigDecimal amount) {
    return String.format("$%,.2f", amount);
  }
}
