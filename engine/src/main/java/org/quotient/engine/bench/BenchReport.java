package org.quotient.engine.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quotient.optimizer.solver.SolverSettings;

/** The Markdown tables of a benchmark run, from its CSV rows. */
final class BenchReport {
  private BenchReport() {}

  /** The note, and the hard violations when there are some. */
  static String note(Map<String, String> r) {
    String note = r.get("note");
    if (r.get("status").equals("infeasible")) {
      note = (note.isEmpty() ? "" : note + "; ") + r.get("violations");
    }
    return note.replace("|", "/");
  }

  static String markdown(
      LocalDate date, List<Map<String, String>> rows, BenchmarkRunner.Options options) {
    StringBuilder b = new StringBuilder();
    b.append("# Optimizer benchmark, ").append(date).append("\n\n");
    b.append("Produced by `bin/quotient bench optimizer` on this machine: ")
        .append(BenchMachine.describe())
        .append(". 1-minute load average when each measurement started: ")
        .append(BenchMachine.loadRange(rows))
        .append(
            ". Each (size, method) ran in a fresh JVM (`-Xmx` in the CSV); wall time and peak heap"
                + " cover the method only: instance generation is excluded, but the instance is in"
                + " the heap and counts. Peak heap is the sum of the heap pools' peak use (an upper"
                + " estimate).\n\n");
    b.append(
        "Columns: **pot/wl max** = max over reps of (value per capacity / segment mean) - 1,"
            + " **min** = 1 - min, **CV** = capacity-weighted coefficient of variation of that"
            + " index, all in %, for potential (the generator's true potential) and workload (the"
            + " engine's formula). **moved %** = accounts taken from a current rep who could keep"
            + " them, % of all accounts; **pot moved %** their potential, % of all; **must move** ="
            + " accounts of reps who left (they move in every plan, not in moved %). **travel km**"
            + " = mean distance account to its rep's home. **LB** = lower bound on the accounts"
            + " any plan must move to put every rep within +-"
            + BenchmarkRunner.fmtP(100 * options.tolerance())
            + "% of its segment's mean potential per capacity and within +-"
            + BenchmarkRunner.fmtP(100 * SolverSettings.DEFAULT_WORKLOAD_TOLERANCE)
            + "% of its mean workload per capacity (must-move included; a rep outside a band"
            + " gives, or receives, at least the fewest of the accounts that can cover the gap,"
            + " largest first, whichever measure needs more);"
            + " **moved/LB** = (moved + must move) / LB. Status `infeasible` = some rep above its"
            + " maxWorkload (1.3 x segment mean hours per FTE) or another hard rule broken (see"
            + " the CSV's violations column).\n");
    Map<String, List<Map<String, String>>> bySize = new LinkedHashMap<>();
    for (Map<String, String> r : rows) {
      bySize
          .computeIfAbsent(r.get("size") + " seed " + r.get("seed"), k -> new ArrayList<>())
          .add(r);
    }
    for (List<Map<String, String>> sizeRows : bySize.values()) {
      Map<String, String> first = sizeRows.get(0);
      b.append("\n## ")
          .append(first.get("size"))
          .append(": ")
          .append(first.get("accounts"))
          .append(" accounts, ")
          .append(first.get("reps"))
          .append(" active reps (seed ")
          .append(first.get("seed"))
          .append(")\n\n");
      b.append("Instance: ")
          .append(first.get("new_hires"))
          .append(" new hires without accounts, ")
          .append(first.get("departed_reps"))
          .append(" departed reps (excluded; their ")
          .append(first.get("must_move").isEmpty() ? "?" : first.get("must_move"))
          .append(" accounts must move), ")
          .append(first.get("new_accounts"))
          .append(" new accounts, ")
          .append(first.get("locked"))
          .append(" locked accounts. LB ")
          .append(first.get("lb"))
          .append(" = must move + per segment max(surplus, deficit) side.");
      for (Map<String, String> r : sizeRows) {
        if (r.get("method").equals("quotient") || r.get("method").equals("plain")) {
          b.append(" Time limit (Quotient's safety cap, the plain model's whole budget): ")
              .append(r.get("time_limit_s"))
              .append(" s.");
          break;
        }
      }
      b.append("\n\n");
      String segs = first.get("current_by_segment");
      if (!segs.isEmpty()) {
        b.append(
            "Last year's territories (method `current`: owners kept, orphans to the nearest"
                + " rep), potential per capacity vs segment mean:\n\n");
        b.append(
            "| segment | accounts | reps | max | min | CV |\n|---|---:|---:|---:|---:|---:|\n");
        for (String seg : segs.split(";")) {
          String[] f = seg.split(":", -1);
          b.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s | +%s%% | -%s%% | %s%% |%n",
                  f[0],
                  f[1],
                  f[2],
                  f[3],
                  f[4],
                  f[5]));
        }
        b.append('\n');
      }
      b.append(
          "| method | status | wall s | peak heap MB | pot max % | pot min % | pot CV % | wl max %"
              + " | wl min % | wl CV % | moved % | pot moved % | must move | travel km | LB |"
              + " moved/LB | note |\n");
      b.append(
          "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
      List<Map<String, String>> curve = new ArrayList<>();
      for (Map<String, String> r : sizeRows) {
        boolean quotient = r.get("method").equals("quotient");
        if (quotient) {
          curve.add(r);
        }
        if (quotient && !r.get("max_moved_percent").equals("100")) {
          continue;
        }
        b.append("| ")
            .append(r.get("method"))
            .append(" | ")
            .append(
                String.join(
                    " | ",
                    r.get("status"),
                    r.get("wall_s"),
                    r.get("peak_heap_mb"),
                    r.get("pot_max_pct"),
                    r.get("pot_min_pct"),
                    r.get("pot_cv_pct"),
                    r.get("wl_max_pct"),
                    r.get("wl_min_pct"),
                    r.get("wl_cv_pct"),
                    r.get("moved_pct"),
                    r.get("pot_moved_pct"),
                    r.get("must_move"),
                    r.get("travel_km"),
                    r.get("lb"),
                    r.get("moved_over_lb"),
                    note(r)))
            .append(" |\n");
      }
      for (Map<String, String> r : sizeRows) {
        boolean main =
            r.get("method").equals("quotient") && r.get("max_moved_percent").equals("100");
        if (main && !r.get("travel_added_far").isEmpty()) {
          b.append(
                  "\nQuotient's travel against today's territories: accounts whose rep changed add ")
              .append(r.get("travel_added_short"))
              .append(" km to the mean through moves adding under 300 km each (negative: shorter),")
              .append(" ")
              .append(r.get("travel_added_mid"))
              .append(" km through moves adding 300 to 1,000 km and ")
              .append(r.get("travel_added_far"))
              .append(" km through moves adding more.\n");
        }
      }
      if (curve.size() > 1) {
        b.append(
            "\nDisruption trade-off (Quotient with `--max-moved-percent`): at most that share of"
                + " the accounts may leave a current rep who could keep them (accounts of reps who"
                + " left move anyway); balance is as good as the budget allows, and `infeasible`"
                + " means some rep stays above its maxWorkload within that budget:\n\n");
        b.append(
            "| max moved % | status | wall s | pot max % | pot min % | pot CV % | wl max % | wl CV %"
                + " | moved % | moved | pot moved % |\n");
        b.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Map<String, String>> ordered = new ArrayList<>(curve);
        ordered.sort(
            (x, y) ->
                Double.compare(
                    Double.parseDouble(x.get("max_moved_percent")),
                    Double.parseDouble(y.get("max_moved_percent"))));
        for (Map<String, String> r : ordered) {
          b.append("| ")
              .append(
                  String.join(
                      " | ",
                      r.get("max_moved_percent"),
                      r.get("status"),
                      r.get("wall_s"),
                      r.get("pot_max_pct"),
                      r.get("pot_min_pct"),
                      r.get("pot_cv_pct"),
                      r.get("wl_max_pct"),
                      r.get("wl_cv_pct"),
                      r.get("moved_pct"),
                      r.get("moved"),
                      r.get("pot_moved_pct")))
              .append(" |\n");
        }
      }
    }
    b.append(
        "\nRerun: `cd <repo> && QUOTIENT_HEAP=8g bin/quotient bench optimizer --sizes"
            + " 10k,100k,1m --seed 7` (see optimizer/README.md, section Benchmark).\n");
    return b.toString();
  }
}
