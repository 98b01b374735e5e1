package org.quotient.engine.bench;

import java.util.Locale;

/**
 * One benchmark size: accounts and reps.
 *
 * @param label short name used in files and tables, e.g. 10k
 * @param accounts number of accounts
 * @param reps number of reps
 */
public record BenchSize(String label, int accounts, int reps) {
  /** 10k = 10,000 accounts / 100 reps, 100k = 100,000 / 500, 1m = 1,000,000 / 2,000. */
  public static BenchSize parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "10k" -> new BenchSize("10k", 10_000, 100);
      case "100k" -> new BenchSize("100k", 100_000, 500);
      case "1m" -> new BenchSize("1m", 1_000_000, 2_000);
      default -> {
        // ACCOUNTSxREPS, e.g. 2000x20
        String[] parts = t.split("x");
        if (parts.length != 2) {
          throw new IllegalArgumentException(
              "unknown size '" + text + "': use 10k, 100k, 1m or ACCOUNTSxREPS (e.g. 2000x20)");
        }
        yield new BenchSize(t, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    };
  }
}
