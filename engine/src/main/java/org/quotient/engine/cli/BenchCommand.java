package org.quotient.engine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.quotient.engine.QuotientException;
import org.quotient.engine.bench.BenchSize;
import org.quotient.engine.bench.BenchmarkRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quotient bench}: benchmarks that write their figures under bench/results/. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; figures go to bench/results/.",
    subcommands = {BenchCommand.Optimizer.class, BenchCommand.Aggregation.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code quotient bench optimizer}: Quotient's territory solver against baselines. */
  @Command(
      name = "optimizer",
      mixinStandardHelpOptions = true,
      description = {
        "Territory solver benchmark on generated instances (real US geography, last year's"
            + " unbalanced territories, new hires, departed reps, locks; no Spark). Runs each"
            + " (size, method) in a fresh JVM and writes optimizer-<date>.csv, optimizer-<date>.md"
            + " and optimizer-latest.md: balance spread, workload spread, accounts and potential"
            + " moved, travel, a lower bound on the moves, wall time and peak heap."
      })
  static final class Optimizer implements Callable<Integer> {
    @Option(
        names = "--sizes",
        split = ",",
        defaultValue = "10k,100k,1m",
        description =
            "Sizes: 10k (100 reps), 100k (500), 1m (2000) or ACCOUNTSxREPS"
                + " (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(
        names = "--seed",
        defaultValue = "7",
        description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--time-limit",
        defaultValue = "120",
        description =
            "Seconds: Quotient's safety cap and the plain OptaPlanner model's whole budget"
                + " (default: ${DEFAULT-VALUE}).")
    long timeLimit;

    @Option(
        names = "--methods",
        split = ",",
        defaultValue = "current,nearest,lpt,plain,quotient",
        description =
            "Methods: quotient, current, lpt, nearest, plain (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(
        names = {"--curve", "--max-moved-percent"},
        split = ",",
        defaultValue = "0,1,2,5,10,20,100",
        description =
            "Max-moved percentages Quotient is run with, for the balance vs disruption curve;"
                + " 100 (no limit) is the main row (default: ${DEFAULT-VALUE}).")
    List<Double> curve;

    @Option(
        names = "--tolerance",
        defaultValue = "0.02",
        description = "Balance band for Quotient and the lower bound (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(
        names = "--out",
        defaultValue = "bench/results",
        description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--child-heap",
        defaultValue = "8g",
        description = "-Xmx of each measurement JVM (default: ${DEFAULT-VALUE}).")
    String childHeap;

    @Option(
        names = "--kill-after",
        defaultValue = "1800",
        description =
            "Seconds after which a measurement JVM is stopped and reported"
                + " (default: ${DEFAULT-VALUE}).")
    long killAfter;

    @Option(
        names = "--report-only",
        description = "Measure nothing: rewrite today's Markdown tables from today's CSV.")
    boolean reportOnly;

    @Override
    public Integer call() {
      List<BenchSize> parsed = new ArrayList<>();
      try {
        for (String s : sizes) {
          parsed.add(BenchSize.parse(s));
        }
      } catch (IllegalArgumentException e) {
        throw new QuotientException(e.getMessage(), QuotientException.EXIT_INPUT, e);
      }
      for (String m : methods) {
        if (!BenchmarkRunner.METHODS.contains(m)) {
          throw new QuotientException(
              "unknown method '" + m + "' in --methods: use " + BenchmarkRunner.METHODS,
              QuotientException.EXIT_INPUT,
              null);
        }
      }
      for (double p : curve) {
        if (!(p >= 0 && p <= 100)) {
          throw new QuotientException(
              "--curve value " + p + " is not a percentage 0..100",
              QuotientException.EXIT_INPUT,
              null);
        }
      }
      BenchmarkRunner.Options options =
          new BenchmarkRunner.Options(
              parsed,
              seed,
              timeLimit,
              reportOnly ? List.of() : methods,
              curve,
              tolerance,
              out,
              childHeap,
              killAfter);
      try {
        Path md =
            new BenchmarkRunner(options, Clock.systemDefaultZone(), System.out::println).run();
        System.out.println("wrote " + md.toAbsolutePath() + " and its CSV");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return 0;
    }
  }

  /** {@code quotient bench aggregation}: the feature aggregation on Spark and DuckDB. */
  @Command(
      name = "aggregation",
      mixinStandardHelpOptions = true,
      description = {
        "Aggregation benchmark: the planning job's per-account feature query over generated"
            + " opportunity rows in Parquet, on Spark local, on a two-process Spark standalone"
            + " cluster started on loopback, and on DuckDB, with the same cores each. Writes"
            + " aggregation-<date>.csv, aggregation-<date>.md and aggregation-latest.md: best"
            + " time after a warm-up, rows per second per core, time against DuckDB's, and"
            + " whether the answers agree."
      })
  static final class Aggregation implements Callable<Integer> {
    @Option(
        names = "--rows",
        split = ",",
        defaultValue = "1m,10m,50m",
        description = "Opportunity row counts, e.g. 1m,10m,50m (default: ${DEFAULT-VALUE}).")
    List<String> rows;

    @Option(
        names = "--engines",
        split = ",",
        defaultValue = "spark-local,spark-cluster,duckdb",
        description = "Engines: spark-local, spark-cluster, duckdb (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(
        names = "--layouts",
        split = ",",
        defaultValue = "random,clustered",
        description =
            "Parquet layouts: random (generation order) and clustered (sorted by account)"
                + " (default: ${DEFAULT-VALUE}).")
    List<String> layouts;

    @Option(
        names = "--data",
        defaultValue = "bench/data",
        description =
            "Where the generated Parquet inputs are kept and reused (50m rows take about 2 GB"
                + " per layout) (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
        names = "--out",
        defaultValue = "bench/results",
        description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--cores",
        defaultValue = "2",
        description = "Cores (threads) each engine gets (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(
        names = "--child-heap",
        defaultValue = "6g",
        description =
            "-Xmx of each measurement JVM, and the cluster executor's memory"
                + " (default: ${DEFAULT-VALUE}).")
    String childHeap;

    @Option(
        names = "--kill-after",
        defaultValue = "1800",
        description =
            "Seconds after which a measurement is stopped and reported (default:"
                + " ${DEFAULT-VALUE}).")
    long killAfter;

    @Override
    public Integer call() throws Exception {
      List<Long> counts = new ArrayList<>();
      try {
        for (String r : rows) {
          counts.add(org.quotient.engine.bench.agg.AggregationRunner.parseRows(r));
        }
      } catch (IllegalArgumentException e) {
        throw new QuotientException(e.getMessage(), QuotientException.EXIT_INPUT, e);
      }
      checkChoices("--engines", engines, org.quotient.engine.bench.agg.AggregationRunner.ENGINES);
      checkChoices("--layouts", layouts, org.quotient.engine.bench.agg.AggregationRunner.LAYOUTS);
      if (cores < 1) {
        throw new QuotientException(
            "--cores " + cores + " must be 1 or more", QuotientException.EXIT_INPUT, null);
      }
      var options =
          new org.quotient.engine.bench.agg.AggregationRunner.Options(
              counts, engines, layouts, data, out, cores, childHeap, killAfter);
      Path md =
          new org.quotient.engine.bench.agg.AggregationRunner(
                  options, Clock.systemDefaultZone(), System.out::println)
              .run();
      System.out.println("wrote " + md.toAbsolutePath() + " and its CSV");
      return 0;
    }

    private static void checkChoices(String option, List<String> given, List<String> allowed) {
      for (String g : given) {
        if (!allowed.contains(g)) {
          throw new QuotientException(
              "unknown value '" + g + "' in " + option + ": use " + String.join(", ", allowed),
              QuotientException.EXIT_INPUT,
              null);
        }
      }
    }
  }
}
