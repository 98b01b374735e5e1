package org.quotient.engine.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.quotient.datasets.DatasetGenerator;
import org.quotient.datasets.GenerationReport;
import org.quotient.engine.job.PlanOutcome;
import org.quotient.engine.job.PlanRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quotient demo}: generate data, then plan it into a local lake, in one command. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generate realistic data and publish a plan from it into a local Delta lake on an embedded"
          + " Spark: the whole product in one command. The target defaults to last year's total"
          + " quota plus --growth."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--accounts",
      defaultValue = "20000",
      description = "Accounts to generate (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--reps",
      defaultValue = "200",
      description = "Reps to generate (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(
      names = "--years",
      defaultValue = "3",
      description = "Years of history to generate (default: ${DEFAULT-VALUE}).")
  int years;

  @Option(
      names = "--data",
      defaultValue = "quotient-demo/input",
      description =
          "Folder for the generated input (default: ${DEFAULT-VALUE}); reused if it already holds the same generation.")
  Path data;

  @Option(
      names = "--lake",
      defaultValue = "quotient-demo/lake",
      description = "Lake folder to publish to (default: ${DEFAULT-VALUE}).")
  String lake;

  @Option(
      names = "--target",
      description = "Company target (default: last year's total quota x (1 + --growth)).")
  BigDecimal target;

  @Option(
      names = "--growth",
      defaultValue = "0.10",
      description =
          "Growth over last year's total quota when --target is not given (default: ${DEFAULT-VALUE}).")
  double growth;

  @Mixin PlanOptions options = new PlanOptions();

  @Override
  public Integer call() {
    System.out.printf(
        "[demo] generating %,d accounts, %,d reps, %d years (seed %d) into %s%n",
        accounts, reps, years, options.seed, data);
    long started = System.nanoTime();
    GenerationReport report =
        GenerateCommand.generate(accounts, reps, years, options.seed, null, data);
    System.out.printf(
        "[demo] generated in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, report);
    BigDecimal demoTarget =
        target != null
            ? target
            : lastYearsQuota(data)
                .multiply(BigDecimal.valueOf(1 + growth))
                .setScale(0, RoundingMode.HALF_UP);
    if (target == null) {
      System.out.printf(
          "[demo] target: last year's total quota + %.0f%% = $%,.0f%n", growth * 100, demoTarget);
    }
    if (options.groundTruth == null) {
      options.groundTruth = data.resolve(DatasetGenerator.TRUE_POTENTIAL_FILE).toString();
    }
    PlanRequest request = options.toRequest(data.toString(), lake, demoTarget);
    PlanOutcome outcome = PlanCommand.run(request, options.master);
    SummaryPrinter.print(outcome, System.out);
    return 0;
  }

  /** Sum of the quotas of the latest period in quota_history.csv. */
  static BigDecimal lastYearsQuota(Path data) {
    TreeMap<String, BigDecimal> byPeriod = new TreeMap<>();
    try (Reader reader =
        Files.newBufferedReader(
            data.resolve(DatasetGenerator.QUOTA_HISTORY_FILE), StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        byPeriod.merge(r.get("period_start"), new BigDecimal(r.get("quota")), BigDecimal::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byPeriod.isEmpty() ? BigDecimal.ZERO : byPeriod.lastEntry().getValue();
  }
}
