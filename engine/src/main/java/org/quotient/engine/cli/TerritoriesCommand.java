package org.quotient.engine.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quotient.engine.QuotientException;
import org.quotient.optimizer.geo.GeoErrors;
import org.quotient.optimizer.geo.GeoException;
import org.quotient.optimizer.geo.GeoObjective;
import org.quotient.optimizer.geo.GeoPlan;
import org.quotient.optimizer.geo.GeoPlanner;
import org.quotient.optimizer.geo.GeoProblem;
import org.quotient.optimizer.geo.GeoSettings;
import org.quotient.optimizer.geo.GeoTerritorySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quotient territories}: geographic-unit mode. Splits units (ZIP codes, counties) into K
 * connected territories with balanced measures; pure Java, no Spark.
 */
@Command(
    name = "territories",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Split geographic units (ZIP codes, counties) into K territories, each connected in the"
          + " adjacency graph and each balanced measure within ±tolerance of its mean, with few cut"
          + " edges or compact shapes. Writes unit_id,territory (territories 0..K-1).",
      "Exit codes: 0 feasible plan, 2 bad input, 3 no feasible plan found (the best plan is"
          + " written and the violations listed)."
    })
final class TerritoriesCommand implements Callable<Integer> {
  @Option(
      names = "--units",
      required = true,
      description = "CSV with a header: unit_id, optional lat and lon, numeric measure columns.")
  Path units;

  @Option(
      names = "--adjacency",
      required = true,
      description = "CSV with a header unit_a,unit_b: one row per adjacent pair, either order.")
  Path adjacency;

  @Option(names = "--territories", required = true, description = "Number of territories K.")
  int territories;

  @Option(
      names = "--balance",
      required = true,
      split = ",",
      description = "Measure column(s) of the units file to balance, e.g. population,accounts.")
  List<String> balance;

  @Option(
      names = "--tolerance",
      required = true,
      description = "Allowed deviation from the mean: a fraction (0.005) or a percentage (0.5%%).")
  String tolerance;

  @Option(
      names = "--objective",
      defaultValue = "cut-edges",
      description = "cut-edges or compactness (needs lat,lon) (default: ${DEFAULT-VALUE}).")
  String objective;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed; same input and seed, same plan (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--time-limit",
      defaultValue = "60",
      description =
          "Cap on the search in seconds; the search normally ends on move counts"
              + " (default: ${DEFAULT-VALUE}).")
  long timeLimitSeconds;

  @Option(
      names = "--ignore-unknown-edges",
      description = "Skip adjacency rows naming a unit not in --units (with a warning).")
  boolean ignoreUnknownEdges;

  @Option(names = "--out", required = true, description = "Where to write unit_id,territory.")
  Path out;

  @Override
  public Integer call() {
    PrintStream stdout = System.out;
    GeoPlan plan;
    try {
      GeoObjective goal = GeoObjective.fromLabel(objective);
      if (goal == null) {
        throw GeoErrors.unknownObjective(objective);
      }
      double fraction = parseTolerance(tolerance);
      GeoProblem problem =
          new GeoProblem(
              units.toString(),
              GeoCsv.readUnits(units, balance),
              adjacency.toString(),
              GeoCsv.readEdges(adjacency),
              balance,
              territories,
              fraction,
              goal);
      GeoSettings settings =
          GeoSettings.defaults()
              .withSeed(seed)
              .withTimeLimit(Duration.ofSeconds(Math.max(1, timeLimitSeconds)))
              .withIgnoreUnknownEdges(ignoreUnknownEdges);
      plan = GeoPlanner.plan(problem, settings, line -> stdout.println(line));
      GeoCsv.writeAssignments(plan, out);
    } catch (GeoException e) {
      throw new QuotientException(e.getMessage(), QuotientException.EXIT_INPUT, e);
    }
    print(plan, stdout);
    if (!plan.feasible()) {
      PrintStream err = System.err;
      err.println();
      err.println(
          "error: no feasible plan found"
              + (plan.timeLimitHit() ? " within the time limit" : "")
              + "; the best plan found was written to "
              + out
              + ". Violations:");
      plan.violations().forEach(v -> err.println("  - " + v));
      err.flush();
      return QuotientException.EXIT_INFEASIBLE;
    }
    return 0;
  }

  /** "0.005" is 0.5%, "0.5%" too; anything else outside (0, 1) is rejected. */
  static double parseTolerance(String text) {
    String trimmed = text.trim();
    try {
      double value =
          trimmed.endsWith("%")
              ? new BigDecimal(trimmed.substring(0, trimmed.length() - 1).trim())
                  .movePointLeft(2)
                  .doubleValue()
              : Double.parseDouble(trimmed);
      if (value > 0 && value < 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw GeoErrors.toleranceOutOfRange(text);
  }

  private void print(GeoPlan plan, PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "territories: K=%d, %d units, objective %s, seed %d%n",
        plan.territories().size(),
        plan.assignments().size(),
        plan.objective().label(),
        seed);
    out.printf(Locale.ROOT, "  cut edges:    %,d%n", plan.cutEdges());
    out.println(
        "  compactness:  "
            + (plan.compactnessKm2().isPresent()
                ? String.format(
                    Locale.ROOT,
                    "%,.0f km² (sum of squared distances from units to their territory's centre)",
                    plan.compactnessKm2().getAsDouble())
                : "unavailable (some units have no lat/lon)"));
    for (int m = 0; m < plan.measureNames().size(); m++) {
      double deviation = plan.maxDeviations().get(m);
      out.printf(
          Locale.ROOT,
          "  %s: max deviation %.3f%% (tolerance ±%s) %s%n",
          plan.measureNames().get(m),
          deviation * 100,
          percent(plan.tolerance()),
          deviation <= plan.tolerance() + 1e-9 ? "ok" : "OUTSIDE");
    }
    out.printf(
        Locale.ROOT,
        "  time:         %.1f s, %,d moves%s%n",
        plan.time().toMillis() / 1000.0,
        plan.movesTried(),
        plan.timeLimitHit()
            ? " (stopped by the time limit of " + timeLimitSeconds + " s; a rerun may differ)"
            : "");
    out.println("  feasible:     " + (plan.feasible() ? "yes" : "no"));
    out.println("  written:      " + out(plan));
    if (plan.territories().size() <= 20) {
      StringBuilder header = new StringBuilder("  territory  units");
      plan.measureNames().forEach(name -> header.append("  ").append(name).append(" (dev)"));
      out.println(header);
      for (GeoTerritorySummary t : plan.territories()) {
        StringBuilder row =
            new StringBuilder(String.format(Locale.ROOT, "  %9d  %5d", t.territory(), t.units()));
        for (int m = 0; m < t.totals().size(); m++) {
          row.append(
              String.format(
                  Locale.ROOT,
                  "  %,.0f (%+.2f%%)",
                  t.totals().get(m),
                  t.deviations().get(m) * 100));
        }
        if (t.pieces() != 1) {
          row.append("  ").append(t.pieces()).append(" pieces");
        }
        out.println(row);
      }
    }
    out.flush();
  }

  private String out(GeoPlan plan) {
    return out.toAbsolutePath() + " (" + plan.assignments().size() + " units)";
  }

  private static String percent(double fraction) {
    return new BigDecimal(String.format(Locale.ROOT, "%.4f", fraction * 100))
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
