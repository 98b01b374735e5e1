package org.quotient.engine.bench.agg;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quotient.engine.bench.BenchMachine;

/** The Markdown of an aggregation benchmark run, from its CSV rows. */
final class AggregationReport {
  private AggregationReport() {}

  static String markdown(
      LocalDate date, List<Map<String, String>> rows, AggregationRunner.Options options) {
    StringBuilder b = new StringBuilder();
    b.append("# Aggregation benchmark, ").append(date).append("\n\n");
    b.append("Produced by `bin/quotient bench aggregation` on this machine: ")
        .append(BenchMachine.describe())
        .append(". 1-minute load average when each measurement started: ")
        .append(BenchMachine.loadRange(rows))
        .append(".\n\n");
    b.append(
        "The query is the planning job's per-account features (`AccountFeatures`: trailing and"
            + " prior-year bookings, won and lost counts, open pipeline, run-rate over the"
            + " history) for every account, over generated opportunity rows in Parquet (about 7"
            + " per account), reduced to a checksum of every feature so nothing is skipped; the"
            + " DuckDB version is the same SQL. Each engine gets the same cores: Spark"
            + " `local[cores]`, a standalone cluster of one Master and one Worker process on"
            + " loopback whose single executor has `cores` cores (the driver is a separate"
            + " process), DuckDB `threads=cores`. Each measurement runs in a fresh JVM: one"
            + " warm-up run, then the best of "
            + AggregationChild.TIMED_RUNS
            + " timed runs. Layout `random`: rows in generation order, every file holds nearly"
            + " every account. Layout `clustered`: the same rows range-partitioned and sorted by"
            + " account_id, so each scan task's partial aggregation finishes its accounts."
            + " **x DuckDB** = time / DuckDB's time on the same rows and layout; **same answer** ="
            + " the checksums agree to 1e-9.\n");
    Map<String, List<Map<String, String>>> byRows =
        rows.stream()
            .sorted(
                java.util.Comparator.<Map<String, String>>comparingLong(
                        r -> Long.parseLong(r.get("rows")))
                    .thenComparing(r -> r.get("layout"))
                    .thenComparing(r -> AggregationRunner.ENGINES.indexOf(r.get("engine"))))
            .collect(
                Collectors.groupingBy(
                    r -> r.get("rows"), java.util.LinkedHashMap::new, Collectors.toList()));
    for (List<Map<String, String>> group : byRows.values()) {
      Map<String, String> first = group.get(0);
      b.append("\n## ")
          .append(AggregationData.label(Long.parseLong(first.get("rows"))))
          .append(" opportunity rows, ")
          .append(first.get("accounts"))
          .append(" accounts\n\n");
      b.append(
          "| layout | engine | where | status | best s | rows/s/core | x DuckDB | same answer |"
              + " warm-up s | load | note |\n");
      b.append("|---|---|---|---|---:|---:|---:|---|---:|---:|---|\n");
      for (Map<String, String> r : group) {
        b.append("| ")
            .append(
                String.join(
                    " | ",
                    r.get("layout"),
                    r.get("engine"),
                    r.get("where"),
                    r.get("status"),
                    r.get("best_s"),
                    r.get("rows_per_s_per_core"),
                    r.get("vs_duckdb"),
                    r.get("same_answer_as_duckdb"),
                    r.get("warmup_s"),
                    r.get("load1"),
                    r.get("note").replace("|", "/")))
            .append(" |\n");
      }
    }
    b.append("\nRerun: `cd <repo> && bin/quotient bench aggregation --rows ")
        .append(
            options.rows().stream().map(AggregationData::label).collect(Collectors.joining(",")))
        .append("` (see engine/README.md, section Aggregation benchmark).\n");
    return b.toString();
  }
}
