package org.quotient.engine.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.quotient.datasets.DatasetGenerationException;
import org.quotient.datasets.DatasetGenerator;
import org.quotient.datasets.GenerationReport;
import org.quotient.datasets.GeneratorSettings;
import org.quotient.engine.QuotientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quotient generate}: realistic planning data on real US county geography. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate realistic planning data (accounts, reps, opportunities, quota history) placed in"
          + " real US counties by population, plus the hidden true potential in"
          + " ground_truth/true_potential.csv. Same seed, same files."
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--accounts",
      defaultValue = "20000",
      description = "Accounts (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--reps", defaultValue = "200", description = "Reps (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(
      names = "--years",
      defaultValue = "3",
      description = "Years of opportunity history (default: ${DEFAULT-VALUE}).")
  int years;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--as-of",
      description = "First day after the history, YYYY-MM-DD (default: 2026-01-01).")
  LocalDate asOf;

  @Option(
      names = "--config",
      description = "Properties file with option values (option=value, no dashes).")
  String config;

  @Option(names = "--out", description = "Folder to write the CSV files to (required).")
  Path out;

  @Override
  public Integer call() {
    ConfigFile.require("--out", out);
    GenerationReport report = generate(accounts, reps, years, seed, asOf, out);
    System.out.println("generated " + out.toAbsolutePath() + ": " + report);
    return 0;
  }

  static GenerationReport generate(
      int accounts, int reps, int years, long seed, LocalDate asOf, Path out) {
    try {
      return DatasetGenerator.generate(
          new GeneratorSettings(
              accounts, reps, years, seed, asOf == null ? GeneratorSettings.DEFAULT_AS_OF : asOf),
          out);
    } catch (DatasetGenerationException | IllegalArgumentException e) {
      throw new QuotientException(e.getMessage(), QuotientException.EXIT_INPUT, e);
    }
  }
}
