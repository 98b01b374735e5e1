package org.quotient.datasets;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: how many accounts and reps, how many years of history before {@code asOf}, and
 * the seed. Same settings, byte-identical files.
 *
 * @param accounts number of accounts, 1 to 10,000,000
 * @param reps number of reps, at least 3 (every segment gets one)
 * @param years years of opportunity and quota history before {@code asOf}, 1 to 10
 * @param seed seed of every random draw
 * @param asOf the planning date; history covers the {@code years} years before it
 */
public record GeneratorSettings(int accounts, int reps, int years, long seed, LocalDate asOf) {

  /** The default planning date: history covers the years before 2026-01-01. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);

  public static final int MAX_ACCOUNTS = 10_000_000;
  public static final int MIN_REPS = 3;
  public static final int MAX_YEARS = 10;

  public GeneratorSettings {
    if (accounts < 1) {
      throw DatasetErrors.invalidSetting("accounts", accounts, "must be at least 1");
    }
    if (accounts > MAX_ACCOUNTS) {
      throw DatasetErrors.invalidSetting("accounts", accounts, "must be at most 10000000");
    }
    if (reps < MIN_REPS) {
      throw DatasetErrors.invalidSetting(
          "reps",
          reps,
          "must be at least 3 so that each segment (enterprise, mid_market, smb) has a rep");
    }
    if (years < 1 || years > MAX_YEARS) {
      throw DatasetErrors.invalidSetting("years", years, "must be between 1 and 10");
    }
    Objects.requireNonNull(asOf, "asOf");
  }

  /** Settings with the default planning date {@link #DEFAULT_AS_OF}. */
  public GeneratorSettings(int accounts, int reps, int years, long seed) {
    this(accounts, reps, years, seed, DEFAULT_AS_OF);
  }
}
