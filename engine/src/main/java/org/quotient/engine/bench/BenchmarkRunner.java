package org.quotient.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the optimizer benchmark: for each size and method one fresh JVM ({@link BenchChild}), so
 * wall time and peak heap are the method's own; then writes {@code optimizer-<date>.csv}, {@code
 * optimizer-<date>.md} and {@code optimizer-latest.md} into the results folder. Rows of an earlier
 * run on the same day are kept unless this run measures the same (size, method, max-moved %), so
 * sizes can be run one at a time into one table.
 */
public final class BenchmarkRunner {
  /** Methods in table order. */
  public static final List<String> METHODS =
      List.of("current", "nearest", "lpt", "plain", "quotient");

  static final List<String> COLUMNS =
      List.of(
          "date",
          "size",
          "accounts",
          "reps",
          "seed",
          "method",
          "max_moved_percent",
          "status",
          "wall_s",
          "peak_heap_mb",
          "pot_max_pct",
          "pot_min_pct",
          "pot_cv_pct",
          "wl_max_pct",
          "wl_min_pct",
          "wl_cv_pct",
          "moved",
          "moved_pct",
          "pot_moved_pct",
          "must_move",
          "travel_km",
          "travel_added_short",
          "travel_added_mid",
          "travel_added_far",
          "lb",
          "moved_over_lb",
          "violations",
          "time_limit_s",
          "load1",
          "child_heap",
          "departed_reps",
          "new_hires",
          "new_accounts",
          "locked",
          "lb_surplus",
          "lb_deficit",
          "current_by_segment",
          "note");

  /**
   * What to run.
   *
   * @param sizes sizes, e.g. 10k, 100k, 1m
   * @param seed generator seed
   * @param timeLimitSeconds Quotient's safety cap and the plain OptaPlanner model's whole budget
   * @param methods methods to run
   * @param curve max-moved percentages Quotient is run with (100 = no limit, the main row)
   * @param tolerance balance band for the lower bound and Quotient
   * @param outDir results folder
   * @param childHeap -Xmx of each child JVM
   * @param killAfterSeconds a child still running after this is stopped and reported
   */
  public record Options(
      List<BenchSize> sizes,
      long seed,
      long timeLimitSeconds,
      List<String> methods,
      List<Double> curve,
      double tolerance,
      Path outDir,
      String childHeap,
      long killAfterSeconds) {}

  private final Options options;
  private final Clock clock;
  private final Consumer<String> progress;

  public BenchmarkRunner(Options options, Clock clock, Consumer<String> progress) {
    this.options = options;
    this.clock = clock;
    this.progress = progress;
  }

  /** Runs everything and returns the Markdown file written. */
  public Path run() throws IOException {
    LocalDate date = LocalDate.now(clock);
    Path csv = options.outDir().resolve("optimizer-" + date + ".csv");
    Files.createDirectories(options.outDir());
    List<Map<String, String>> rows = readCsv(csv);
    for (BenchSize size : options.sizes()) {
      for (String method : options.methods()) {
        // Quotient runs once per max-moved percentage (100 = no limit, the main row)
        List<Double> percents = new ArrayList<>();
        if (method.equals("quotient") && !options.curve().isEmpty()) {
          percents.addAll(options.curve());
        } else {
          percents.add(100.0);
        }
        for (double p : percents) {
          Map<String, String> row = measure(size, method, p, date);
          rows.removeIf(r -> sameKey(r, row));
          rows.add(row);
          sort(rows);
          writeCsv(csv, rows);
          writeMarkdown(date, rows);
        }
      }
    }
    return writeMarkdown(date, rows);
  }

  private Map<String, String> measure(BenchSize size, String method, double maxMoved, LocalDate d) {
    boolean isQuotient = method.equals("quotient");
    String tag = size.label() + " " + method + (isQuotient ? " max-moved " + fmtP(maxMoved) : "");
    String load = BenchMachine.loadAverage();
    progress.accept("[" + tag + "] starting (load average " + load + ")");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.childHeap());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchChild.class.getName());
    command.add(size.label());
    command.add(Long.toString(options.seed()));
    command.add(method);
    command.add(Long.toString(options.timeLimitSeconds()));
    command.add(Double.toString(maxMoved));
    command.add(Double.toString(options.tolerance()));
    Map<String, String> result;
    long start = System.nanoTime();
    try {
      ChildRun child =
          ChildRun.run(
              new ProcessBuilder(command),
              BenchChild.PREFIX,
              options.killAfterSeconds(),
              "bench-child",
              line -> progress.accept("  [" + tag + "] " + line));
      result = new LinkedHashMap<>(child.results());
      if (child.stopped()) {
        result.put("status", "stopped");
        result.put("wall_s", String.format(Locale.ROOT, "%.0f", (System.nanoTime() - start) / 1e9));
        result.put(
            "note",
            "stopped after "
                + options.killAfterSeconds()
                + " s (whole child JVM incl. instance build) without a plan");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    }
    Map<String, String> row = new LinkedHashMap<>();
    for (String c : COLUMNS) {
      row.put(c, "");
    }
    for (Map.Entry<String, String> e : result.entrySet()) {
      if (row.containsKey(e.getKey())) {
        row.put(e.getKey(), e.getValue());
      }
    }
    row.put("date", d.toString());
    row.put("size", size.label());
    row.put("accounts", row.get("accounts").isEmpty() ? "" + size.accounts() : row.get("accounts"));
    row.put("seed", Long.toString(options.seed()));
    row.put("method", method);
    row.put("max_moved_percent", isQuotient ? fmtP(maxMoved) : "");
    row.put("time_limit_s", Long.toString(options.timeLimitSeconds()));
    row.put("load1", load);
    row.put("child_heap", options.childHeap());
    if (row.get("status").isEmpty()) {
      row.put("status", "failed");
    }
    if (!row.get("moved").isEmpty() && !row.get("lb").isEmpty()) {
      long lb = Long.parseLong(row.get("lb"));
      long moved = Long.parseLong(row.get("moved")) + Long.parseLong(row.get("must_move"));
      row.put(
          "moved_over_lb", lb > 0 ? String.format(Locale.ROOT, "%.2f", (double) moved / lb) : "");
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "[%s] %s in %s s: potential max +%s%% min -%s%% CV %s%%, moved %s%%, LB %s %s",
            tag,
            row.get("status"),
            row.get("wall_s"),
            row.get("pot_max_pct"),
            row.get("pot_min_pct"),
            row.get("pot_cv_pct"),
            row.get("moved_pct"),
            row.get("lb"),
            row.get("note")));
    return row;
  }

  private static boolean sameKey(Map<String, String> a, Map<String, String> b) {
    return a.get("size").equals(b.get("size"))
        && a.get("method").equals(b.get("method"))
        && a.get("max_moved_percent").equals(b.get("max_moved_percent"))
        && a.get("seed").equals(b.get("seed"));
  }

  static void sort(List<Map<String, String>> rows) {
    rows.sort(
        Comparator.<Map<String, String>>comparingLong(r -> parseLong(r.get("accounts")))
            .thenComparing(r -> r.get("seed"))
            .thenComparingInt(r -> methodOrder(r.get("method")))
            .thenComparing(r -> -parseDouble(r.get("max_moved_percent"), 100)));
  }

  private static int methodOrder(String m) {
    int k = METHODS.indexOf(m);
    return k < 0 ? METHODS.size() : k;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static double parseDouble(String s, double otherwise) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException | NullPointerException e) {
      return otherwise;
    }
  }

  static String fmtP(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }

  // ---------------------------------------------------------------- files

  static List<Map<String, String>> readCsv(Path csv) throws IOException {
    return BenchCsv.read(csv, COLUMNS);
  }

  static void writeCsv(Path csv, List<Map<String, String>> rows) throws IOException {
    BenchCsv.write(csv, COLUMNS, rows);
  }

  private Path writeMarkdown(LocalDate date, List<Map<String, String>> rows) throws IOException {
    String md = BenchReport.markdown(date, rows, options);
    Path file = options.outDir().resolve("optimizer-" + date + ".md");
    Files.writeString(file, md, StandardCharsets.UTF_8);
    Files.writeString(options.outDir().resolve("optimizer-latest.md"), md, StandardCharsets.UTF_8);
    return file;
  }
}
