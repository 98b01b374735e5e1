package org.quotient.engine.bench.agg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.quotient.engine.bench.BenchCsv;
import org.quotient.engine.bench.BenchMachine;
import org.quotient.engine.bench.ChildRun;
import org.quotient.engine.cluster.StandaloneCluster;
import org.quotient.engine.job.SparkSessions;

/**
 * The aggregation benchmark: the planning job's per-account feature query over 1M to 50M
 * opportunity rows in Parquet, on Spark local[cores], on a two-process Spark standalone cluster
 * (one Master, one Worker with {@code cores} cores, on loopback) and on DuckDB with {@code cores}
 * threads, each measurement in its own JVM. Writes {@code aggregation-<date>.csv}, {@code
 * aggregation-<date>.md} and {@code aggregation-latest.md}.
 */
public final class AggregationRunner {
  public static final List<String> ENGINES = List.of("spark-local", "spark-cluster", "duckdb");
  public static final List<String> LAYOUTS = List.of("random", "clustered");
  static final List<String> COLUMNS =
      List.of(
          "date",
          "rows",
          "accounts",
          "layout",
          "engine",
          "where",
          "cores",
          "status",
          "best_s",
          "rows_per_s_per_core",
          "vs_duckdb",
          "warmup_s",
          "checksum",
          "same_answer_as_duckdb",
          "load1",
          "child_heap",
          "note");

  /**
   * What to run.
   *
   * @param rows opportunity row counts
   * @param engines spark-local, spark-cluster, duckdb
   * @param layouts random, clustered
   * @param dataDir where the Parquet inputs are kept between runs
   * @param outDir results folder
   * @param cores cores (threads) every engine gets
   * @param childHeap -Xmx of each measuring JVM (the cluster's executor gets the same)
   * @param killAfterSeconds a measurement still running after this is stopped and reported
   */
  public record Options(
      List<Long> rows,
      List<String> engines,
      List<String> layouts,
      Path dataDir,
      Path outDir,
      int cores,
      String childHeap,
      long killAfterSeconds) {}

  private final Options options;
  private final Clock clock;
  private final Consumer<String> progress;

  public AggregationRunner(Options options, Clock clock, Consumer<String> progress) {
    this.options = options;
    this.clock = clock;
    this.progress = progress;
  }

  public Path run() throws IOException, InterruptedException {
    LocalDate date = LocalDate.now(clock);
    Files.createDirectories(options.outDir());
    Path csv = options.outDir().resolve("aggregation-" + date + ".csv");
    List<Map<String, String>> rows = BenchCsv.read(csv, COLUMNS);
    prepareData();
    StandaloneCluster cluster = null;
    try {
      if (options.engines().contains("spark-cluster")) {
        progress.accept(
            "starting a standalone cluster (1 Master, 1 Worker with "
                + options.cores()
                + " cores) on loopback");
        cluster =
            StandaloneCluster.start(
                Files.createTempDirectory("quotient-bench-cluster"),
                options.cores(),
                options.childHeap()); // the executor asks for childHeap, so the worker offers it
        progress.accept("cluster up at " + cluster.masterUrl());
      }
      for (long n : options.rows()) {
        for (String layout : options.layouts()) {
          // DuckDB first: it is the reference the Spark rows are compared against
          List<String> order = new ArrayList<>(options.engines());
          order.sort((a, b) -> Boolean.compare(!a.equals("duckdb"), !b.equals("duckdb")));
          for (String engine : order) {
            Map<String, String> row = measure(n, layout, engine, cluster, date);
            rows.removeIf(
                r ->
                    r.get("rows").equals(row.get("rows"))
                        && r.get("layout").equals(row.get("layout"))
                        && r.get("engine").equals(row.get("engine")));
            rows.add(row);
            compareWithDuckDb(rows);
            BenchCsv.write(csv, COLUMNS, rows);
            writeMarkdown(date, rows);
          }
        }
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
    return writeMarkdown(date, rows);
  }

  /** Generates missing inputs with an embedded Spark, stopped before anything is measured. */
  private void prepareData() {
    SparkSession spark =
        SparkSessions.deltaSession("local[" + options.cores() + "]", "quotient-bench-data");
    spark.sparkContext().setLogLevel("WARN");
    try {
      for (long n : options.rows()) {
        for (String layout : options.layouts()) {
          long start = System.nanoTime();
          progress.accept(
              "data: "
                  + AggregationData.label(n)
                  + " rows, "
                  + layout
                  + " layout in "
                  + AggregationData.opportunities(options.dataDir(), n, layout));
          AggregationData.ensure(spark, options.dataDir(), n, layout);
          progress.accept(
              String.format(
                  Locale.ROOT, "      ready (%.1f s)", (System.nanoTime() - start) / 1e9));
        }
      }
    } finally {
      spark.stop();
    }
  }

  private Map<String, String> measure(
      long n, String layout, String engine, StandaloneCluster cluster, LocalDate date)
      throws IOException, InterruptedException {
    String tag = AggregationData.label(n) + " " + layout + " " + engine;
    String load = BenchMachine.loadAverage();
    progress.accept("[" + tag + "] starting (load average " + load + ")");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.childHeap());
    command.addAll(StandaloneCluster.javaOpens());
    if (engine.equals("spark-cluster")) {
      String opens = String.join(" ", StandaloneCluster.javaOpens());
      command.add("-Dspark.master=" + cluster.masterUrl());
      command.add("-Dspark.executor.cores=" + options.cores());
      command.add("-Dspark.cores.max=" + options.cores());
      command.add("-Dspark.executor.memory=" + options.childHeap());
      command.add("-Dspark.executor.extraJavaOptions=" + opens);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AggregationChild.class.getName());
    command.add(engine);
    command.add(AggregationData.opportunities(options.dataDir(), n, layout).toString());
    command.add(AggregationData.accounts(options.dataDir(), n).toString());
    command.add(Integer.toString(options.cores()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (cluster != null) {
      pb.environment().putAll(StandaloneCluster.environment(cluster.sparkHome()));
    }
    ChildRun child =
        ChildRun.run(
            pb,
            AggregationChild.PREFIX,
            options.killAfterSeconds(),
            "aggregation-child",
            line -> {
              if (!line.matches("^\\d\\d/\\d\\d/\\d\\d .* (INFO|WARN) .*")) {
                progress.accept("  [" + tag + "] " + line);
              }
            });
    Map<String, String> result = child.results();
    Map<String, String> row = new LinkedHashMap<>();
    COLUMNS.forEach(c -> row.put(c, ""));
    if (child.stopped()) {
      row.put("note", "stopped after " + options.killAfterSeconds() + " s");
    }
    row.put("where", result.getOrDefault("where", ""));
    row.put("best_s", result.getOrDefault("best_s", ""));
    row.put("warmup_s", result.getOrDefault("warmup_s", ""));
    row.put("checksum", result.getOrDefault("checksum", ""));
    if (result.containsKey("error")) {
      row.put("note", result.get("error"));
    }
    row.put("date", date.toString());
    row.put("rows", Long.toString(n));
    row.put("accounts", Long.toString(AggregationData.accountCount(n)));
    row.put("layout", layout);
    row.put("engine", engine);
    row.put("cores", Integer.toString(options.cores()));
    row.put("load1", load);
    row.put("child_heap", options.childHeap());
    boolean ok = !row.get("best_s").isEmpty();
    row.put("status", ok ? "ok" : "failed");
    if (ok) {
      double seconds = Double.parseDouble(row.get("best_s"));
      row.put(
          "rows_per_s_per_core", String.format(Locale.ROOT, "%.0f", n / seconds / options.cores()));
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "[%s] %s: best %s s, %s rows/s/core %s",
            tag,
            row.get("status"),
            row.get("best_s"),
            row.get("rows_per_s_per_core"),
            row.get("note")));
    return row;
  }

  /** Fills vs_duckdb (time ratio) and same_answer_as_duckdb for every row with a DuckDB twin. */
  static void compareWithDuckDb(List<Map<String, String>> rows) {
    for (Map<String, String> r : rows) {
      Map<String, String> duck =
          rows.stream()
              .filter(
                  d ->
                      d.get("engine").equals("duckdb")
                          && d.get("rows").equals(r.get("rows"))
                          && d.get("layout").equals(r.get("layout"))
                          && d.get("status").equals("ok"))
              .findFirst()
              .orElse(null);
      if (duck == null || !r.get("status").equals("ok")) {
        continue;
      }
      double ratio = Double.parseDouble(r.get("best_s")) / Double.parseDouble(duck.get("best_s"));
      r.put("vs_duckdb", String.format(Locale.ROOT, "%.2f", ratio));
      r.put(
          "same_answer_as_duckdb",
          Boolean.toString(
              FeatureQuery.Checksum.parse(r.get("checksum"))
                  .matches(FeatureQuery.Checksum.parse(duck.get("checksum")))));
    }
  }

  private Path writeMarkdown(LocalDate date, List<Map<String, String>> rows) throws IOException {
    String md = AggregationReport.markdown(date, rows, options);
    Path file = options.outDir().resolve("aggregation-" + date + ".md");
    Files.writeString(file, md, StandardCharsets.UTF_8);
    Files.writeString(
        options.outDir().resolve("aggregation-latest.md"), md, StandardCharsets.UTF_8);
    return file;
  }

  /** A row count such as 1m, 10m, 50m, 500k or 250000. */
  public static long parseRows(String text) {
    return AggregationData.parseRows(text);
  }
}
